import type * as vscode from 'vscode';

/** How long closing the window waits for the end-chat calls of the tests it stops. */
const STOP_WAIT_MS = 4000;

/**
 * The chat tests running in this window. Closing the window (or the extension's deactivation) aborts them: the
 * driver then ends every chat it started on Cekura, and `stopAll` waits, bounded, for those calls.
 */
export class TestsInFlight implements vscode.Disposable {
	private readonly running = new Map<AbortController, Promise<unknown>>();

	/** Runs `test` with a signal that aborts on `signal` (Cancel) or when the window closes. */
	async run<T>(signal: AbortSignal, test: (signal: AbortSignal) => Promise<T>): Promise<T> {
		const controller = new AbortController();
		const abort = (): void => controller.abort();
		if (signal.aborted) abort();
		else signal.addEventListener('abort', abort, { once: true });
		const running = test(controller.signal);
		this.running.set(controller, running.catch(() => undefined));
		try {
			return await running;
		} finally {
			this.running.delete(controller);
			signal.removeEventListener('abort', abort);
		}
	}

	get count(): number {
		return this.running.size;
	}

	/** Aborts every test and resolves once they have ended their chats, or after a few seconds. */
	async stopAll(waitMs = STOP_WAIT_MS): Promise<void> {
		if (this.running.size === 0) return;
		const ended = [...this.running.values()];
		[...this.running.keys()].forEach((controller) => controller.abort());
		let timer: ReturnType<typeof setTimeout> | undefined;
		const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)));
		await Promise.race([Promise.all(ended), late]);
		clearTimeout(timer);
	}

	dispose(): void {
		[...this.running.keys()].forEach((controller) => controller.abort());
	}
}
