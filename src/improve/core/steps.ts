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

/**
 * What `text.match(pattern)` returns for a global `pattern` (an empty array for none), found a match at a time with a
 * pause after every 1024: a long text may hold tens of thousands. `pattern` itself is not used, only its source and flags.
 */
export function* matchSteps(pattern: RegExp, text: string): Steps<string[]> {
	const matches: string[] = [];
	const copy = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
	for (let found = copy.exec(text); found; found = copy.exec(text)) {
		matches.push(found[0]);
		// An empty match must move on, as `match` does.
		if (found[0] === '') copy.lastIndex += pattern.unicode && (text.codePointAt(copy.lastIndex) ?? 0) > 0xffff ? 2 : 1;
		if (matches.length % 1024 === 0) yield;
	}
	return matches;
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
