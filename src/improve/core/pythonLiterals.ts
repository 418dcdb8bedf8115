import * as l10n from '@vscode/l10n';
import { hex4, isLoneSurrogate, NotInForm, type Piece } from './encodingPieces';

/** How a Python string literal is written: its prefix (`r`, `f`, `rb`…), its quotes, and what they mean. */
interface PyForm {
	quote: '"' | "'" | '"""' | "'''";
	raw: boolean;
	f: boolean;
}

/** A string literal in Python source: `start`/`end` include the prefix and the quotes. */
export interface PyLiteral extends PyForm {
	start: number;
	end: number;
	prefix: string;
	bytes: boolean;
	/** A template string (`t"…"`, Python 3.14): not a str at all. */
	template: boolean;
	/** Inside an f-string's `{…}` expression, where Python before 3.12 allows no backslash. */
	nested: boolean;
	/** Written next to another literal (`"a" "b"`), which Python joins into one string. */
	joined: boolean;
}

const PREFIXES = new Set(['', 'r', 'u', 'f', 'b', 'br', 'rb', 'fr', 'rf', 't', 'tr', 'rt']);
const WORD = /[\w\u0080-\uffff]/;

/**
 * The string literals of a Python file, found by a small scanner: comments, strings of every prefix and quote,
 * f-strings with nested `{…}` expressions, and literals written next to each other (implicit concatenation).
 * Throws NotInForm when a literal does not end.
 */
export function scanPyLiterals(src: string): PyLiteral[] {
	const literals: PyLiteral[] = [];
	scanCode(src, 0, false, literals);
	return literals.sort((a, b) => a.start - b.start);
}

/** Scans code from `i`; with `untilBrace`, up to the `}` that closes an f-string's `{`, and returns the index after it. */
function scanCode(src: string, i: number, untilBrace: boolean, literals: PyLiteral[]): number {
	let depth = 0;
	// The literal just before, while nothing but space, comments or continued lines followed it.
	let previous: PyLiteral | undefined;
	while (i < src.length) {
		const c = src[i];
		if (c === '\n' || c === '\r') {
			if (depth === 0 && !untilBrace) previous = undefined;
			i++;
			continue;
		}
		if (c === ' ' || c === '\t' || c === '\f') {
			i++;
			continue;
		}
		if (c === '\\' && /^\\(\r\n|\r|\n)/.test(src.slice(i, i + 3))) {
			i += src.startsWith('\r\n', i + 1) ? 3 : 2;
			continue;
		}
		// In an f-string's expression, `#` is mostly a format spec's (`{n:#x}`).
		if (c === '#' && !untilBrace) {
			while (i < src.length && src[i] !== '\n' && src[i] !== '\r') i++;
			continue;
		}
		let word = '';
		if (WORD.test(c)) {
			let j = i;
			while (j < src.length && WORD.test(src[j])) j++;
			word = src.slice(i, j);
			if (!(PREFIXES.has(word.toLowerCase()) && (src[j] === '"' || src[j] === "'"))) {
				previous = undefined;
				i = j;
				continue;
			}
		}
		const q = src[i + word.length];
		if (q === '"' || q === "'") {
			const literal = scanString(src, i, word, literals, untilBrace);
			if (previous) previous.joined = literal.joined = true;
			literals.push(literal);
			previous = literal;
			i = literal.end;
			continue;
		}
		previous = undefined;
		if (c === '(' || c === '[' || c === '{') depth++;
		if (c === ')' || c === ']' || c === '}') {
			if (depth === 0 && untilBrace && c === '}') return i + 1;
			depth = Math.max(0, depth - 1);
		}
		i++;
	}
	if (untilBrace) throw new NotInForm(l10n.t('an f-string\'s {…} expression does not end'));
	return i;
}

function scanString(src: string, start: number, prefix: string, literals: PyLiteral[], nested: boolean): PyLiteral {
	const lower = prefix.toLowerCase();
	const at = start + prefix.length;
	const quote = (src.startsWith('"""', at) ? '"""' : src.startsWith("'''", at) ? "'''" : src[at]) as PyForm['quote'];
	const form = { quote, raw: lower.includes('r'), f: lower.includes('f') };
	let j = at + quote.length;
	for (;;) {
		if (j >= src.length) throw new NotInForm(l10n.t('a Python string does not end'));
		const c = src[j];
		// In an f-string, a backslash before a brace is itself, and the brace opens an expression (or is doubled).
		if (c === '\\') j += form.f && (src[j + 1] === '{' || src[j + 1] === '}') ? 1 : src.startsWith('\r\n', j + 1) ? 3 : 2;
		else if (quote.length === 1 && (c === '\n' || c === '\r')) throw new NotInForm(l10n.t('a Python string does not end on its line'));
		else if (src.startsWith(quote, j)) break;
		else if (form.f && c === '{' && src[j + 1] !== '{') j = scanCode(src, j + 1, true, literals);
		else if (form.f && (c === '{' || c === '}') && src[j + 1] === c) j += 2;
		else j++;
	}
	return { quote, raw: form.raw, f: form.f, start, end: j + quote.length, prefix, bytes: lower.includes('b'), template: lower.includes('t'), nested, joined: false };
}

const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/**
 * The pieces of the inside of a literal (between its quotes), as Python reads them: escapes (none in a raw
 * string, where a backslash stays), line breaks of the source as `\n`, and in an f-string `{{`/`}}` as text and
 * a `{…}` expression as one piece whose text is its source: code, not text. Throws NotInForm for what cannot be
 * read for sure (`\N{…}` names, a malformed `\x`/`\u`, an unescaped quote or line break).
 */
export function pyPieces(inside: string, form: PyForm): Piece[] {
	const pieces: Piece[] = [];
	const triple = form.quote.length === 3;
	let i = 0;
	while (i < inside.length) {
		const c = inside[i];
		let piece: Piece;
		if (form.f && c === '{') {
			if (inside[i + 1] === '{') piece = { raw: '{{', text: '{' };
			else {
				const raw = inside.slice(i, scanCode(inside, i + 1, true, []));
				piece = { raw, text: raw };
			}
		} else if (form.f && c === '}') {
			if (inside[i + 1] !== '}') throw new NotInForm(l10n.t('a single closing brace in an f-string'));
			piece = { raw: '}}', text: '}' };
		} else if (c === '\\') piece = form.f && (inside[i + 1] === '{' || inside[i + 1] === '}') ? { raw: c, text: c } : escapePiece(inside, i, form.raw);
		else if (c === '\n' || c === '\r') {
			if (!triple) throw new NotInForm(l10n.t('a line break that is not escaped'));
			// Python reads every line break of its source as a line feed.
			piece = { raw: inside.startsWith('\r\n', i) ? '\r\n' : c, text: '\n' };
		} else if (inside.startsWith(form.quote, i)) throw new NotInForm(l10n.t('a quote that is not escaped'));
		else if (c === '\0') throw new NotInForm(l10n.t('a NUL character'));
		else piece = { raw: c, text: c };
		pieces.push(piece);
		i += piece.raw.length;
	}
	return pieces;
}

function escapePiece(inside: string, i: number, raw: boolean): Piece {
	const e = inside[i + 1];
	if (e === undefined) throw new NotInForm(l10n.t('a backslash ends the text'));
	const lineBreak = inside.startsWith('\r\n', i + 1) ? '\r\n' : e === '\r' || e === '\n' ? e : '';
	// In a raw string a backslash stays, with what follows it.
	if (raw) return lineBreak ? { raw: `\\${lineBreak}`, text: '\\\n' } : { raw: `\\${e}`, text: `\\${e}` };
	if (lineBreak) return { raw: `\\${lineBreak}`, text: '' };
	if (e in SIMPLE_ESCAPES) return { raw: `\\${e}`, text: SIMPLE_ESCAPES[e] };
	const octal = /^[0-7]{1,3}/.exec(inside.slice(i + 1));
	if (octal) return { raw: `\\${octal[0]}`, text: String.fromCharCode(parseInt(octal[0], 8)) };
	const hex = { x: 2, u: 4, U: 8 }[e];
	if (hex) {
		const digits = inside.slice(i + 2, i + 2 + hex);
		const code = /^[0-9a-fA-F]+$/.test(digits) && digits.length === hex ? parseInt(digits, 16) : NaN;
		if (!(code <= 0x10ffff)) throw new NotInForm(l10n.t('a malformed escape ({0})', `\\${e}`));
		return { raw: `\\${e}${digits}`, text: String.fromCodePoint(code) };
	}
	if (e === 'N') throw new NotInForm(l10n.t('a \\N{…} escape (a character by its Unicode name)'));
	// An unknown escape keeps its backslash.
	return { raw: `\\${e}`, text: `\\${e}` };
}

/**
 * Encodes decoded text for the inside of a literal. In an f-string, `{…}` is written as code only when it is one
 * of `expressions` (the original's, verbatim); other braces are text, doubled. A string on one line gets `\n`
 * escapes; a raw string cannot escape, so text it cannot hold throws NotInForm with the reason.
 */
export function encodePy(text: string, form: PyForm, eol: '\n' | '\r\n', expressions: readonly string[] = []): string {
	const triple = form.quote.length === 3;
	let out = '';
	let i = 0;
	while (i < text.length) {
		const c = text[i];
		if (form.f && c === '{') {
			const expression = expressions.filter((e) => text.startsWith(e, i)).sort((a, b) => b.length - a.length)[0];
			out += expression ?? '{{';
			i += expression?.length ?? 1;
			continue;
		}
		i++;
		if (form.f && c === '}') out += '}}';
		else if (form.raw) {
			if (c === '\n' && !triple) throw new NotInForm(l10n.t('a raw string on one line cannot hold a line break'));
			if ((c < ' ' && c !== '\t' && c !== '\n') || isLoneSurrogate(text, i - 1)) throw new NotInForm(l10n.t('a raw string cannot hold control characters'));
			out += c === '\n' ? eol : c;
		} else if (c === '\\') out += '\\\\';
		else if (c === form.quote[0]) out += `\\${c}`;
		else if (c === '\n') out += triple ? eol : '\\n';
		else if (c === '\r') out += '\\r';
		else if (isLoneSurrogate(text, i - 1)) out += `\\u${hex4(c.charCodeAt(0))}`;
		else if (c < ' ' && c !== '\t') out += `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
		else out += c;
	}
	// A raw triple-quoted string cannot escape a quote just before its closing quotes.
	if (form.raw && (!readsAs(out, form, text) || (triple && text.endsWith(form.quote[0])))) throw new NotInForm(l10n.t('a raw string cannot hold this text (a quote or a final backslash)'));
	return out;
}

function readsAs(inside: string, form: PyForm, text: string): boolean {
	try {
		return pyPieces(inside, form).map((p) => p.text).join('') === text;
	} catch (err) {
		if (err instanceof NotInForm) return false;
		throw err;
	}
}

/** The `{…}` expressions of decoded f-string text, as the pieces say (verbatim, in order). */
export function pyExpressions(pieces: readonly Piece[]): string[] {
	return pieces.filter((p) => p.raw.startsWith('{') && p.raw.length > 1 && p.raw === p.text).map((p) => p.raw);
}

/**
 * Warnings for a proposal to an f-string: a `{…}` expression of the original (code, kept as-is in the review) that
 * the proposal drops or changes; a new `{…}` is written as text (`{{…}}`), not code.
 */
export function fStringWarnings(expressions: readonly string[], original: string, improved: string): string[] {
	const count = (text: string, e: string): number => text.split(e).length - 1;
	const dropped = expressions.filter((e) => count(improved, e) < count(original, e));
	const known = new Set(expressions);
	const added = [...new Set(improved.match(/\{[^{}\n]*\}/g) ?? [])].filter((e) => !known.has(e) && ![...known].some((k) => k.includes(e)));
	const warnings: string[] = [];
	if (dropped.length) {
		warnings.push(l10n.t('The proposal drops or changes the code {0} of the f-string; Apply keeps the file valid, but check the prompt still says what it should.', dropped.join(', ')));
	}
	if (added.length) warnings.push(l10n.t('{0} is new in the proposal: it is written into the f-string as text (doubled braces), not as code.', added.join(', ')));
	return warnings;
}
