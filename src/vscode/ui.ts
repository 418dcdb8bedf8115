import * as vscode from 'vscode';
import type { QuickInputId } from '../core/quickInputIds';
import type { Back, StepPosition } from '../core/quickInputStep';
import { inBackground } from './background';
import type { Log } from './log';
import { redactingWindow } from './redactingWindow';
import type { InputBoxSpec, QuickPickSpec, QuickPickWidget, Severity, UserInterface } from './userInterface';
import { vscodeWindow } from './vscodeWindow';

/**
 * The extension's one handle on the user: every quick pick, input box and message goes through it, and it redacts
 * every key the `Log` has seen from all of them (`redactingWindow`). Tests can put a scripted user behind it.
 */
export class Ui implements UserInterface {
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

	showMessage(severity: Severity, text: string, options: vscode.MessageOptions, ...actions: string[]): Thenable<string | undefined> {
		return this.shown.showMessage(severity, text, options, ...actions);
	}

	showInputBox(options: InputBoxSpec): Thenable<string | undefined> {
		return this.shown.showInputBox(options);
	}

	showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: QuickPickSpec): Thenable<T | undefined> {
		return this.shown.showQuickPick(items, options);
	}

	createQuickPick<T extends vscode.QuickPickItem>(id: QuickInputId): QuickPickWidget<T> {
		return this.shown.createQuickPick<T>(id);
	}

	inputStep(options: InputBoxSpec, position: StepPosition): Thenable<string | Back | undefined> {
		return this.shown.inputStep(options, position);
	}

	pickStep<T extends vscode.QuickPickItem>(items: readonly T[], options: QuickPickSpec, position: StepPosition): Thenable<T | Back | undefined> {
		return this.shown.pickStep(items, options, position);
	}

	withProgress<R>(title: string, task: (report: (message: string) => void, token: vscode.CancellationToken) => Thenable<R>): Thenable<R> {
		return this.shown.withProgress(title, task);
	}

	/** A quick pick, as a step of a flow when `position` is given (it may then resolve BACK). */
	pick<T extends vscode.QuickPickItem>(items: readonly T[], options: QuickPickSpec, position: StepPosition | undefined): Thenable<T | Back | undefined> {
		return position ? this.pickStep(items, options, position) : this.showQuickPick(items, options);
	}

	/** An input box, as a step of a flow when `position` is given (it may then resolve BACK). */
	ask(options: InputBoxSpec, position: StepPosition | undefined): Thenable<string | Back | undefined> {
		return position ? this.inputStep(options, position) : this.showInputBox(options);
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
