/**
 * Shows values one at a time, and only the latest: a value pushed while one is being shown waits, and a newer one
 * replaces it. Edits can stream in faster than the workbench paints them; each show then takes the text as it is
 * now, and none queues behind stale ones.
 */
export interface LatestOnly<T> {
	push(value: T): void;
	/** Drops what waits and takes nothing more. */
	stop(): void;
	/** Settles once the show under way (if any) is done. */
	idle(): Promise<void>;
}

/** `failed` hears a show that threw; the next value is shown all the same. */
export function latestOnly<T>(show: (value: T) => Promise<void>, failed: (err: unknown) => void): LatestOnly<T> {
	let waiting: { value: T } | undefined;
	let running: Promise<void> | undefined;
	let stopped = false;
	const run = async (): Promise<void> => {
		while (waiting) {
			const { value } = waiting;
			waiting = undefined;
			try {
				await show(value);
			} catch (err) {
				failed(err);
			}
		}
		running = undefined;
	};
	return {
		push(value) {
			if (stopped) return;
			waiting = { value };
			running ??= run();
		},
		stop() {
			stopped = true;
			waiting = undefined;
		},
		idle: () => running ?? Promise.resolve(),
	};
}
