import * as l10n from '@vscode/l10n';
import { inSlices, toEnd, type SliceTiming, type Steps } from './steps';
interface DiffStats {
	linesAdded: number;
	linesRemoved: number;
	wordsAdded: number;
	wordsRemoved: number;
	/** Runs of consecutive changed lines. */
	changes: number;
	/** True when the change was too large to diff within the bounds, and the figures are a cheap estimate. */
	approximate: boolean;
}

/** How far the exact diff may go before the cheap count takes over. */
interface DiffBounds {
	/** Most edits (lines added plus removed) the line diff looks for. */
	maxLineEdits: number;
	/** Most edits (words added plus removed) each changed block's word diff looks for. */
	maxWordEditsPerBlock: number;
	/** Most edits the word diffs look for, all changed blocks together. */
	maxWordEdits: number;
	/** Past the line diff's bounds, words are compared as multisets up to this many words; beyond, only counted. */
	maxWordsCompared: number;
}

/**
 * Bounds on the whole work, which `diffStatsInSlices` cuts into short slices: a 1 MB proposal takes tens of ms in all.
 * A diff costs about the length of the text times the number of edits, so a proposal that rewrites most lines is
 * counted, not diffed.
 */
const DEFAULT_DIFF_BOUNDS: DiffBounds = { maxLineEdits: 400, maxWordEditsPerBlock: 500, maxWordEdits: 10_000, maxWordsCompared: 20_000 };

const WORD = /\S+/g;

/** Lines or words handled (read, counted, looked up) between two points where the computation may pause. */
export const STEP = 1024;
/** Numbers compared by the diff between two such points. */
const COMPARISONS = 16 * STEP;

/**
 * Line and word counts of the change. Words are compared only within each changed block of lines, which keeps
 * the cost proportional to the change rather than to the whole prompt. Past the bounds, lines or words are
 * counted as multisets (what one side has more copies of than the other) and the result says it is approximate.
 * Synchronous: a 1 MB proposal can take tens of ms; `diffStatsInSlices` gives the event loop turns meanwhile.
 */
export function diffStats(original: string, improved: string, bounds: DiffBounds = DEFAULT_DIFF_BOUNDS): DiffStats {
	return toEnd(diffStatsSteps(original, improved, bounds));
}

/**
 * The changed blocks between two sequences of lines (a shortest edit script, common ends skipped first), or
 * undefined when it needs more than `maxEdits` insertions and deletions. Synchronous.
 */
export function diffSequences(a: readonly string[], b: readonly string[], maxEdits: number): Block[] | undefined {
	return toEnd(
		(function* (): Steps<Block[] | undefined> {
			const [start, endA, endB] = yield* commonEnds(a, b);
			const ids = new Map<string, number>();
			const found = yield* myers(yield* intern(a, start, endA, ids), yield* intern(b, start, endB, ids), maxEdits);
			return found?.map(([s, e, s2, e2]): Block => [s + start, e + start, s2 + start, e2 + start]);
		})(),
	);
}

/** [the first line that differs, the end of the differing lines in a, and in b]. Synchronous. */
export function commonLineEnds(a: readonly string[], b: readonly string[]): [number, number, number] {
	return toEnd(commonEnds(a, b));
}

interface SliceOptions extends SliceTiming {
	bounds?: DiffBounds;
}

/**
 * `diffStats`, cooperatively: the work runs in slices of about `sliceMs` (plus one step, well under 1 ms), with a
 * turn of the event loop before each, the first included, so whatever the caller started (a message to the
 * workbench) goes out before any of it.
 */
export async function diffStatsInSlices(original: string, improved: string, options: SliceOptions = {}): Promise<DiffStats> {
	return inSlices(diffStatsSteps(original, improved, options.bounds ?? DEFAULT_DIFF_BOUNDS), options);
}

function* diffStatsSteps(original: string, improved: string, bounds: DiffBounds): Steps<DiffStats> {
	const stats: DiffStats = { linesAdded: 0, linesRemoved: 0, wordsAdded: 0, wordsRemoved: 0, changes: 0, approximate: false };
	const a = yield* lines(original);
	const b = yield* lines(improved);
	// Lines become numbers (equal lines, equal numbers), so the diff compares numbers, not strings.
	const [start, endA, endB] = yield* commonEnds(a, b);
	const ids = new Map<string, number>();
	const idsA = yield* intern(a, start, endA, ids);
	const idsB = yield* intern(b, start, endB, ids);
	// The lines one side has more copies of than the other must be edited: when they alone are past the bound,
	// the diff would only give up after its costliest steps, so count cheaply at once.
	const found = editsAtLeast(idsA, idsB, ids.size) <= bounds.maxLineEdits ? yield* myers(idsA, idsB, bounds.maxLineEdits) : undefined;
	if (!found) return yield* countCheaply(a, b, [start, endA, endB], bounds.maxWordsCompared);
	const blocks = found.map(([s, e, s2, e2]): Block => [s + start, e + start, s2 + start, e2 + start]);

	const words = new Map<string, number>();
	let wordBudget = bounds.maxWordEdits;
	for (const [aStart, aEnd, bStart, bEnd] of blocks) {
		stats.changes++;
		stats.linesRemoved += aEnd - aStart;
		stats.linesAdded += bEnd - bStart;
		const before = a.slice(aStart, aEnd).join('\n').match(WORD) ?? [];
		const after = b.slice(bStart, bEnd).join('\n').match(WORD) ?? [];
		const maxEdits = Math.min(wordBudget, bounds.maxWordEditsPerBlock);
		const wordBlocks = wordBudget > 0 && Math.abs(before.length - after.length) <= maxEdits ? yield* myers(yield* intern(before, 0, before.length, words), yield* intern(after, 0, after.length, words), maxEdits) : undefined;
		if (wordBlocks) {
			for (const [s, e, s2, e2] of wordBlocks) {
				stats.wordsRemoved += e - s;
				stats.wordsAdded += e2 - s2;
			}
			wordBudget -= editsOf(wordBlocks);
		} else {
			const [removed, added] = yield* multisetDifference(before, after);
			stats.wordsRemoved += removed;
			stats.wordsAdded += added;
			stats.approximate = true;
		}
		yield;
	}
	return stats;
}

/** `+4 −1 lines, +52 −3 words in 2 changes`; an estimate starts with `about`. */
export function formatDiffStats(stats: DiffStats): string {
	const counts = [stats.linesAdded, stats.linesRemoved, stats.wordsAdded, stats.wordsRemoved, stats.changes];
	if (stats.approximate) {
		return stats.changes === 1
			? l10n.t('about +{0} −{1} lines, +{2} −{3} words in {4} change', ...counts)
			: l10n.t('about +{0} −{1} lines, +{2} −{3} words in {4} changes', ...counts);
	}
	return stats.changes === 1
		? l10n.t('+{0} −{1} lines, +{2} −{3} words in {4} change', ...counts)
		: l10n.t('+{0} −{1} lines, +{2} −{3} words in {4} changes', ...counts);
}

/** The text's lines, ignoring line-ending differences and a missing final newline; cut one by one, not by one `split`. */
function* lines(text: string): Steps<string[]> {
	const all: string[] = [];
	let from = 0;
	while (from < text.length) {
		let to = text.indexOf('\n', from);
		if (to === -1) to = text.length;
		all.push(text.slice(from, to < text.length && to > from && text.charCodeAt(to - 1) === 13 ? to - 1 : to));
		from = to + 1;
		if (all.length % STEP === 0) yield;
	}
	if (text.endsWith('\n')) all.push('');
	if (all[all.length - 1] === '') all.pop();
	return all;
}

/** A changed block: `a[aStart, aEnd)` was replaced by `b[bStart, bEnd)`. */
export type Block = [aStart: number, aEnd: number, bStart: number, bEnd: number];

function editsOf(blocks: readonly Block[]): number {
	return blocks.reduce((sum, [s, e, s2, e2]) => sum + (e - s) + (e2 - s2), 0);
}

/** [the first line that differs, the end of the differing lines in a, and in b]. */
export function* commonEnds(a: readonly string[], b: readonly string[]): Steps<[number, number, number]> {
	let start = 0;
	while (start < a.length && start < b.length && a[start] === b[start]) if (++start % STEP === 0) yield;
	let endA = a.length;
	let endB = b.length;
	while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
		endA--;
		endB--;
		if (endA % STEP === 0) yield;
	}
	return [start, endA, endB];
}

/** `items[from, to)` as numbers: the same item, the same number, through `ids`, which grows. */
export function* intern(items: readonly string[], from: number, to: number, ids: Map<string, number>): Steps<Int32Array> {
	const out = new Int32Array(to - from);
	for (let i = from; i < to; i++) {
		let id = ids.get(items[i]);
		if (id === undefined) ids.set(items[i], (id = ids.size));
		out[i - from] = id;
		if (i % STEP === 0) yield;
	}
	return out;
}

/** A lower bound on the edits between two sequences of ids (below `size`): what one side has more copies of. */
function editsAtLeast(a: Int32Array, b: Int32Array, size: number): number {
	const counts = new Int32Array(size);
	for (const id of a) counts[id]++;
	for (const id of b) counts[id]--;
	let edits = 0;
	for (const c of counts) edits += Math.abs(c);
	return edits;
}

/**
 * The changed blocks of a shortest edit script between two sequences (Myers' O(ND) diff, greedy forward, with the
 * furthest reach on every diagonal kept for each number of edits to trace the script back), or undefined when it
 * needs more than `maxEdits` insertions and deletions. The work is about (length of the sequences) × (edits).
 */
export function* myers(a: Int32Array, b: Int32Array, maxEdits: number): Steps<Block[] | undefined> {
	const n = a.length;
	const m = b.length;
	if (n === 0 && m === 0) return [];
	const max = Math.min(maxEdits, n + m);
	if (Math.abs(n - m) > max) return undefined;
	const offset = max + 1;
	const v = new Int32Array(2 * max + 3);
	const trace: Int32Array[] = [];
	let work = 0;
	for (let d = 0; d <= max; d++) {
		for (let k = -d; k <= d; k += 2) {
			let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
			let y = x - k;
			while (x < n && y < m && a[x] === b[y]) {
				x++;
				y++;
				if (++work % COMPARISONS === 0) yield;
			}
			v[offset + k] = x;
			if (x >= n && y >= m) {
				trace.push(v.slice(offset - d, offset + d + 1));
				return backtrack(trace, n, m);
			}
		}
		// Reaches for -d..d: the ones of d edits.
		trace.push(v.slice(offset - d, offset + d + 1));
		work += 2 * d + 1;
		if (work >= COMPARISONS) {
			work = 0;
			yield;
		}
	}
	return undefined;
}

/** The blocks of the script whose furthest reaches `trace[d][k + d]` end at (n, m). */
function backtrack(trace: readonly Int32Array[], n: number, m: number): Block[] {
	const blocks: Block[] = [];
	let x = n;
	let y = m;
	let open: Block | undefined;
	for (let d = trace.length - 1; d > 0; d--) {
		const before = trace[d - 1];
		const k = x - y;
		const reach = (diagonal: number): number => before[diagonal + d - 1];
		const down = k === -d || (k !== d && reach(k - 1) < reach(k + 1));
		const prevK = down ? k + 1 : k - 1;
		const prevX = reach(prevK);
		const prevY = prevX - prevK;
		// The edit leads from (prevX, prevY) to (editX, editY); the common run from there to (x, y).
		const editX = down ? prevX : prevX + 1;
		const editY = down ? prevY + 1 : prevY;
		if (open && (editX !== x || editY !== y)) {
			blocks.push(open);
			open = undefined;
		}
		open = open ? [prevX, open[1], prevY, open[3]] : [prevX, editX, prevY, editY];
		x = prevX;
		y = prevY;
	}
	if (open) blocks.push(open);
	return blocks.reverse();
}

/**
 * The cheap count, linear in the text: between the common first and last lines, a line is removed or added
 * when one side has more copies of it than the other, and the changes are the runs of the improved side's
 * lines that the original does not have.
 */
function* countCheaply(a: readonly string[], b: readonly string[], [start, endA, endB]: [number, number, number], maxWordsCompared: number): Steps<DiffStats> {
	const available = yield* tally(a, start, endA);
	const addedLines: string[] = [];
	let changes = 0;
	let inChange = false;
	for (let j = start; j < endB; j++) {
		const left = available.get(b[j]) ?? 0;
		if (left > 0) available.set(b[j], left - 1);
		else addedLines.push(b[j]);
		if (left === 0 && !inChange) changes++;
		inChange = left === 0;
		if (j % STEP === 0) yield;
	}
	const removedLines: string[] = [];
	for (const [line, left] of available) {
		for (let i = 0; i < left; i++) removedLines.push(line);
		if (removedLines.length % STEP === 0) yield;
	}
	// Words are compared between the lines only one side has, as a word diff of those lines would; when there
	// are too many to compare quickly, the words of those lines are counted.
	let wordsRemoved = yield* countWords(removedLines);
	let wordsAdded = yield* countWords(addedLines);
	if (wordsRemoved + wordsAdded <= maxWordsCompared) {
		[wordsRemoved, wordsAdded] = yield* multisetDifference(removedLines.join('\n').match(WORD) ?? [], addedLines.join('\n').match(WORD) ?? []);
	}
	if (changes === 0 && removedLines.length > 0) changes = 1;
	return { linesAdded: addedLines.length, linesRemoved: removedLines.length, wordsAdded, wordsRemoved, changes, approximate: true };
}

/** The number of runs of non-whitespace in the lines, without building them. */
function* countWords(lines: readonly string[]): Steps<number> {
	let words = 0;
	let read = 0;
	for (const line of lines) {
		let inWord = false;
		for (let i = 0; i < line.length; i++) {
			const space = isSpace(line.charCodeAt(i));
			if (!space && !inWord) words++;
			inWord = !space;
		}
		read += line.length;
		if (read >= 16 * STEP) {
			read = 0;
			yield;
		}
	}
	return words;
}

/** What `\s` matches. */
function isSpace(c: number): boolean {
	if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
	if (c < 0xa0) return false;
	return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function* tally(items: readonly string[], from: number, to: number): Steps<Map<string, number>> {
	const counts = new Map<string, number>();
	for (let i = from; i < to; i++) {
		counts.set(items[i], (counts.get(items[i]) ?? 0) + 1);
		if (i % STEP === 0) yield;
	}
	return counts;
}

/** [how many of `before` are not in `after`, how many of `after` are not in `before`], counting copies. */
function* multisetDifference(before: readonly string[], after: readonly string[]): Steps<[number, number]> {
	const counts = yield* tally(before, 0, before.length);
	let onlyAfter = 0;
	for (let i = 0; i < after.length; i++) {
		const left = counts.get(after[i]) ?? 0;
		if (left > 0) counts.set(after[i], left - 1);
		else onlyAfter++;
		if (i % STEP === 0) yield;
	}
	let onlyBefore = 0;
	for (const left of counts.values()) onlyBefore += left;
	return [onlyBefore, onlyAfter];
}
