import type * as vscode from 'vscode';
import { isBack } from '../core/quickInputStep';
import { RedactingQuickPick } from './redactingQuickPick';
import type { InputBoxSpec, UserInterface } from './userInterface';

/**
 * The one place where what the user is shown loses the API keys: every message, input box (title, prompt,
 * placeholder, value, validation message) and quick pick (title, placeholder, items; the ones `createQuickPick`
 * makes too) goes through `redact`, so a server that echoes a key in an error body, a run's scenario name or a
 * summary cannot get it onto the screen. Quick pick items are shown as redacted copies; the items picked are handed
 * back as the caller's own.
 */
export function redactingWindow(inner: UserInterface, redact: (text: string) => string): UserInterface {
	const opt = (text: string | undefined): string | undefined => (text === undefined ? undefined : redact(text));
	const box = (options: InputBoxSpec): InputBoxSpec => {
		const validate = options.validateInput;
		return {
			...options,
			title: opt(options.title),
			prompt: opt(options.prompt),
			placeHolder: opt(options.placeHolder),
			value: options.password ? options.value : opt(options.value),
			validateInput: validate
				? async (value) => {
						const result = await validate(value);
						if (typeof result === 'string') return redact(result);
						return result ? { ...result, message: redact(result.message) } : result;
					}
				: undefined,
		};
	};
	const copies = <T extends vscode.QuickPickItem>(items: readonly T[]): T[] => items.map((item) => ({ ...item, label: redact(item.label), description: opt(item.description), detail: opt(item.detail) }));
	const pickOptions = <O extends vscode.QuickPickOptions>(options: O): O => ({ ...options, title: opt(options.title), placeHolder: opt(options.placeHolder) });
	return {
		showMessage(severity, text, options, ...actions) {
			return inner.showMessage(severity, redact(text), options.detail === undefined ? options : { ...options, detail: redact(options.detail) }, ...actions);
		},
		showInputBox: (options) => inner.showInputBox(box(options)),
		inputStep: (options, position) => inner.inputStep(box(options), position),
		async showQuickPick(items, options) {
			const shown = copies(items);
			const picked = await inner.showQuickPick(shown, pickOptions(options));
			return picked === undefined ? undefined : items[shown.indexOf(picked)];
		},
		async pickStep(items, options, position) {
			const shown = copies(items);
			const picked = await inner.pickStep(shown, pickOptions(options), position);
			return picked === undefined || isBack(picked) ? picked : items[shown.indexOf(picked)];
		},
		createQuickPick: (id) => new RedactingQuickPick(inner.createQuickPick(id), redact),
		withProgress: (title, task) => inner.withProgress(redact(title), (report, token) => task((message) => report(redact(message)), token)),
	};
}
