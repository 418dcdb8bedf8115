/** Offsets into a document's text, end exclusive. */
export interface OffsetRange {
	start: number;
	end: number;
}

/** One change reported by the editor: `length` characters at `offset` were replaced by `text`. */
export interface TextChange {
	offset: number;
	length: number;
	text: string;
}

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

/** What edit tracking knows: the range, that the user edited inside it, or nothing (the document was closed meanwhile). */
export type Tracked = OffsetRange | 'editedInside' | undefined;

export type Anchor = { found: true; range: OffsetRange; moved: boolean } | { found: false; reason: 'edited' | 'ambiguous' };

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
	const at = original.length === 0 ? -1 : documentText.indexOf(original);
	if (at === -1) return { found: false, reason: 'edited' };
	if (documentText.indexOf(original, at + 1) !== -1) return { found: false, reason: 'ambiguous' };
	return { found: true, range: { start: at, end: at + original.length }, moved: at !== lastKnownStart };
}
