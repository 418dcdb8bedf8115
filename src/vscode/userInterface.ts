import * as vscode from 'vscode';
import { inBackground } from './background';
import type { Log } from './log';

export type Severity = 'info' | 'warning' | 'error';

/** The part of `vscode.QuickPick` the extension's pickers use. A real quick pick is one; tests may build another. */
export type QuickPickWidget<T extends vscode.QuickPickItem> = Pick<
	vscode.QuickPick<T>,
	| 'items'
	| 'selectedItems'
	| 'title'
	| 'placeholder'
	| 'busy'
	| 'canSelectMany'
	| 'matchOnDescription'
	| 'matchOnDetail'
	| 'ignoreFocusOut'
	| 'keepScrollPosition'
	| 'onDidChangeSelection'
	| 'onDidAccept'
	| 'onDidHide'
	| 'show'
	| 'hide'
	| 'dispose'
>;

/**
 * Every way the extension asks the user something or tells them something. The extension talks to VS Code's
 * window through this; integration tests put a scripted user in its place, so the pickers' own logic still runs.
 */
export interface UserInterface {
	showMessage(severity: Severity, text: string, options: vscode.MessageOptions, ...actions: string[]): Thenable<string | undefined>;
	showInputBox(options: vscode.InputBoxOptions): Thenable<string | undefined>;
	showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined>;
	createQuickPick<T extends vscode.QuickPickItem>(): QuickPickWidget<T>;
}

export const vscodeWindow: UserInterface = {
	showMessage(severity, text, options, ...actions) {
		switch (severity) {
			case 'error':
				return vscode.window.showErrorMessage(text, options, ...actions);
			case 'warning':
				return vscode.window.showWarningMessage(text, options, ...actions);
			case 'info':
				return vscode.window.showInformationMessage(text, options, ...actions);
		}
	},
	showInputBox: (options) => vscode.window.showInputBox(options),
	showQuickPick: (items, options) => vscode.window.showQuickPick(items, options),
	createQuickPick: () => vscode.window.createQuickPick(),
};

/**
 * The one place where what the user is shown loses the API keys: every message, input box (title, prompt,
 * placeholder, value, validation message) and quick pick (title, placeholder, items) goes through `redact`, so a
 * server that echoes a key in an error body or a summary cannot get it onto the screen. Quick pick items are shown
 * as redacted copies; the item picked is handed back as the caller's own.
 */
export function redactingWindow(inner: UserInterface, redact: (text: string) => string): UserInterface {
	const opt = (text: string | undefined): string | undefined => (text === undefined ? undefined : redact(text));
	return {
		showMessage(severity, text, options, ...actions) {
			return inner.showMessage(severity, redact(text), options.detail === undefined ? options : { ...options, detail: redact(options.detail) }, ...actions);
		},
		showInputBox(options) {
			const validate = options.validateInput;
			return inner.showInputBox({
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
			});
		},
		async showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined> {
			const copies = items.map((item) => ({ ...item, label: redact(item.label), description: opt(item.description), detail: opt(item.detail) }));
			const picked = await inner.showQuickPick(copies, { ...options, title: opt(options.title), placeHolder: opt(options.placeHolder) });
			return picked === undefined ? undefined : items[copies.indexOf(picked)];
		},
		createQuickPick: () => inner.createQuickPick(),
	};
}

/** The extension's handle on the user: messages and questions, through a `UserInterface` tests can replace. */
export class Ui {
	private current: UserInterface = vscodeWindow;
	private shown: UserInterface;

	constructor(private readonly log: Log) {
		this.shown = redactingWindow(this.current, (text) => log.redact(text));
	}

	/** `text` without the API keys seen in this session: for what reaches the screen by other ways (the status bar). */
	redact(text: string): string {
		return this.log.redact(text);
	}

	/** Test mode only (through the test API): answer as `replacement` until the returned disposable is disposed. */
	replaceWith(replacement: UserInterface): vscode.Disposable {
		this.use(replacement);
		return new vscode.Disposable(() => {
			if (this.current === replacement) this.use(vscodeWindow);
		});
	}

	/** VS Code's window (or the test's user), behind the redaction of the API keys. */
	get window(): UserInterface {
		return this.shown;
	}

	/** A notification with buttons; resolves the one pressed, undefined when closed. */
	message(severity: Severity, text: string, ...actions: string[]): Thenable<string | undefined> {
		return this.shown.showMessage(severity, text, {}, ...actions);
	}

	/** A notification to read, without waiting for it to be closed. */
	notify(severity: Severity, text: string): void {
		inBackground(this.shown.showMessage(severity, text, {}), 'Showing a notification', this.log);
	}

	/** A modal question; true when the user chose `action`. */
	async confirm(text: string, action: string): Promise<boolean> {
		return (await this.shown.showMessage('warning', text, { modal: true }, action)) === action;
	}

	private use(next: UserInterface): void {
		this.current = next;
		this.shown = redactingWindow(next, (text) => this.log.redact(text));
	}
}
