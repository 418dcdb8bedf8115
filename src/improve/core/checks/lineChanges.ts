import { commonEnds, intern, myers, STEP } from '../diffStats';
import { toEnd, type Steps } from '../steps';

/** A line of the original that the proposal changed or removed: its 1-based number and its text. */
interface ChangedLine {
	line: number;
	text: string;
}

/** What the checks need of the change between two prompts, line by line (line endings ignored). */
export interface LineChanges {
	originalLines: number;
	proposedLines: number;
	/** Lines changed: for each changed block, the larger of its two sides (a line rewritten counts once). */
	changed: number;
	/** The original's lines that the proposal changed or removed, in order. */
	removed: ChangedLine[];
	/** The proposal's lines that are new or changed, in order. */
	added: string[];
}

/**
 * Most line insertions and deletions the exact diff looks for (as for the size of the change, `diffStats`): a diff
 * costs about the lines times the edits. Past it, the lines are compared as multisets (what one side has more copies
 * of than the other), which is enough for every check.
 */
const MAX_LINE_EDITS = 400;

/** The change from `original` to `proposed`, line by line; CRLF, CR and LF are the same line break. Synchronous. */
export function lineChanges(original: string, proposed: string): LineChanges {
	return toEnd(lineChangeSteps(original, proposed));
}

/** `lineChanges`, paused every `STEP` lines or so (see `steps.ts`). */
export function* lineChangeSteps(original: string, proposed: string): Steps<LineChanges> {
	const a = yield* linesOf(original);
	const b = yield* linesOf(proposed);
	const result: LineChanges = { originalLines: a.length, proposedLines: b.length, changed: 0, removed: [], added: [] };
	// Lines become numbers (equal lines, equal numbers), so both the diff and the count compare numbers.
	const [start, endA, endB] = yield* commonEnds(a, b);
	const ids = new Map<string, number>();
	const idsA = yield* intern(a, start, endA, ids);
	const idsB = yield* intern(b, start, endB, ids);
	const surplus = new Int32Array(ids.size);
	for (const id of idsA) surplus[id]++;
	for (const id of idsB) surplus[id]--;
	yield;
	let atLeast = 0;
	for (const count of surplus) atLeast += Math.abs(count);
	// The lines one side has more copies of must be edited: past the bound, the diff would only give up after its costliest steps.
	const blocks = atLeast <= MAX_LINE_EDITS ? yield* myers(idsA, idsB, MAX_LINE_EDITS) : undefined;
	if (!blocks) {
		// Counted: a line of the original is removed when the proposal has fewer copies of it left, and so on.
		for (let i = start; i < endA; i++) {
			const id = idsA[i - start];
			if (surplus[id] > 0) {
				surplus[id]--;
				result.removed.push({ line: i + 1, text: a[i] });
			}
			if (i % STEP === 0) yield;
		}
		for (let i = start; i < endB; i++) {
			const id = idsB[i - start];
			if (surplus[id] < 0) {
				surplus[id]++;
				result.added.push(b[i]);
			}
			if (i % STEP === 0) yield;
		}
		result.changed = Math.max(result.removed.length, result.added.length);
		return result;
	}
	for (const [aStart, aEnd, bStart, bEnd] of blocks) {
		result.changed += Math.max(aEnd - aStart, bEnd - bStart);
		for (let i = start + aStart; i < start + aEnd; i++) result.removed.push({ line: i + 1, text: a[i] });
		for (let i = start + bStart; i < start + bEnd; i++) result.added.push(b[i]);
		yield;
	}
	return result;
}

/** The lines of a text; a final line break ends the last line rather than starting an empty one. */
function* linesOf(text: string): Steps<string[]> {
	const lines: string[] = [];
	if (text === '') return lines;
	const breaks = /\r\n|\r|\n/g;
	let from = 0;
	for (let found = breaks.exec(text); found; found = breaks.exec(text)) {
		lines.push(text.slice(from, found.index));
		from = breaks.lastIndex;
		if (lines.length % STEP === 0) yield;
	}
	lines.push(text.slice(from));
	if (lines[lines.length - 1] === '') lines.pop();
	return lines;
}
