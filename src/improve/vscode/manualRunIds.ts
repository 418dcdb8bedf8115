import * as vscode from 'vscode';
import { QuickInputIds } from '../../core/quickInputIds';
import { formatRunIds, MAX_RUNS, parseRunIds } from '../core/runIds';
import { isBack, type Back, type StepPosition } from '../../core/quickInputStep';
import type { Ui } from '../../vscode/ui';

/** An input box for typed run IDs ("12, 34 56"), as the runs step. Resolves the parsed IDs, BACK, or undefined when cancelled. */
export async function askRunIds(ui: Ui, position: StepPosition, options: { initial: readonly number[]; reason?: string }): Promise<number[] | Back | undefined> {
	const value = await ui.inputStep({
		id: QuickInputIds.runIds,
		title: vscode.l10n.t('Cekura: Enter up to {0} run IDs', MAX_RUNS),
		prompt: (options.reason ? `${options.reason} ` : '') + vscode.l10n.t('Run IDs, separated by commas or spaces (at most {0}).', MAX_RUNS),
		placeHolder: vscode.l10n.t('e.g. 5546, 5547'),
		value: formatRunIds(options.initial),
		ignoreFocusOut: true,
		validateInput: (text) => {
			const parsed = parseRunIds(text);
			return parsed.ok ? undefined : parsed.message;
		},
	}, position);
	if (value === undefined || isBack(value)) return value;
	const parsed = parseRunIds(value);
	return parsed.ok ? parsed.ids : undefined;
}
