/** One edit of a model's answer: `find` is exact text of the prompt, `replace` what takes its place. */
export interface PromptEdit {
	find: string;
	replace: string;
}

type EditFailureReason = 'emptyFind' | 'notFound' | 'ambiguous' | 'overlap';

/** An edit that was not applied, and why; `overlapsWith` is the index of the applied edit it overlaps. */
export interface EditFailure {
	index: number;
	edit: PromptEdit;
	reason: EditFailureReason;
	overlapsWith?: number;
}

interface AppliedEdits {
	/** The prompt with every applicable edit, in the prompt's own line endings. */
	text: string;
	/** Indexes of the edits applied, in the order given. */
	applied: number[];
	failed: EditFailure[];
}

interface Placed {
	index: number;
	start: number;
	end: number;
}

const normalise = (text: string): string => text.replace(/\r\n?/g, '\n');

/** The prompt's line ending for inserted text: the first one it uses, `\n` when it has none. */
function eolOf(prompt: string): string {
	const m = /\r\n|\r|\n/.exec(prompt);
	return m ? m[0] : '\n';
}

/** Where `find` occurs in `text`: its one offset, or 0 / 2 occurrences (overlapping occurrences count). */
function occurrence(text: string, find: string): number | 'none' | 'many' {
	const first = text.indexOf(find);
	if (first < 0) return 'none';
	return text.indexOf(find, first + 1) >= 0 ? 'many' : first;
}

/**
 * Places edits one at a time on a prompt, never guessing: each `find` must occur exactly once in the prompt (line
 * endings normalised on both sides only for the search) and must not overlap an edit placed before it (touching is
 * not overlapping). `text()` is the prompt with the edits placed so far: text outside them keeps its bytes, a
 * replacement takes the prompt's line ending. Each `place` costs one search of the prompt.
 */
export class EditPlacer {
	private readonly normalised: string;
	private readonly placed: (Placed & { replace: string })[] = [];
	private toOriginal: ((offset: number) => number) | undefined;

	constructor(private readonly prompt: string) {
		this.normalised = normalise(prompt);
	}

	get count(): number {
		return this.placed.length;
	}

	/** Places the edit, or says why not. */
	place(edit: PromptEdit, index: number): EditFailure | undefined {
		const find = normalise(edit.find);
		const at = find === '' ? 'empty' : occurrence(this.normalised, find);
		if (typeof at !== 'number') return { index, edit, reason: at === 'empty' ? 'emptyFind' : at === 'none' ? 'notFound' : 'ambiguous' };
		const end = at + find.length;
		const other = this.placed.find((p) => at < p.end && p.start < end);
		if (other) return { index, edit, reason: 'overlap', overlapsWith: other.index };
		this.placed.push({ index, start: at, end, replace: edit.replace });
		return undefined;
	}

	text(): string {
		const { prompt } = this;
		if (this.placed.length === 0) return prompt;
		// Offsets in the normalised text map back to the prompt through the line breaks that lost a character.
		const toOriginal = (this.toOriginal ??= offsetMap(prompt));
		const eol = eolOf(prompt);
		let out = '';
		let from = 0;
		for (const p of [...this.placed].sort((x, y) => x.start - y.start)) {
			out += prompt.slice(from, toOriginal(p.start)) + normalise(p.replace).replace(/\n/g, eol);
			from = toOriginal(p.end);
		}
		return out + prompt.slice(from);
	}
}

/** Applies the edits exactly, in the order given (see `EditPlacer`); what could not be applied is listed with its reason. Pure. */
export function applyEdits(prompt: string, edits: readonly PromptEdit[]): AppliedEdits {
	const placer = new EditPlacer(prompt);
	const applied: number[] = [];
	const failed: EditFailure[] = [];
	edits.forEach((edit, index) => {
		const failure = placer.place(edit, index);
		if (failure) failed.push(failure);
		else applied.push(index);
	});
	return { text: placer.text(), applied, failed };
}

/** From an offset in the normalised text to the same place in the original (a `\r\n` counts as one character there). */
function offsetMap(original: string): (offset: number) => number {
	const shifts: number[] = [];
	for (let i = original.indexOf('\r\n'); i >= 0; i = original.indexOf('\r\n', i + 2)) shifts.push(i - shifts.length);
	if (shifts.length === 0) return (offset) => offset;
	return (offset) => {
		// Number of `\r\n` pairs that start before `offset` in the normalised text.
		let lo = 0;
		let hi = shifts.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (shifts[mid] < offset) lo = mid + 1;
			else hi = mid;
		}
		return offset + lo;
	};
}
