import { createScanner } from 'jsonc-parser/lib/esm/main.js'; // the ES module build, as in applyCheck.ts
import type { Steps } from './steps';

/** jsonc-parser's SyntaxKind (a const enum, which a bundle built file by file cannot read). */
const T = { openBrace: 1, closeBrace: 2, openBracket: 3, closeBracket: 4, comma: 5, colon: 6, string: 10, number: 11, lineComment: 12, blockComment: 13, lineBreak: 14, trivia: 15, eof: 17 } as const;
const VALUES: ReadonlySet<number> = new Set([7, 8, 9, T.string, T.number]);
const TOKENS_PER_STEP = 4096;

/** A string of a JSON document: where its literal (quotes included) stands, and its value. */
interface JsonString {
	offset: number;
	length: number;
	value: string;
}

/**
 * Whether `text` is one valid JSON value (comments and trailing commas allowed, as jsonc-parser's `parseTree`
 * allows them), and the first value token whose literal holds `offset` (its end included) when that is a string:
 * `'invalid'`, or undefined when no string is there. Paused every few thousand tokens (see `Steps`): a 5 MB file
 * takes tens of ms to scan.
 */
export function* jsonStringAt(text: string, offset: number): Steps<JsonString | undefined | 'invalid'> {
	const scanner = createScanner(text, false);
	// What may come next: a value ('value'), in an object a key or its end, and so on.
	type Expect = 'value' | 'valueOrClose' | 'keyOrClose' | 'colon' | 'commaOrClose' | 'end';
	const open: number[] = [];
	let expect: Expect = 'value';
	let found: JsonString | undefined | null = null; // null: no value token held the offset yet
	for (let count = 1; ; count++) {
		if (count % TOKENS_PER_STEP === 0) yield;
		const kind = scanner.scan();
		if (scanner.getTokenError() !== 0) return 'invalid';
		if (kind === T.lineComment || kind === T.blockComment || kind === T.lineBreak || kind === T.trivia) continue;
		if (kind === T.eof) return expect === 'end' ? (found ?? undefined) : 'invalid';
		const inObject = open[open.length - 1] === T.openBrace;
		if (expect === 'keyOrClose' && kind === T.string) {
			expect = 'colon';
			found = foundAt(found, kind, scanner.getTokenOffset(), scanner.getTokenLength(), offset, scanner.getTokenValue());
		} else if (expect === 'colon' && kind === T.colon) {
			expect = 'value';
		} else if ((expect === 'value' || expect === 'valueOrClose') && (VALUES.has(kind) || kind === T.openBrace || kind === T.openBracket)) {
			if (kind === T.openBrace || kind === T.openBracket) {
				open.push(kind);
				expect = kind === T.openBrace ? 'keyOrClose' : 'valueOrClose';
			} else {
				found = foundAt(found, kind, scanner.getTokenOffset(), scanner.getTokenLength(), offset, scanner.getTokenValue());
				expect = open.length === 0 ? 'end' : 'commaOrClose';
			}
		} else if (expect === 'commaOrClose' && kind === T.comma) {
			expect = inObject ? 'keyOrClose' : 'valueOrClose';
		} else if ((expect === 'commaOrClose' || expect === (inObject ? 'keyOrClose' : 'valueOrClose')) && kind === (inObject ? T.closeBrace : T.closeBracket) && open.length > 0) {
			open.pop();
			expect = open.length === 0 ? 'end' : 'commaOrClose';
		} else {
			return 'invalid';
		}
	}
}

function foundAt(found: JsonString | undefined | null, kind: number, start: number, length: number, offset: number, value: string): JsonString | undefined | null {
	if (found !== null || offset < start || offset > start + length) return found;
	return kind === T.string ? { offset: start, length, value } : undefined;
}
