import type * as vscode from 'vscode';
import type { QuickInputId } from '../core/quickInputIds';
import type { Back, StepPosition } from '../core/quickInputStep';

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
	| 'step'
	| 'totalSteps'
	| 'buttons'
	| 'onDidChangeSelection'
	| 'onDidAccept'
	| 'onDidTriggerButton'
	| 'onDidHide'
	| 'show'
	| 'hide'
	| 'dispose'
>;

/** An input box's options, with the id tests know it by. */
export interface InputBoxSpec extends vscode.InputBoxOptions {
	id: QuickInputId;
}

/** A single-choice quick pick's options, with the id tests know it by. */
export interface QuickPickSpec extends vscode.QuickPickOptions {
	id: QuickInputId;
}

/**
 * Every way the extension asks the user something or tells them something. The extension talks to VS Code's
 * window through this; integration tests put a scripted user in its place, so the pickers' own logic still runs.
 * Every quick input carries an id (`QuickInputIds`), which VS Code's window ignores and tests recognise it by.
 */
export interface UserInterface {
	showMessage(severity: Severity, text: string, options: vscode.MessageOptions, ...actions: string[]): Thenable<string | undefined>;
	showInputBox(options: InputBoxSpec): Thenable<string | undefined>;
	showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: QuickPickSpec): Thenable<T | undefined>;
	createQuickPick<T extends vscode.QuickPickItem>(id: QuickInputId): QuickPickWidget<T>;
	/** An input box as one step of a multi-step flow ("2/3", a Back button when `position` allows). */
	inputStep(options: InputBoxSpec, position: StepPosition): Thenable<string | Back | undefined>;
	/** A progress notification with Cancel while `task` runs: `report` sets its message, Cancel cancels `token`. */
	withProgress<R>(title: string, task: (report: (message: string) => void, token: vscode.CancellationToken) => Thenable<R>): Thenable<R>;
	/** A single-choice quick pick as one step of a multi-step flow. */
	pickStep<T extends vscode.QuickPickItem>(items: readonly T[], options: QuickPickSpec, position: StepPosition): Thenable<T | Back | undefined>;
}
