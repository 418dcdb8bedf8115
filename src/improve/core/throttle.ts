/**
 * Hands `deliver` the latest value at most once every `intervalMs`: the first at once, then what came meanwhile
 * at the end of each interval. A streamed answer can bring 100,000 pieces; the progress shows a few a second.
 * `stop()` drops what is still waiting (the stream is over and the next message is on its way).
 */
export function throttled<T>(deliver: (value: T) => void, intervalMs: number): { push(value: T): void; stop(): void } {
	let last = -Infinity;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let waiting: { value: T } | undefined;
	const send = (value: T): void => {
		last = Date.now();
		deliver(value);
	};
	return {
		push(value) {
			if (timer === undefined && Date.now() - last >= intervalMs) {
				send(value);
				return;
			}
			waiting = { value };
			timer ??= setTimeout(() => {
				timer = undefined;
				const next = waiting;
				waiting = undefined;
				if (next) send(next.value);
			}, Math.max(0, last + intervalMs - Date.now()));
		},
		stop() {
			clearTimeout(timer);
			timer = undefined;
			waiting = undefined;
		},
	};
}
