import { commonLineEnds, diffSequences } from '../diffStats';

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
 * Most line insertions and deletions the exact diff looks for; past it, a proposal rewrites most of the prompt, and
 * the lines are compared as multisets (what one side has more copies of), which is enough for every check.
 */
const MAX_LINE_EDITS = 2000;

/** The change from `original` to `proposed`, line by line; CRLF, CR and LF are the same line break. */
export function lineChanges(original: string, proposed: string): LineChanges {
	const a = linesOf(original);
	const b = linesOf(proposed);
	const blocks = diffSequences(a, b, MAX_LINE_EDITS);
	const result: LineChanges = { originalLines: a.length, proposedLines: b.length, changed: 0, removed: [], added: [] };
	if (!blocks) return countedAsMultisets(result, a, b, commonLineEnds(a, b));
	for (const [aStart, aEnd, bStart, bEnd] of blocks) {
		result.changed += Math.max(aEnd - aStart, bEnd - bStart);
		for (let i = aStart; i < aEnd; i++) result.removed.push({ line: i + 1, text: a[i] });
		for (let i = bStart; i < bEnd; i++) result.added.push(b[i]);
	}
	return result;
}

/** The lines of a text; a final line break ends the last line rather than starting an empty one. */
function linesOf(text: string): string[] {
	if (text === '') return [];
	const lines = text.split(/\r\n|\r|\n/);
	if (lines[lines.length - 1] === '') lines.pop();
	return lines;
}

function countedAsMultisets(result: LineChanges, a: readonly string[], b: readonly string[], [start, endA, endB]: [number, number, number]): LineChanges {
	const left = new Map<string, number>();
	for (let i = start; i < endB; i++) left.set(b[i], (left.get(b[i]) ?? 0) + 1);
	for (let i = start; i < endA; i++) {
		const copies = left.get(a[i]) ?? 0;
		if (copies > 0) left.set(a[i], copies - 1);
		else result.removed.push({ line: i + 1, text: a[i] });
	}
	const kept = new Map<string, number>();
	for (let i = start; i < endA; i++) kept.set(a[i], (kept.get(a[i]) ?? 0) + 1);
	for (let i = start; i < endB; i++) {
		const copies = kept.get(b[i]) ?? 0;
		if (copies > 0) kept.set(b[i], copies - 1);
		else result.added.push(b[i]);
	}
	result.changed = Math.max(result.removed.length, result.added.length);
	return result;
}
