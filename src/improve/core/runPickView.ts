import * as l10n from '@vscode/l10n';
import type { RunListItem } from '../../core/apiTypes';

/** A run failed when its evaluation failed, or it never got evaluated because the call or the run failed. */
export function isFailedRun(run: RunListItem): boolean {
	if (run.evaluation_status === 'failure' || run.evaluation_status === 'reviewed_failure') return true;
	if (run.evaluation_status === 'success' || run.evaluation_status === 'reviewed_success') return false;
	return run.status === 'failed' || run.status === 'timeout' || (run.status === 'completed' && run.success === false);
}

function runOutcome(run: RunListItem): string {
	if (isFailedRun(run)) return l10n.t('Failed');
	if (run.evaluation_status === 'success' || run.evaluation_status === 'reviewed_success' || run.success === true) return l10n.t('Passed');
	return l10n.t('Not evaluated');
}

export interface RunPickView {
	id: number;
	failed: boolean;
	label: string;
	description: string;
	detail: string;
}

/** What the run picker shows for one run: `#5546 Reschedule cleaning…`, `Failed · completed · 02:14`, agent and time. */
export function runPickView(run: RunListItem): RunPickView {
	const failed = isFailedRun(run);
	const parts = [runOutcome(run), run.status ?? l10n.t('unknown status')];
	if (run.duration && run.duration !== '00:00') parts.push(run.duration);
	const detail = [run.agent_name, formatTimestamp(run.timestamp), run.error_message].filter((p): p is string => !!p).join(' · ');
	return {
		id: run.id,
		failed,
		label: `#${run.id} ${run.scenario_name ?? l10n.t('Unnamed scenario')}`,
		description: parts.join(' · '),
		detail,
	};
}

/** Failed runs first, newest first within each group; the order the server gave breaks ties. */
export function orderRunsForPicking(runs: readonly RunListItem[]): { failed: RunListItem[]; other: RunListItem[] } {
	const byNewest = [...runs].sort((a, b) => timeOf(b) - timeOf(a));
	return { failed: byNewest.filter(isFailedRun), other: byNewest.filter((r) => !isFailedRun(r)) };
}

function timeOf(run: RunListItem): number {
	const t = run.timestamp ? Date.parse(run.timestamp) : NaN;
	return Number.isNaN(t) ? 0 : t;
}

/** `2026-08-12 10:02 UTC`: unambiguous, and the same on every machine. */
function formatTimestamp(timestamp: string | null | undefined): string | undefined {
	if (!timestamp) return undefined;
	const date = new Date(timestamp);
	if (Number.isNaN(date.getTime())) return timestamp;
	return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
