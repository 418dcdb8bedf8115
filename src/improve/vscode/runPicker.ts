import * as vscode from 'vscode';
import { QuickInputIds } from '../../core/quickInputIds';
import type { RunListFilters } from '../../core/apiTypes';
import type { CekuraClient } from '../core/cekuraClient';
import { isCancellation } from '../../core/cancellation';
import { errorMessage } from '../../core/errorMessage';
import { MAX_RUNS } from '../core/runIds';
import { RunPickList } from '../core/runPickList';
import { isBack, type Back, type StepPosition } from '../../core/quickInputStep';
import { inBackground } from '../../vscode/background';
import type { Log } from '../../vscode/log';
import { askRunIds } from './manualRunIds';
import { runQuickPick } from './quickPickSession';
import type { Ui } from '../../vscode/ui';

interface RunItem extends vscode.QuickPickItem {
	runId?: number;
	special?: 'manual' | 'loadMore';
}

type Outcome = { chosen: number[] } | { manual: number[] } | { failed: string; checked: number[] };

// Functions: a message is translated when it is shown, after VS Code has loaded the extension's l10n bundle.
const TITLE = (): string => vscode.l10n.t('Cekura: Choose up to {0} runs', MAX_RUNS);
const PLACEHOLDER = (): string => vscode.l10n.t('Type a run ID or scenario name to filter; failed runs are listed first');
const TOO_MANY_RUNS = (): string => vscode.l10n.t('At most {0} runs: uncheck one first', MAX_RUNS);

/**
 * The account's runs in a multi-select quick pick, failed first, with more pages on demand and manual entry;
 * `checked` are checked when the list arrives. Resolves the chosen run IDs, BACK, or undefined when the user cancels.
 */
export async function pickRuns(ui: Ui, client: CekuraClient, filters: RunListFilters, checked: readonly number[], log: Log, position: StepPosition): Promise<number[] | Back | undefined> {
	const picker = ui.createQuickPick<RunItem>(QuickInputIds.runs);
	const loading = new AbortController();
	// Sorted as pages arrive, with each run's item built once: one more page does not redo the ones loaded.
	const runs = new RunPickList<RunItem>((view) => ({ label: view.label, description: view.description, detail: view.detail, runId: view.id }));
	let nextPage: string | null = null;
	let previous: readonly RunItem[] = [];

	const manualItem: RunItem = { label: vscode.l10n.t('$(edit) Enter run IDs manually…'), special: 'manual', alwaysShow: true };
	const loadMoreItem: RunItem = { label: vscode.l10n.t('$(ellipsis) Load more runs…'), special: 'loadMore', alwaysShow: true };

	const chosenIds = (items: readonly RunItem[]): number[] => items.flatMap((i) => (i.runId !== undefined ? [i.runId] : []));
	const setCountTitle = (count: number): void => {
		picker.title = vscode.l10n.t('{0} · {1} of {2} chosen', TITLE(), count, MAX_RUNS);
		picker.placeholder = PLACEHOLDER();
	};

	const render = (selectedIds: readonly number[]): void => {
		const { failed, other } = runs.items();
		const items: RunItem[] = [manualItem];
		if (failed.length) items.push({ label: vscode.l10n.t('Failed runs'), kind: vscode.QuickPickItemKind.Separator }, ...failed);
		if (other.length) items.push({ label: vscode.l10n.t('Other runs'), kind: vscode.QuickPickItemKind.Separator }, ...other);
		if (nextPage) items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, loadMoreItem);
		picker.keepScrollPosition = true;
		picker.items = items;
		// Replacing items keeps stale selections (microsoft/vscode#75046): select again by ID.
		previous = items.filter((i) => i.runId !== undefined && selectedIds.includes(i.runId));
		picker.selectedItems = previous;
		setCountTitle(previous.length);
		if (runs.size === 0) picker.placeholder = vscode.l10n.t('No runs found for this account and filter. Choose “Enter run IDs manually…”.');
	};

	const load = async (next: boolean, settle: (outcome: Outcome) => void): Promise<void> => {
		picker.busy = true;
		try {
			const page = next && nextPage ? await client.nextRunsPage(nextPage, loading.signal) : await client.listRuns(filters, loading.signal);
			runs.add(page.results);
			nextPage = page.next;
			log.info(`Run list: ${runs.size} of ${page.count} runs loaded.`);
			render(next ? chosenIds(picker.selectedItems) : checked);
		} catch (err) {
			if (isCancellation(err)) return;
			log.warn(`Could not list runs: ${errorMessage(err)}`);
			settle({ failed: errorMessage(err), checked: chosenIds(picker.selectedItems) });
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

	let outcome: Outcome | Back | undefined;
	try {
		outcome = await runQuickPick<RunItem, Outcome>(picker, (settle) => {
			inBackground(load(false, settle), 'Loading the run list', log);
			return [
				picker.onDidChangeSelection((selected) => {
					if (selected.some((i) => i.special === 'manual')) {
						settle({ manual: chosenIds(selected) });
						return;
					}
					if (selected.some((i) => i.special === 'loadMore')) {
						picker.selectedItems = selected.filter((i) => i.special !== 'loadMore');
						inBackground(load(true, settle), 'Loading more runs', log);
						return;
					}
					const ids = chosenIds(selected);
					// Setting selectedItems comes back as a selection event: leave the title alone for that echo.
					if (sameIds(ids, chosenIds(previous))) return;
					if (ids.length > MAX_RUNS) {
						picker.selectedItems = previous;
						picker.title = `${TITLE()}: ${TOO_MANY_RUNS()}`;
						picker.placeholder = vscode.l10n.t('{0} · {1} of {2} chosen', TOO_MANY_RUNS(), MAX_RUNS, MAX_RUNS);
						return;
					}
					previous = selected;
					setCountTitle(ids.length);
				}),
				picker.onDidAccept(() => {
					const ids = chosenIds(picker.selectedItems);
					if (ids.length === 0) {
						picker.title = vscode.l10n.t('{0}: check at least one run, or enter IDs manually', TITLE());
						return;
					}
					settle({ chosen: ids });
				}),
			];
		}, position);
	} finally {
		loading.abort();
	}

	if (outcome === undefined || isBack(outcome)) return outcome;
	if ('chosen' in outcome) return outcome.chosen;
	if ('manual' in outcome) return askRunIds(ui, position, { initial: outcome.manual.length ? outcome.manual : checked });
	return askRunIds(ui, position, { initial: outcome.checked.length ? outcome.checked : checked, reason: vscode.l10n.t('Could not list your runs: {0}', outcome.failed) });
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
	return a.length === b.length && a.every((id) => b.includes(id));
}
