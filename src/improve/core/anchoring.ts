import type { Anchor, OffsetRange, TextChange, Tracked } from '../../core/anchorTypes';

/**
 * Where the reviewed prompt stands after an edit. Edits before it move it; edits touching its inside make it
 * `undefined`, because the user changed the text that would be replaced. Typing right at either edge leaves it alone.
 */
export function shiftRange(range: OffsetRange, change: TextChange): OffsetRange | undefined {
	const changeEnd = change.offset + change.length;
	const delta = change.text.length - change.length;
	if (changeEnd <= range.start) {
		return { start: range.start + delta, end: range.end + delta };
	}
	if (change.offset >= range.end) return range;
	return undefined;
}

/**
 * Finds the original prompt in the document's current text. When edits were tracked, their verdict stands: the
 * tracked range if it still holds the original, none if the user edited inside it. When tracking was lost (the
 * document was closed with unsaved edits), the prompt is found again only where that is unambiguous: it occurs
 * exactly once. Guessing between copies could overwrite the wrong one.
 */
export function anchor(documentText: string, original: string, tracked: Tracked, lastKnownStart: number): Anchor {
	if (tracked === 'editedInside') return { found: false, reason: 'edited' };
	if (tracked) {
		if (documentText.slice(tracked.start, tracked.end) === original) {
			return { found: true, range: tracked, moved: tracked.start !== lastKnownStart };
		}
		return { found: false, reason: 'edited' };
	}
	const found = original.length === 0 ? [] : occurrences(documentText, original, 2);
	if (found.length === 0) return { found: false, reason: 'edited' };
	if (found.length > 1) return { found: false, reason: 'ambiguous' };
	const at = found[0];
	return { found: true, range: { start: at, end: at + original.length }, moved: at !== lastKnownStart };
}

/** How long a piece of the pattern the search looks for before comparing the whole pattern. */
const PIECE_LENGTH = 4096;
/** Candidates that fail the whole comparison before the search gives up on the piece. */
const MAX_MISSES = 32;

/**
 * The offsets where `pattern` (not empty) occurs in `text`, overlapping ones included, up to `limit` of them.
 *
 * `indexOf` skips fast through text that does not begin like the pattern, but one step at a time through periodic
 * text that does (`a…ab` in `a…a`: several ms per MB). So the search starts at a rare character of the pattern: the
 * piece from there is looked for (where the text rarely has that character, `indexOf` jumps from one to the next),
 * and each place it is found is compared with the whole pattern. Should the piece keep matching where the pattern
 * does not, the plain search takes over from there: the cost never exceeds it by more than a few comparisons.
 */
export function occurrences(text: string, pattern: string, limit: number): number[] {
	const j = rareCharacterAt(pattern);
	const piece = pattern.slice(j, j + PIECE_LENGTH);
	const found: number[] = [];
	let misses = 0;
	for (let at = text.indexOf(piece, j); at !== -1; at = text.indexOf(piece, at + 1)) {
		const start = at - j;
		// A slice compares as fast as memory does; startsWith reads character by character.
		if (text.slice(start, start + pattern.length) === pattern) {
			found.push(start);
			if (found.length >= limit) return found;
		} else if (++misses > MAX_MISSES) {
			for (let s = text.indexOf(pattern, start + 1); s !== -1 && found.length < limit; s = text.indexOf(pattern, s + 1)) found.push(s);
			return found;
		}
	}
	return found;
}

/** At most this many characters of the pattern are looked at to guess which of its characters are rare. */
const SAMPLES = 4096;

/**
 * Where in `pattern` (not empty) a rare character stands, guessed without reading all of it: the characters at the
 * first and last offsets, at the first offset where the pattern stops repeating its first character, and at evenly
 * spaced offsets are counted among the spaced samples, and the least frequent wins.
 */
function rareCharacterAt(pattern: string): number {
	const m = pattern.length;
	const stride = Math.max(1, Math.floor(m / SAMPLES));
	const counts = new Uint32Array(65536);
	const sampled: number[] = [];
	for (let i = 0; i < m; i += stride) {
		const c = pattern.charCodeAt(i);
		if (counts[c]++ === 0) sampled.push(i);
	}
	// The regular expression runs natively: on "a…ab" it finds the "b" at once, where a loop would read 1 MB.
	const head = pattern.charCodeAt(0);
	const change = pattern.search(new RegExp(`[^\\u${head.toString(16).padStart(4, '0')}]`));
	const candidates = [0, m - 1, ...(change > 0 ? [change] : []), ...sampled];
	let best = 0;
	let bestCount = Infinity;
	for (const at of candidates) {
		const count = counts[pattern.charCodeAt(at)];
		if (count < bestCount) {
			best = at;
			bestCount = count;
		}
	}
	return best;
}
