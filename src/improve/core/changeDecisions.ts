import { commonLineEnds, diffSequences } from './diffStats';
import type { ChangeProgress, LineChange, ReviewChange, ReviewDecisions, TextReplacement } from '../../core/changeTypes';

/**
 * The changes of a review, one block of lines at a time, and what the user decided about each. The original side
 * of a review never changes, so a place in it identifies a change while the proposal side is being edited.
 */

interface Line {
	text: string;
	/** `\n`, `\r\n` or, for a last line without one, empty. */
	eol: string;
}

/** The lines of `text` with their terminators (only `\n` and `\r\n` end a line; a final newline opens no line). */
function splitLines(text: string): Line[] {
	const lines: Line[] = [];
	let i = 0;
	while (i < text.length) {
		const n = text.indexOf('\n', i);
		if (n < 0) {
			lines.push({ text: text.slice(i), eol: '' });
			break;
		}
		const cr = n > i && text[n - 1] === '\r';
		lines.push({ text: text.slice(i, cr ? n - 1 : n), eol: cr ? '\r\n' : '\n' });
		i = n + 1;
	}
	return lines;
}

/** Most line edits the exact diff looks for; past it the whole changed middle is one change. */
const MAX_LINE_EDITS = 400;

/**
 * The changed blocks between two texts, compared line by line (line endings and a missing final newline do not
 * count), in order. When the texts differ by more than `maxLineEdits` lines, the lines between the common first and
 * last lines are one change.
 */
export function lineChanges(original: string, proposal: string, maxLineEdits = MAX_LINE_EDITS): LineChange[] {
	const a = splitLines(original).map((l) => l.text);
	const b = splitLines(proposal).map((l) => l.text);
	const blocks = diffSequences(a, b, maxLineEdits);
	if (blocks) return blocks.map(([originalStart, originalEnd, proposalStart, proposalEnd]) => ({ originalStart, originalEnd, proposalStart, proposalEnd }));
	const [start, aEnd, bEnd] = commonLineEnds(a, b);
	return [{ originalStart: start, originalEnd: aEnd, proposalStart: start, proposalEnd: bEnd }];
}

/** Whether two changes touch the same place of the original (an insertion touches the lines around its point). */
function samePlace(x: LineChange, y: LineChange): boolean {
	return Math.max(x.originalStart, y.originalStart) <= Math.min(x.originalEnd, y.originalEnd);
}

/**
 * One review's changes and decisions. `update()` with the proposal side's text after every edit; Keep Proposal marks
 * a change decided until its lines change, Keep Original yields the edit that puts the original lines back (the
 * change then leaves the diff, which counts as decided, as does any edit that removes a change).
 */
export class ChangeDecisions implements ReviewDecisions {
	/** The changes of the proposal as it came: those gone since count as decided. */
	private readonly proposed: readonly LineChange[];
	private readonly kept = new Set<string>();
	private text: string | undefined;
	private lines: Line[] = [];
	private current: ReviewChange[] = [];

	constructor(
		private readonly original: string,
		proposal: string,
		private readonly maxLineEdits = MAX_LINE_EDITS,
	) {
		this.proposed = lineChanges(original, proposal, maxLineEdits);
		this.update(proposal);
	}

	/** The changes, in order, after the proposal side became `text`. */
	update(text: string): readonly ReviewChange[] {
		if (text === this.text) return this.current;
		this.text = text;
		this.lines = splitLines(text);
		this.current = this.classify();
		return this.current;
	}

	get changes(): readonly ReviewChange[] {
		return this.current;
	}

	get undecided(): readonly ReviewChange[] {
		return this.current.filter((c) => !c.decided);
	}

	/** Keep Proposal: the change with `key` is decided. False when no such change is left. */
	keepProposal(key: string): boolean {
		const change = this.current.find((c) => c.key === key);
		if (!change) return false;
		this.kept.add(key);
		this.current = this.classify();
		return true;
	}

	/** Keep Original: the edit of the proposal side that puts the original lines back in place of the change with `key`. */
	keepOriginal(key: string): TextReplacement | undefined {
		const change = this.current.find((c) => c.key === key);
		if (!change) return undefined;
		const originalLines = splitLines(this.original);
		const eol = this.lines.find((l) => l.eol)?.eol ?? originalLines.find((l) => l.eol)?.eol ?? '\n';
		const endsWithNewline = this.lines.length === 0 ? this.original.endsWith('\n') : this.lines[this.lines.length - 1].eol !== '';
		const restored = originalLines.slice(change.originalStart, change.originalEnd).map((l) => ({ text: l.text, eol }));
		const next = [...this.lines.slice(0, change.proposalStart), ...restored, ...this.lines.slice(change.proposalEnd)].map((l) => ({ ...l }));
		next.forEach((l) => (l.eol ||= eol));
		if (next.length && !endsWithNewline) next[next.length - 1].eol = '';
		return smallestReplacement(this.text ?? '', next.map((l) => l.text + l.eol).join(''));
	}

	/** How many changes are left of how many, and the size of the change now. */
	progress(): ChangeProgress {
		let linesAdded = 0;
		let linesRemoved = 0;
		for (const c of this.current) {
			linesAdded += c.proposalEnd - c.proposalStart;
			linesRemoved += c.originalEnd - c.originalStart;
		}
		const gone = this.proposed.filter((p) => !this.current.some((c) => samePlace(p, c))).length;
		const left = this.current.filter((c) => !c.decided).length;
		return { left, total: this.current.length + gone, linesAdded, linesRemoved };
	}

	/** The change whose lines hold `line` of the proposal side (a removal sits on the line after it). */
	at(line: number): ReviewChange | undefined {
		return this.current.find((c) => (c.proposalStart === c.proposalEnd ? this.lineOf(c) === line : c.proposalStart <= line && line < c.proposalEnd));
	}

	/** The first undecided change starting after `line`, or from the top again. */
	next(line: number): ReviewChange | undefined {
		const open = this.undecided;
		return open.find((c) => c.proposalStart > line) ?? open[0];
	}

	/** The last undecided change starting before `line`, or from the bottom again. */
	previous(line: number): ReviewChange | undefined {
		const open = this.undecided;
		return [...open].reverse().find((c) => c.proposalStart < line) ?? open[open.length - 1];
	}

	/** The line of the proposal side (as an editor counts them) where a change is shown: its first line, or for a removal the line after it. */
	lineOf(change: LineChange): number {
		const last = this.lines.length === 0 || this.lines[this.lines.length - 1].eol ? this.lines.length : this.lines.length - 1;
		return Math.min(change.proposalStart, last);
	}

	private classify(): ReviewChange[] {
		return lineChanges(this.original, this.text ?? '', this.maxLineEdits).map((c) => {
			const proposedLines = this.lines.slice(c.proposalStart, c.proposalEnd).map((l) => l.text);
			const key = `${c.originalStart}-${c.originalEnd}:${JSON.stringify(proposedLines)}`;
			return { ...c, key, decided: this.kept.has(key) };
		});
	}
}

/** The one replacement that turns `before` into `after`, without their common start and end. */
function smallestReplacement(before: string, after: string): TextReplacement {
	let start = 0;
	while (start < before.length && start < after.length && before[start] === after[start]) start++;
	let end = before.length;
	let afterEnd = after.length;
	while (end > start && afterEnd > start && before[end - 1] === after[afterEnd - 1]) {
		end--;
		afterEnd--;
	}
	return { start, end, text: after.slice(start, afterEnd) };
}
