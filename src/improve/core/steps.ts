/**
 * A computation paused at points that are each well under a millisecond of work apart: `yield` marks them. One
 * implementation serves both ways of running it: `toEnd` in one go, `inSlices` with turns of the event loop.
 */
export type Steps<T> = Generator<void, T, void>;

export function toEnd<T>(steps: Steps<T>): T {
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

export interface SliceTiming {
	/** How long one slice of work may run before the event loop gets a turn. */
	sliceMs?: number;
	/** Gives the event loop a turn; by default `setImmediate`, so timers, I/O and messages run between slices. */
	pause?: () => Promise<void>;
}

/** The longest a slice runs by default: far under the 50 ms a user would notice, even on a busy machine. */
const DEFAULT_SLICE_MS = 4;

/**
 * Runs `steps` in slices of about `sliceMs` (plus one step), with a turn of the event loop before each, the first
 * included, so whatever the caller started (a message to the workbench) goes out before any of it.
 */
export async function inSlices<T>(steps: Steps<T>, { sliceMs = DEFAULT_SLICE_MS, pause = nextTurn }: SliceTiming = {}): Promise<T> {
	for (;;) {
		await pause();
		const end = performance.now() + sliceMs;
		for (;;) {
			const step = steps.next();
			if (step.done) return step.value;
			if (performance.now() >= end) break;
		}
	}
}

export function nextTurn(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}
