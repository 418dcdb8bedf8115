import type { Ui } from '../../vscode/ui';

/**
 * A cancellable progress notification whose Cancel button aborts the signal handed to `task`. It goes through `ui`:
 * its title and messages are redacted, and a test user reads them and presses Cancel.
 */
export function withCancellableProgress<T>(ui: Ui, title: string, task: (signal: AbortSignal, report: (message: string) => void) => Promise<T>): Thenable<T> {
	return ui.withProgress(title, (report, token) => {
		const controller = new AbortController();
		const subscription = token.onCancellationRequested(() => controller.abort());
		return task(controller.signal, report).finally(() => subscription.dispose());
	});
}
