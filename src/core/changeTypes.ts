/** Lines `[originalStart, originalEnd)` of the original were replaced by lines `[proposalStart, proposalEnd)` of the proposal (0-based). */
export interface LineChange {
	readonly originalStart: number;
	readonly originalEnd: number;
	readonly proposalStart: number;
	readonly proposalEnd: number;
}

export interface ReviewChange extends LineChange {
	/** Stays the same while the change does: its place in the original and its proposed lines. */
	readonly key: string;
	/** The user kept the proposal of this change (Keep Proposal). */
	readonly decided: boolean;
}

export interface ChangeProgress {
	/** Changes not decided yet. */
	left: number;
	/** Changes decided (kept, reverted to the original or edited away) plus those left. */
	total: number;
	/** Lines the proposal side adds and removes now, compared with the original. */
	linesAdded: number;
	linesRemoved: number;
}

/** Replace `[start, end)` of the proposal's text by `text`. */
export interface TextReplacement {
	start: number;
	end: number;
	text: string;
}

/** The changes of one review and the user's decisions on them (made on the lazy side: `ImproveSide.changeDecisions`). */
export interface ReviewDecisions {
	/** The proposal side's text changed: the changes as they stand now. */
	update(text: string): readonly ReviewChange[];
	readonly changes: readonly ReviewChange[];
	readonly undecided: readonly ReviewChange[];
	/** Keep Proposal; false when no change has `key`. */
	keepProposal(key: string): boolean;
	/** Keep Original: the edit of the proposal side that puts the original back, undefined when no change has `key`. */
	keepOriginal(key: string): TextReplacement | undefined;
	progress(): ChangeProgress;
	/** The change at a line of the proposal side, the next one after it, the one before it. */
	at(line: number): ReviewChange | undefined;
	next(line: number): ReviewChange | undefined;
	previous(line: number): ReviewChange | undefined;
	/** The proposal side's line a change starts at. */
	lineOf(change: LineChange): number;
}
