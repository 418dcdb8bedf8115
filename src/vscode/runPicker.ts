import * as vscode from 'vscode';
import type { RunListFilters, RunListItem } from '../core/apiTypes';
import type { CekuraClient } from '../core/cekuraClient';
import { CekuraError } from '../core/cekuraError';
import { MAX_RUNS } from '../core/runIds';
import { orderRunsForPicking, runPickView } from '../core/runSummary';
import type { Log } from './log';
import { askRunIds } from './manualRunIds';

interface RunItem extends vscode.QuickPickItem {
	kind?: vscode.QuickPickItemKind;
	runId?: number;
	special?: 'manual' | 'loadMore';
}

const TITLE = `Cekura: Choose up to ${MAX_RUNS} runs`;
const PLACEHOLDER = 'Type a run ID or scenario name to filter; failed runs are listed first';
export const TOO_MANY_RUNS = `At most ${MAX_RUNS} runs: uncheck one first`;

/**
 * The account's runs in a multi-select quick pick, failed first, with more pages on demand and manual entry.
 * Resolves the chosen run IDs, or undefined when the user cancels.
 */
export async function pickRuns(client: CekuraClient, filters: RunListFilters, lastIds: readonly number[], log: Log): Promise<number[] | undefined> {
	const picker = vscode.window.createQuickPick<RunItem>();
	const loading = new AbortController();
	const disposables: vscode.Disposable[] = [picker];
	const runs: RunListItem[] = [];
	let nextPage: string | null = null;
	let previous: readonly RunItem[] = [];
	let settle: (value: number[] | undefined | 'manual' | { failed: string }) => void = () => {};
	const done = new Promise<number[] | undefined | 'manual' | { failed: string }>((resolve) => (settle = resolve));

	const manualItem: RunItem = { label: '$(edit) Enter run IDs manually…', special: 'manual', alwaysShow: true };
	const loadMoreItem: RunItem = { label: '$(ellipsis) Load more runs…', special: 'loadMore', alwaysShow: true };

	const chosenIds = (items: readonly RunItem[]): number[] => items.flatMap((i) => (i.runId !== undefined ? [i.runId] : []));
	const setCountTitle = (count: number): void => {
		picker.title = `${TITLE} (${count}/${MAX_RUNS} chosen)`;
		picker.placeholder = PLACEHOLDER;
	};

	const render = (selectedIds: readonly number[]): void => {
		const { failed, other } = orderRunsForPicking(runs);
		const toItem = (run: RunListItem): RunItem => {
			const view = runPickView(run);
			return { label: view.label, description: view.description, detail: view.detail, runId: view.id };
		};
		const items: RunItem[] = [manualItem];
		if (failed.length) items.push({ label: 'Failed runs', kind: vscode.QuickPickItemKind.Separator }, ...failed.map(toItem));
		if (other.length) items.push({ label: 'Other runs', kind: vscode.QuickPickItemKind.Separator }, ...other.map(toItem));
		if (nextPage) items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, loadMoreItem);
		picker.keepScrollPosition = true;
		picker.items = items;
		// Replacing items keeps stale selections (microsoft/vscode#75046): select again by ID.
		previous = items.filter((i) => i.runId !== undefined && selectedIds.includes(i.runId));
		picker.selectedItems = previous;
		setCountTitle(previous.length);
		if (runs.length === 0) picker.placeholder = 'No runs found for this account and filter. Choose “Enter run IDs manually…”.';
	};

	const load = async (next: boolean): Promise<void> => {
		picker.busy = true;
		try {
			const page = next && nextPage ? await client.nextRunsPage(nextPage, loading.signal) : await client.listRuns(filters, loading.signal);
			const known = new Set(runs.map((r) => r.id));
			runs.push(...page.results.filter((r) => !known.has(r.id)));
			nextPage = page.next;
			log.info(`Run list: ${runs.length} of ${page.count} runs loaded.`);
			render(next ? chosenIds(picker.selectedItems) : lastIds);
		} catch (err) {
			if (err instanceof CekuraError && err.kind === 'cancelled') return;
			const message = err instanceof Error ? err.message : String(err);
			log.warn(`Could not list runs: ${message}`);
			settle({ failed: message });
		} finally {
			picker.busy = false;
		}
	};

	picker.canSelectMany = true;
	picker.matchOnDescription = true;
	picker.matchOnDetail = true;
	picker.ignoreFocusOut = true;
	picker.items = [manualItem];
	setCountTitle(0);
	picker.busy = true;

	disposables.push(
		picker.onDidChangeSelection((selected) => {
			if (selected.some((i) => i.special === 'manual')) {
				settle('manual');
				return;
			}
			if (selected.some((i) => i.special === 'loadMore')) {
				picker.selectedItems = selected.filter((i) => i.special !== 'loadMore');
				void load(true);
				return;
			}
			const ids = chosenIds(selected);
			// Setting selectedItems comes back as a selection event: leave the title alone for that echo.
			if (sameIds(ids, chosenIds(previous))) return;
			if (ids.length > MAX_RUNS) {
				picker.selectedItems = previous;
				picker.title = `${TITLE}: ${TOO_MANY_RUNS}`;
				picker.placeholder = `${TOO_MANY_RUNS} (${MAX_RUNS}/${MAX_RUNS} chosen)`;
				return;
			}
			previous = selected;
			setCountTitle(ids.length);
		}),
		picker.onDidAccept(() => {
			const ids = chosenIds(picker.selectedItems);
			if (ids.length === 0) {
				picker.title = `${TITLE}: check at least one run, or enter IDs manually`;
				return;
			}
			settle(ids);
		}),
		picker.onDidHide(() => settle(undefined)),
	);

	picker.show();
	void load(false);
	const outcome = await done;
	loading.abort();
	const checked = chosenIds(picker.selectedItems);
	disposables.forEach((d) => d.dispose());

	if (outcome === 'manual') return askRunIds({ initial: checked.length ? checked : lastIds });
	if (outcome !== undefined && !Array.isArray(outcome)) {
		return askRunIds({ initial: lastIds, reason: `Could not list your runs: ${outcome.failed}` });
	}
	return outcome;
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
	return a.length === b.length && a.every((id) => b.includes(id));
}
