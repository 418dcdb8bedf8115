import { formatRunIds, MAX_RUNS, parseRunIds } from '../core/runIds';
import type { Ui } from './userInterface';

/** An input box for typed run IDs ("12, 34 56"). Resolves the parsed IDs, or undefined when cancelled. */
export async function askRunIds(ui: Ui, options: { initial: readonly number[]; reason?: string }): Promise<number[] | undefined> {
	const value = await ui.window.showInputBox({
		title: `Cekura: Enter up to ${MAX_RUNS} run IDs`,
		prompt: `${options.reason ? `${options.reason} ` : ''}Run IDs, separated by commas or spaces (at most ${MAX_RUNS}).`,
		placeHolder: 'e.g. 5546, 5547',
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
