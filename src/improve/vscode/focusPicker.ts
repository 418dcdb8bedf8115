import * as vscode from 'vscode';
import { QuickInputIds } from '../../core/quickInputIds';
import type { CekuraClient } from '../core/cekuraClient';
import { isCancellation } from '../../core/cancellation';
import { errorMessage } from '../../core/errorMessage';
import { checkedOptions, focusIds, focusOptionsOf, NO_FOCUS, type FocusOption } from '../core/focusOptions';
import { focusNamesOf } from '../core/focusNames';
import type { Focus } from '../../core/focus';
import type { Back, StepPosition } from '../../core/quickInputStep';
import { inBackground } from '../../vscode/background';
import type { Log } from '../../vscode/log';
import { runQuickPick } from './quickPickSession';
import type { Ui } from '../../vscode/ui';

interface FocusItem extends vscode.QuickPickItem {
	option?: FocusOption;
}

const SKIPPED: FocusAnswer = { focus: NO_FOCUS, skipped: true, names: new Map() };

/** The focus the user chose, or none because the step had nothing to offer (`skipped`). */
interface FocusAnswer {
	focus: Focus;
	skipped: boolean;
	/** The names of every failure the step offered, for the proposal's coverage check (`focusNamesOf`). */
	names: ReadonlyMap<string, string>;
}

/**
 * Optional step: the chosen runs' failing workflow metrics and critical categories, all checked, or after Back the
 * ones `earlier` chose for these runs. Accepting with nothing checked means no filter. When the lookup fails or finds
 * nothing, the step is skipped (and logged). Resolves BACK, or undefined only when the user cancels.
 */
export async function pickFocus(ui: Ui, client: CekuraClient, runIds: readonly number[], log: Log, position: StepPosition, earlier?: Focus): Promise<FocusAnswer | Back | undefined> {
	const picker = ui.createQuickPick<FocusItem>(QuickInputIds.focus);
	const loading = new AbortController();
	picker.canSelectMany = true;
	picker.ignoreFocusOut = true;
	picker.matchOnDescription = true;
	picker.title = vscode.l10n.t('Cekura: Focus the improvement (optional)');
	picker.placeholder = vscode.l10n.t('Looking up what failed in these runs…');
	picker.busy = true;

	let names: ReadonlyMap<string, string> = new Map();
	const showOptions = (options: readonly FocusOption[]): void => {
		names = focusNamesOf(options);
		const item = (o: FocusOption): FocusItem => ({ label: o.name, description: vscode.l10n.t('#{0} · failed in run {1}', o.id, o.runIds.join(', ')), option: o });
		const metrics = options.filter((o) => o.kind === 'workflowMetric').map(item);
		const categories = options.filter((o) => o.kind === 'category').map(item);
		const items: FocusItem[] = [];
		if (metrics.length) items.push({ label: vscode.l10n.t('Failing workflow metrics'), kind: vscode.QuickPickItemKind.Separator }, ...metrics);
		if (categories.length) items.push({ label: vscode.l10n.t('Critical categories'), kind: vscode.QuickPickItemKind.Separator }, ...categories);
		picker.items = items;
		const checked = new Set(checkedOptions(options, earlier));
		picker.selectedItems = [...metrics, ...categories].filter((i) => i.option && checked.has(i.option));
		picker.placeholder = vscode.l10n.t('Uncheck what the improvement should ignore, then press OK (nothing checked = no filter)');
		picker.busy = false;
	};

	try {
		return await runQuickPick<FocusItem, FocusAnswer>(picker, (settle) => {
			// A failure while reading the answer settles too, so the picker never stays on "Looking up…".
			const lookup = client
				.bulkRuns(runIds, loading.signal)
				.then((runs) => {
					const options = focusOptionsOf(runs);
					if (options.length > 0) {
						showOptions(options);
						return;
					}
					log.info(`Focus step skipped: runs ${runIds.join(', ')} have no failing workflow metrics or critical categories.`);
					settle(SKIPPED);
				})
				.catch((err: unknown) => {
					if (isCancellation(err)) return;
					log.warn(`Focus step skipped: could not look up runs ${runIds.join(', ')}: ${errorMessage(err)}`);
					settle(SKIPPED);
				});
			inBackground(lookup, 'The focus step', log);
			return [
				picker.onDidAccept(() => {
					const chosen = picker.selectedItems.flatMap((i) => (i.option ? [i.option] : []));
					settle({ focus: chosen.length ? focusIds(chosen) : NO_FOCUS, skipped: false, names });
				}),
			];
		}, position);
	} finally {
		loading.abort();
	}
}
