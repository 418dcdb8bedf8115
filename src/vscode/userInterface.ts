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

/** The extension's handle on the user: messages and questions, through a `UserInterface` tests can replace. */
export class Ui {
	private current: UserInterface = vscodeWindow;

	constructor(private readonly log: Log) {}

	/** Test mode only (through the test API): answer as `replacement` until the returned disposable is disposed. */
	replaceWith(replacement: UserInterface): vscode.Disposable {
		this.current = replacement;
		return new vscode.Disposable(() => {
			if (this.current === replacement) this.current = vscodeWindow;
		});
	}

	get window(): UserInterface {
		return this.current;
	}

	/** A notification with buttons; resolves the one pressed, undefined when closed. */
	message(severity: Severity, text: string, ...actions: string[]): Thenable<string | undefined> {
		return this.current.showMessage(severity, text, {}, ...actions);
	}

	/** A notification to read, without waiting for it to be closed. */
	notify(severity: Severity, text: string): void {
		inBackground(this.current.showMessage(severity, text, {}), 'Showing a notification', this.log);
	}

	/** A modal question; true when the user chose `action`. */
	async confirm(text: string, action: string): Promise<boolean> {
		return (await this.current.showMessage('warning', text, { modal: true }, action)) === action;
	}
}
