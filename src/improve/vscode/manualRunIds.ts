import * as vscode from 'vscode';
import { formatRunIds, MAX_RUNS, parseRunIds } from '../core/runIds';
import type { Ui } from '../../vscode/userInterface';

/** An input box for typed run IDs ("12, 34 56"). Resolves the parsed IDs, or undefined when cancelled. */
export async function askRunIds(ui: Ui, options: { initial: readonly number[]; reason?: string }): Promise<number[] | undefined> {
	const value = await ui.window.showInputBox({
		title: vscode.l10n.t('Cekura: Enter up to {0} run IDs', MAX_RUNS),
		prompt: (options.reason ? `${options.reason} ` : '') + vscode.l10n.t('Run IDs, separated by commas or spaces (at most {0}).', MAX_RUNS),
		placeHolder: vscode.l10n.t('e.g. 5546, 5547'),
		value: formatRunIds(options.initial),
		ignoreFocusOut: true,
		validateInput: (text) => {
			const parsed = parseRunIds(text);
			return parsed.ok ? undefined : parsed.message;
		},
	});
	if (value === undefined) return undefined;
	const parsed = parseRunIds(value);
	return parsed.ok ? parsed.ids : undefined;
}
