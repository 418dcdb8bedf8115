import type { PromptEdit } from '../../src/improve/core/promptEdits';

/** How far ahead two changed texts are searched for their next equal line. */
const SYNC_WINDOW = 60;

interface Hunk {
	/** Lines [from, to) of the original become lines [newFrom, newTo) of the improved text. */
	from: number;
	to: number;
	newFrom: number;
	newTo: number;
}

function count(text: string, find: string): number {
	let n = 0;
	for (let i = text.indexOf(find); i >= 0 && n < 2; i = text.indexOf(find, i + 1)) n++;
	return n;
}

/** The changed runs of lines, found greedily (a nearest equal line within `SYNC_WINDOW` lines resynchronises). */
function hunks(a: readonly string[], b: readonly string[]): Hunk[] {
	const found: Hunk[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		if (i < a.length && j < b.length && a[i] === b[j]) {
			i++;
			j++;
			continue;
		}
		let sync: [number, number] | undefined;
		for (let d = 1; d <= 2 * SYNC_WINDOW && !sync; d++) {
			for (let x = 0; x <= d && !sync; x++) {
				const y = d - x;
				if (i + x <= a.length && j + y <= b.length && (i + x === a.length && j + y === b.length ? true : i + x < a.length && j + y < b.length && a[i + x] === b[j + y] && a[i + x].trim() !== '')) sync = [i + x, j + y];
			}
		}
		const [si, sj] = sync ?? [a.length, b.length];
		found.push({ from: i, to: si, newFrom: j, newTo: sj });
		i = si;
		j = sj;
	}
	return found;
}

/**
 * The edits (in the edit format a model answers with) that turn `original` into `improved`: each changed run of
 * lines, widened by neighbouring lines until its find is not empty and occurs exactly once; runs whose widened
 * lines meet are merged, so no two edits overlap. Finds and replacements use `\n` line breaks.
 */
export function editsOfChange(original: string, improved: string): PromptEdit[] {
	const text = original.replace(/\r\n?/g, '\n');
	const a = text.split('\n');
	const b = improved.replace(/\r\n?/g, '\n').split('\n');
	const widened: Hunk[] = [];
	for (const h of hunks(a, b)) {
		const w = { ...h };
		const find = (): string => a.slice(w.from, w.to).join('\n');
		for (let step = 0; w.to - w.from < 1 || find().trim() === '' || count(text, find()) !== 1; step++) {
			if ((step % 2 === 0 || w.to >= a.length) && w.from > 0) {
				w.from--;
				w.newFrom--;
			} else if (w.to < a.length) {
				w.to++;
				w.newTo++;
			} else break;
		}
		for (let last = widened[widened.length - 1]; last && w.from <= last.to; last = widened[widened.length - 1]) {
			widened.pop();
			if (last.from < w.from) [w.from, w.newFrom] = [last.from, last.newFrom];
			if (last.to > w.to) [w.to, w.newTo] = [last.to, last.newTo];
		}
		widened.push(w);
	}
	return widened.map((w) => ({ find: a.slice(w.from, w.to).join('\n'), replace: b.slice(w.newFrom, w.newTo).join('\n') }));
}
