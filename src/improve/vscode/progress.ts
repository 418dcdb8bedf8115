import * as vscode from 'vscode';

/** A cancellable progress notification whose Cancel button aborts the signal handed to `task`. */
export function withCancellableProgress<T>(title: string, task: (signal: AbortSignal, report: (message: string) => void) => Promise<T>): Thenable<T> {
	return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
		const controller = new AbortController();
		const subscription = token.onCancellationRequested(() => controller.abort());
		return task(controller.signal, (message) => progress.report({ message })).finally(() => subscription.dispose());
	});
}
