import * as l10n from '@vscode/l10n';
import type { EvalMetric, Run } from '../../core/apiTypes';
import { readRuns } from './runFields';
import type { Focus } from '../../core/focus';

export interface FocusOption {
	kind: 'workflowMetric' | 'category';
	id: number;
	name: string;
	/** The chosen runs in which it failed, for the picker's description. */
	runIds: number[];
	/** Cekura sent no name: `name` says so, and the checks of a proposal cannot look for it. */
	unnamed?: true;
}

/** No filter: the improvement looks at every failure of the runs. */
export const NO_FOCUS: Focus = Object.freeze({ workflow_metric_ids: [], category_ids: [] });

/** Binary workflow-adherence metrics (v1 `binary_workflow_adherence`, v2 `eval_type: binary`) that failed. */
export function isFailedWorkflowMetric(metric: EvalMetric): boolean {
	const binary = metric.type === 'binary_workflow_adherence' || metric.eval_type === 'binary' || metric.eval_type === 'binary_workflow_adherence';
	if (!binary) return false;
	if (metric.passed === false) return true;
	if (metric.passed === true) return false;
	if (typeof metric.score_normalized === 'number') return metric.score_normalized === 0;
	return metric.score === 0;
}

/**
 * What improve_prompt can focus on for these runs: their failed workflow metrics (`workflow_metric_ids`) and their
 * critical categories (`category_ids`), leaving out categories marked wrong or "not a bug". Fields of the wrong type
 * are left out (`readRuns`); one without a name is offered under its ID.
 */
export function focusOptionsOf(runs: readonly Run[]): FocusOption[] {
	const options = new Map<string, FocusOption>();
	const add = (kind: FocusOption['kind'], id: number, given: string, runId: number): void => {
		const key = `${kind}:${id}`;
		const name = given.trim() || (kind === 'workflowMetric' ? l10n.t('Metric {0} (Cekura sent no name)', id) : l10n.t('Category {0} (Cekura sent no name)', id));
		const existing = options.get(key);
		if (existing) {
			if (!existing.runIds.includes(runId)) existing.runIds.push(runId);
		} else {
			options.set(key, given.trim() ? { kind, id, name, runIds: [runId] } : { kind, id, name, runIds: [runId], unnamed: true });
		}
	};
	for (const { run } of readRuns(runs)) {
		for (const metric of run.evaluation?.metrics ?? []) {
			if (typeof metric.id === 'number' && isFailedWorkflowMetric(metric)) add('workflowMetric', metric.id, metric.name, run.id);
		}
		for (const category of run.critical_categories ?? []) {
			if (typeof category.category_id !== 'number' || category.wrongly_marked || category.priority === 'not_a_bug') continue;
			add('category', category.category_id, category.category, run.id);
		}
	}
	return [...options.values()];
}

export function focusIds(chosen: readonly FocusOption[]): Focus {
	return {
		workflow_metric_ids: chosen.filter((o) => o.kind === 'workflowMetric').map((o) => o.id),
		category_ids: chosen.filter((o) => o.kind === 'category').map((o) => o.id),
	};
}

/** The options checked when the focus step shows: all of them at first; after Back, the ones `earlier` chose. */
export function checkedOptions(options: readonly FocusOption[], earlier: Focus | undefined): FocusOption[] {
	if (!earlier) return [...options];
	return options.filter((o) => (o.kind === 'workflowMetric' ? earlier.workflow_metric_ids : earlier.category_ids).includes(o.id));
}
