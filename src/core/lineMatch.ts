import { commonLineEnds, diffSequences, type Block } from './diffStats';

/**
 * Most edits the exact line diff looks for: its work is about (lines of both sides) × (edits), a few tens of ms for
 * 1 MB. Past it, lines are matched by `uniqueAnchors`, which is linear.
 */
export const MAX_LINE_EDITS = 400;

/**
 * The changed blocks between two sequences of lines, in order, every line outside them kept: a shortest edit
 * script when one needs at most `maxEdits` edits, else one found in linear time, which keeps the common first and
 * last lines and the lines found once on each side (in order), with the equal lines around them.
 */
export function changedBlocks(a: readonly string[], b: readonly string[], maxEdits = MAX_LINE_EDITS): Block[] {
	return diffSequences(a, b, maxEdits) ?? uniqueAnchors(a, b);
}

function uniqueAnchors(a: readonly string[], b: readonly string[]): Block[] {
	const [start, endA, endB] = commonLineEnds(a, b);
	// Line → its index in a when it is there once between the common ends, -1 when more often; the same for b.
	const once = (lines: readonly string[], from: number, to: number): Map<string, number> => {
		const at = new Map<string, number>();
		for (let i = from; i < to; i++) at.set(lines[i], at.has(lines[i]) ? -1 : i);
		return at;
	};
	const inA = once(a, start, endA);
	const inB = once(b, start, endB);
	const blocks: Block[] = [];
	let i = start;
	let j = start;
	const keepFrom = (ai: number, bj: number): void => {
		// The equal lines before an anchor belong to it too, back to what the previous anchor kept.
		let s = ai;
		let t = bj;
		while (s > i && t > j && a[s - 1] === b[t - 1]) {
			s--;
			t--;
		}
		if (s > i || t > j) blocks.push([i, s, j, t]);
		// And the equal lines after it.
		i = ai;
		j = bj;
		while (i < endA && j < endB && a[i] === b[j]) {
			i++;
			j++;
		}
	};
	for (let bj = start; bj < endB; bj++) {
		if (bj < j) continue;
		const ai = inA.get(b[bj]);
		if (ai === undefined || ai < i || inB.get(b[bj]) !== bj) continue;
		keepFrom(ai, bj);
		bj = j - 1;
	}
	if (i < endA || j < endB) blocks.push([i, endA, j, endB]);
	return blocks;
}
