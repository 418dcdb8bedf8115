import * as vscode from 'vscode';
import type { Ui } from '../../vscode/ui';

/**
 * A cancellable progress notification whose Cancel button aborts the signal handed to `task`. Through `ui` when
 * given: its title and messages are then redacted, and a test user reads them and presses Cancel.
 */
export function withCancellableProgress<T>(title: string, task: (signal: AbortSignal, report: (message: string) => void) => Promise<T>, ui?: Ui): Thenable<T> {
	const run = (report: (message: string) => void, token: vscode.CancellationToken): Promise<T> => {
		const controller = new AbortController();
		const subscription = token.onCancellationRequested(() => controller.abort());
		return task(controller.signal, report).finally(() => subscription.dispose());
	};
	if (ui) return ui.withProgress(title, run);
	return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => run((message) => progress.report({ message }), token));
}
