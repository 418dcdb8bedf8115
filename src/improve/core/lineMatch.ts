import { commonEnds, intern, myers, STEP, type Block } from './diffStats';
import { toEnd, type Steps } from './steps';

/**
 * Most edits the exact line diff looks for: its work is about (lines of both sides) × (edits), a few ms for 1 MB.
 * Past it, lines are matched by `uniqueAnchors`, which is linear.
 */
const MAX_LINE_EDITS = 400;

/**
 * The changed blocks between two sequences of lines, in order, every line outside them kept: a shortest edit
 * script when one needs at most `maxEdits` edits, else one found in linear time, which keeps the common first and
 * last lines and the lines found once on each side (in order), with the equal lines around them.
 */
export function changedBlocks(a: readonly string[], b: readonly string[], maxEdits = MAX_LINE_EDITS): Block[] {
	return toEnd(changedBlockSteps(a, b, maxEdits));
}

/** `changedBlocks`, paused every few thousand lines (see `Steps`). */
export function* changedBlockSteps(a: readonly string[], b: readonly string[], maxEdits = MAX_LINE_EDITS): Steps<Block[]> {
	const [start, endA, endB] = yield* commonEnds(a, b);
	// Lines become numbers (equal lines, equal numbers) once, for both ways of matching.
	const ids = new Map<string, number>();
	const idsA = yield* intern(a, start, endA, ids);
	const idsB = yield* intern(b, start, endB, ids);
	const countA = new Int32Array(ids.size);
	const countB = new Int32Array(ids.size);
	for (const id of idsA) countA[id]++;
	for (const id of idsB) countB[id]++;
	// The lines one side has more copies of than the other must be edited: past the bound, the diff is not tried.
	let atLeast = 0;
	for (let id = 0; id < ids.size; id++) atLeast += Math.abs(countA[id] - countB[id]);
	const found = atLeast <= maxEdits ? yield* myers(idsA, idsB, maxEdits) : undefined;
	const blocks = found ?? (yield* uniqueAnchors(idsA, idsB, countA, countB));
	return blocks.map(([s, e, s2, e2]): Block => [s + start, e + start, s2 + start, e2 + start]);
}

/** Matches in order the lines found once on each side, and the equal lines around each of them. */
function* uniqueAnchors(a: Int32Array, b: Int32Array, countA: Int32Array, countB: Int32Array): Steps<Block[]> {
	const indexInA = new Int32Array(countA.length).fill(-1);
	for (let i = 0; i < a.length; i++) if (countA[a[i]] === 1) indexInA[a[i]] = i;
	const blocks: Block[] = [];
	let i = 0;
	let j = 0;
	for (let bj = 0; bj < b.length; bj++) {
		if (bj % STEP === 0) yield;
		if (bj < j || countB[b[bj]] !== 1) continue;
		const ai = indexInA[b[bj]];
		if (ai < i) continue;
		// The equal lines before the anchor belong to it too, back to what the previous anchor kept.
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
		while (i < a.length && j < b.length && a[i] === b[j]) {
			i++;
			j++;
		}
		bj = j - 1;
	}
	if (i < a.length || j < b.length) blocks.push([i, a.length, j, b.length]);
	return blocks;
}
