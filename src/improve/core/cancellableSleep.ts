import { CekuraError } from './cekuraError';

/** Waits `ms`, or rejects with a cancellation as soon as `signal` aborts. */
export function cancellableSleep(ms: number, signal: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal.aborted) {
			reject(new CekuraError('cancelled', 'Cancelled.'));
			return;
		}
		const onAbort = (): void => {
			clearTimeout(timer);
			reject(new CekuraError('cancelled', 'Cancelled.'));
		};
		const timer = setTimeout(() => {
			signal.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		signal.addEventListener('abort', onAbort, { once: true });
	});
}
