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

/** What edit tracking knows: the range, that the user edited inside it, or nothing (the document was closed meanwhile). */
export type Tracked = OffsetRange | 'editedInside' | undefined;

export type Anchor = { found: true; range: OffsetRange; moved: boolean } | { found: false; reason: 'edited' | 'ambiguous' };
