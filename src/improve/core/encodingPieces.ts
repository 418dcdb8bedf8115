import { STEP } from './diffStats';
import { changedBlockSteps } from './lineMatch';
import type { Steps } from './steps';
import type { Encoded } from '../../core/encodingTypes';

/**
 * One indivisible unit of a string as written in a file (`\n`, `\u00e9`, `''`, a `${name}` expression, one
 * character, one YAML line) and what it stands for in the decoded text.
 */
export interface Piece {
	raw: string;
	text: string;
}

/** Thrown by a decoder when the text is not in its form; the message says why, for the user. */
export class NotInForm extends Error {}

export function joinText(pieces: readonly Piece[]): string {
	return pieces.map((p) => p.text).join('');
}

/**
 * Writes `text` in a file's form, keeping the original's raw text byte for byte on every line the review left
 * alone: unchanged lines of the decoded original keep their escapes; only added or changed lines are encoded.
 * Lines are matched by `changedBlocks`, whose work is bounded (linear past a few hundred edits), so a proposal
 * that rewrites every line of a 1 MB prompt does not stall Apply. `encodeChunk` encodes a run of new lines. The
 * result is checked with `decode` (`exact`); when reusing the original's raw text does not decode to `text` (an
 * escape that joins its neighbour), the whole text is encoded afresh, unchecked.
 */
export function* reencodeSteps(original: readonly Piece[], text: string, encodeChunk: (chunk: string, atStart: boolean) => string, decode: (raw: string) => string): Steps<Encoded> {
	// Lines of the original: the raw text of each line's body and of its line break, apart, so a line that only
	// gains or loses its line break keeps its body as written.
	const lines: { body: string; bodyRaw: string; breakRaw: string }[] = [];
	let body = '';
	let bodyRaw = '';
	for (let p = 0; p < original.length; p++) {
		const piece = original[p];
		if (p % (16 * STEP) === 0) yield;
		if (piece.text.endsWith('\n')) {
			// A line break piece (`\n`, CRLF), or a whole line ending in one (a YAML block's); anything else is never reused.
			const lineBreak = piece.text === '\n' ? piece.raw : (/\r?\n$/.exec(piece.raw)?.[0] ?? '');
			const reusable = piece.text === '\n' || lineBreak !== '';
			lines.push({
				body: reusable ? body + piece.text.slice(0, -1) : '\0',
				bodyRaw: bodyRaw + piece.raw.slice(0, piece.raw.length - lineBreak.length),
				breakRaw: lineBreak,
			});
			body = '';
			bodyRaw = '';
		} else {
			body += piece.text;
			bodyRaw += piece.raw;
		}
	}
	if (body !== '' || bodyRaw !== '') lines.push({ body, bodyRaw, breakRaw: '' });
	yield;
	const newLines = text.split('\n');
	yield;
	let out = '';
	let pending = '';
	let oldIndex = 0;
	let newIndex = 0;
	const flush = (): void => {
		if (pending) out += encodeChunk(pending, out === '');
		pending = '';
	};
	const lineBreak = (index: number): string => (index < newLines.length - 1 ? '\n' : '');
	const keepUntil = (oldEnd: number): void => {
		for (; oldIndex < oldEnd; oldIndex++, newIndex++) {
			const old = lines[oldIndex];
			flush();
			out += old.bodyRaw;
			if (lineBreak(newIndex)) {
				if (old.breakRaw) out += old.breakRaw;
				else pending += '\n';
			}
		}
	};
	const bodies = lines.map((l) => l.body);
	yield;
	for (const [oldStart, oldEnd, newStart, newEnd] of yield* changedBlockSteps(bodies, newLines)) {
		keepUntil(oldStart);
		for (newIndex = newStart; newIndex < newEnd; newIndex++) pending += newLines[newIndex] + lineBreak(newIndex);
		oldIndex = oldEnd;
		yield;
	}
	keepUntil(lines.length);
	yield;
	flush();
	yield;
	try {
		if (decode(out) === text) return { raw: out, exact: true };
	} catch {
		// fall through: encode everything
	}
	yield;
	return { raw: encodeChunk(text, true), exact: false };
}

/** Whether `s` has a UTF-16 surrogate without its partner (a file saved as UTF-8 cannot hold it). */
export function isLoneSurrogate(s: string, i: number): boolean {
	const c = s.charCodeAt(i);
	if (c >= 0xd800 && c <= 0xdbff) {
		const n = s.charCodeAt(i + 1);
		return !(n >= 0xdc00 && n <= 0xdfff);
	}
	if (c >= 0xdc00 && c <= 0xdfff) {
		const p = s.charCodeAt(i - 1);
		return !(p >= 0xd800 && p <= 0xdbff);
	}
	return false;
}

export function hex4(code: number): string {
	return code.toString(16).toUpperCase().padStart(4, '0');
}
