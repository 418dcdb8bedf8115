/**
 * Shows values one at a time, and only the latest: a value pushed while one is being shown waits, and a newer one
 * replaces it. Edits can stream in faster than the workbench paints them; each show then takes the text as it is
 * now, and none queues behind stale ones.
 */
export interface LatestOnly<T> {
	/**
	 * Resolves true once this value, or a newer one that replaced it, is shown; false when that show failed or `stop`
	 * dropped it. Never rejects.
	 */
	push(value: T): Promise<boolean>;
	/** Drops what waits and takes nothing more. */
	stop(): void;
	/** Settles once the show under way (if any) is done. */
	idle(): Promise<void>;
}

/** `failed` hears a show that threw; the next value is shown all the same. */
export function latestOnly<T>(show: (value: T) => Promise<void>, failed: (err: unknown) => void): LatestOnly<T> {
	let waiting: { value: T; settled: ((shown: boolean) => void)[] } | undefined;
	let running: Promise<void> | undefined;
	let stopped = false;
	const run = async (): Promise<void> => {
		while (waiting) {
			const { value, settled } = waiting;
			waiting = undefined;
			let shown = true;
			try {
				await show(value);
			} catch (err) {
				shown = false;
				failed(err);
			}
			settled.forEach((settle) => settle(shown));
		}
		running = undefined;
	};
	return {
		push(value) {
			if (stopped) return Promise.resolve(false);
			const settled = waiting?.settled ?? [];
			waiting = { value, settled };
			const done = new Promise<boolean>((resolve) => settled.push(resolve));
			running ??= run();
			return done;
		},
		stop() {
			stopped = true;
			waiting?.settled.forEach((settle) => settle(false));
			waiting = undefined;
		},
		idle: () => running ?? Promise.resolve(),
	};
}
