import { fitToOriginal, type Eol } from '../../core/eol';
import { changedBlockSteps } from './lineMatch';
import { toEnd, type Steps } from './steps';

interface Line {
	body: string;
	/** The line break after it as the text has it (`\n`, `\r\n`, `\r`), '' for the last line. */
	lineBreak: string;
}

function linesOf(text: string): Line[] {
	const parts = text.split(/(\r\n|\r|\n)/);
	const lines: Line[] = [];
	for (let i = 0; i < parts.length; i += 2) lines.push({ body: parts[i], lineBreak: parts[i + 1] ?? '' });
	return lines;
}

/**
 * `fitToOriginal` for text decoded from a string in a file (JSON, JavaScript, YAML), whose line breaks are
 * characters of the string: `\r\n`, a lone `\r` and `\n` all mean something there, while the review (a VS Code
 * document) shows each as a line break of its own. Lines the review left alone keep the original's line break; a
 * line that replaces one takes its line break; other new lines take the original's usual one, else `lineBreak`.
 */
export function fitDecodedLineBreaks(improved: string, original: string, lineBreak: Eol): string {
	return toEnd(fitDecodedLineBreakSteps(improved, original, lineBreak));
}

/** `fitDecodedLineBreaks`, paused between steps (see `Steps`). */
export function* fitDecodedLineBreakSteps(improved: string, original: string, lineBreak: Eol): Steps<string> {
	// Without a \r every line break of the original is \n: nothing to match line by line.
	if (!original.includes('\r')) return fitToOriginal(improved, original, original.includes('\n') ? '\n' : lineBreak);
	const old = linesOf(original);
	const counts = new Map<string, number>();
	for (const l of old) if (l.lineBreak) counts.set(l.lineBreak, (counts.get(l.lineBreak) ?? 0) + 1);
	const usual = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? lineBreak;
	yield;
	const lines = linesOf(improved);
	yield;
	// Each new line takes the line break of the line it keeps or replaces (by position in a changed block).
	const breaks: string[] = [];
	let oldIndex = 0;
	const keep = (count: number): void => {
		for (let k = 0; k < count; k++) breaks.push(old[oldIndex++].lineBreak || usual);
	};
	const oldBodies = old.map((l) => l.body);
	const newBodies = lines.map((l) => l.body);
	yield;
	for (const [oldStart, oldEnd, newStart, newEnd] of yield* changedBlockSteps(oldBodies, newBodies)) {
		keep(oldStart - oldIndex);
		for (let k = 0; k < newEnd - newStart; k++) breaks.push((oldStart + k < oldEnd ? old[oldStart + k].lineBreak : '') || usual);
		oldIndex = oldEnd;
	}
	keep(Math.min(old.length, oldIndex + lines.length - breaks.length) - oldIndex);
	yield;
	let text = lines.map((l, i) => l.body + (i < lines.length - 1 ? breaks[i] : '')).join('');
	const originalBreak = old.length > 1 ? old[old.length - 2].lineBreak : '';
	const originalEndsWithBreak = old.length > 1 && old[old.length - 1].body === '';
	if (originalEndsWithBreak && lines[lines.length - 1].body !== '') text += originalBreak;
	if (!originalEndsWithBreak) text = text.replace(/(?:\r\n|\r|\n)+$/, '');
	return text;
}
