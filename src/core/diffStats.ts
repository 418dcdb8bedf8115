import * as l10n from '@vscode/l10n';
import { diffArrays } from 'diff';
export interface DiffStats {
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
export interface DiffBounds {
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
 * Bounds that keep a 1 MB proposal well under 50 ms of synchronous work. A diff costs about the length of the
 * text plus the square of the number of edits, so a proposal that rewrites most lines is counted, not diffed.
 */
export const DEFAULT_DIFF_BOUNDS: DiffBounds = { maxLineEdits: 400, maxWordEditsPerBlock: 500, maxWordEdits: 10_000, maxWordsCompared: 20_000 };

const WORD = /\S+/g;

/**
 * Line and word counts of the change. Words are compared only within each changed block of lines, which keeps
 * the cost proportional to the change rather than to the whole prompt. Past the bounds, lines or words are
 * counted as multisets (what one side has more copies of than the other) and the result says it is approximate.
 */
export function diffStats(original: string, improved: string, bounds: DiffBounds = DEFAULT_DIFF_BOUNDS): DiffStats {
	const stats: DiffStats = { linesAdded: 0, linesRemoved: 0, wordsAdded: 0, wordsRemoved: 0, changes: 0, approximate: false };
	const a = lines(original);
	const b = lines(improved);
	// The lines one side has more copies of than the other must be edited: when they alone are past the bound,
	// the diff would only give up after its costliest steps, so count cheaply at once.
	// A few edits are found at once; only past them is the lower bound worth its cost.
	const blocks =
		diffSequences(a, b, Math.min(64, bounds.maxLineEdits)) ??
		(lineEditsAtLeast(a, b) <= bounds.maxLineEdits ? diffSequences(a, b, bounds.maxLineEdits) : undefined);
	if (!blocks) return countCheaply(a, b, bounds.maxWordsCompared);

	let wordBudget = bounds.maxWordEdits;
	for (const [aStart, aEnd, bStart, bEnd] of blocks) {
		stats.changes++;
		stats.linesRemoved += aEnd - aStart;
		stats.linesAdded += bEnd - bStart;
		const before = a.slice(aStart, aEnd).join('\n').match(WORD) ?? [];
		const after = b.slice(bStart, bEnd).join('\n').match(WORD) ?? [];
		const wordBlocks = wordBudget > 0 ? diffSequences(before, after, Math.min(wordBudget, bounds.maxWordEditsPerBlock)) : undefined;
		if (wordBlocks) {
			for (const [s, e, s2, e2] of wordBlocks) {
				stats.wordsRemoved += e - s;
				stats.wordsAdded += e2 - s2;
			}
			wordBudget -= editsOf(wordBlocks);
		} else {
			const [removed, added] = multisetDifference(before, after);
			stats.wordsRemoved += removed;
			stats.wordsAdded += added;
			stats.approximate = true;
		}
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

/** The text's lines, ignoring line-ending differences and a missing final newline. */
function lines(text: string): string[] {
	const all = text.split(/\r?\n/);
	if (all[all.length - 1] === '') all.pop();
	return all;
}

/** A changed block: `a[aStart, aEnd)` was replaced by `b[bStart, bEnd)`. */
type Block = [aStart: number, aEnd: number, bStart: number, bEnd: number];

function editsOf(blocks: readonly Block[]): number {
	return blocks.reduce((sum, [s, e, s2, e2]) => sum + (e - s) + (e2 - s2), 0);
}

/**
 * The changed blocks of a shortest edit script between two sequences (the `diff` package's Myers diff), or
 * undefined when it needs more than `maxEdits` insertions and deletions. Common ends are skipped first, so the
 * work is bounded by the length of the sequences plus the changed middle times `maxEdits`.
 */
export function diffSequences(a: readonly string[], b: readonly string[], maxEdits: number): Block[] | undefined {
	let start = 0;
	while (start < a.length && start < b.length && a[start] === b[start]) start++;
	let aEnd = a.length;
	let bEnd = b.length;
	while (aEnd > start && bEnd > start && a[aEnd - 1] === b[bEnd - 1]) {
		aEnd--;
		bEnd--;
	}
	if (aEnd === start && bEnd === start) return [];
	if (Math.abs(aEnd - start - (bEnd - start)) > maxEdits) return undefined;
	const parts = diffArrays(a.slice(start, aEnd), b.slice(start, bEnd), { maxEditLength: maxEdits });
	if (!parts) return undefined;
	const blocks: Block[] = [];
	let x = start;
	let y = start;
	let open: Block | undefined;
	for (const part of parts) {
		const count = part.count ?? part.value.length;
		if (part.added || part.removed) {
			open ??= [x, x, y, y];
			if (part.removed) {
				x += count;
				open[1] = x;
			} else {
				y += count;
				open[3] = y;
			}
		} else {
			if (open) blocks.push(open);
			open = undefined;
			x += count;
			y += count;
		}
	}
	if (open) blocks.push(open);
	return blocks;
}

/** A lower bound on the line edits, linear in the text: the lines of the changed middle without a copy on the other side. */
function lineEditsAtLeast(a: readonly string[], b: readonly string[]): number {
	const [start, endA, endB] = commonEnds(a, b);
	const [removed, added] = multisetDifference(a.slice(start, endA), b.slice(start, endB));
	return removed + added;
}

/** [the first line that differs, the end of the differing lines in a, and in b]. */
function commonEnds(a: readonly string[], b: readonly string[]): [number, number, number] {
	let start = 0;
	while (start < a.length && start < b.length && a[start] === b[start]) start++;
	let endA = a.length;
	let endB = b.length;
	while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
		endA--;
		endB--;
	}
	return [start, endA, endB];
}

/**
 * The cheap count, linear in the text: between the common first and last lines, a line is removed or added
 * when one side has more copies of it than the other, and the changes are the runs of the improved side's
 * lines that the original does not have.
 */
function countCheaply(a: readonly string[], b: readonly string[], maxWordsCompared: number): DiffStats {
	const [start, endA, endB] = commonEnds(a, b);
	const available = tally(a.slice(start, endA));
	const addedLines: string[] = [];
	let changes = 0;
	let inChange = false;
	for (let j = start; j < endB; j++) {
		const left = available.get(b[j]) ?? 0;
		if (left > 0) available.set(b[j], left - 1);
		else addedLines.push(b[j]);
		if (left === 0 && !inChange) changes++;
		inChange = left === 0;
	}
	const removedLines: string[] = [];
	for (const [line, left] of available) for (let i = 0; i < left; i++) removedLines.push(line);
	// Words are compared between the lines only one side has, as a word diff of those lines would; when there
	// are too many to compare quickly, the words of those lines are counted.
	let wordsRemoved = countWords(removedLines);
	let wordsAdded = countWords(addedLines);
	if (wordsRemoved + wordsAdded <= maxWordsCompared) {
		[wordsRemoved, wordsAdded] = multisetDifference(removedLines.join('\n').match(WORD) ?? [], addedLines.join('\n').match(WORD) ?? []);
	}
	if (changes === 0 && removedLines.length > 0) changes = 1;
	return { linesAdded: addedLines.length, linesRemoved: removedLines.length, wordsAdded, wordsRemoved, changes, approximate: true };
}

/** The number of runs of non-whitespace in the lines, without building them. */
function countWords(lines: readonly string[]): number {
	let words = 0;
	for (const line of lines) {
		let inWord = false;
		for (let i = 0; i < line.length; i++) {
			const space = isSpace(line.charCodeAt(i));
			if (!space && !inWord) words++;
			inWord = !space;
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

function tally(items: readonly string[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
	return counts;
}

/** [how many of `before` are not in `after`, how many of `after` are not in `before`], counting copies. */
function multisetDifference(before: readonly string[], after: readonly string[]): [number, number] {
	const counts = tally(before);
	let onlyAfter = 0;
	for (const item of after) {
		const left = counts.get(item) ?? 0;
		if (left > 0) counts.set(item, left - 1);
		else onlyAfter++;
	}
	let onlyBefore = 0;
	for (const left of counts.values()) onlyBefore += left;
	return [onlyBefore, onlyAfter];
}
