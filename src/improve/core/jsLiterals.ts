import * as l10n from '@vscode/l10n';
import { hex4, isLoneSurrogate, NotInForm, type Piece } from './encodingPieces';
import { scanJsxElement, type JsxSpan } from './jsxElements';

/** A string or template literal in JavaScript or TypeScript source: `start`/`end` include the quotes. */
interface JsLiteral {
	quote: "'" | '"' | '`';
	start: number;
	end: number;
	/** A template literal right after an expression (`String.raw\`…\``): its tag decides what the text means. */
	tagged: boolean;
}

interface Found {
	literals: JsLiteral[];
	/** Present when the file may hold JSX. */
	jsx?: JsxSpan[];
}

/** Languages whose files may hold JSX (plain JavaScript may; in TypeScript, `<T>x` is a type assertion). */
export function mayHoldJsx(languageId: string): boolean {
	return /^(javascript|javascriptreact|typescriptreact)$/i.test(languageId);
}

const KEYWORDS_BEFORE_EXPRESSION = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);
const SPACE = /[\s\ufeff]/;
const WORD = /[\w$\u0080-\uffff]/;

/**
 * The string and template literals of a JavaScript or TypeScript file, found by a small scanner: comments,
 * strings, templates with nested `${…}`, and regular expression literals (told from division by the token before).
 * With `jsx`, JSX elements too (a `<` where a value may start): their text and quoted attribute values are JSX
 * spans, not literals, and their `{…}` are code. Throws NotInForm when a literal, comment or element does not end.
 */
export function scanJs(src: string, jsx: boolean): { literals: JsLiteral[]; jsx: JsxSpan[] } {
	const found: Found = { literals: [], jsx: jsx ? [] : undefined };
	const from = src.startsWith('#!') ? src.search(/[\n\r]/) : 0;
	scanCode(src, from < 0 ? src.length : from, false, found);
	return { literals: found.literals.sort((a, b) => a.start - b.start), jsx: found.jsx ?? [] };
}

/** Scans code from `i`; with `untilBrace`, up to the `}` that closes a `${`, and returns the index after it. */
function scanCode(src: string, i: number, untilBrace: boolean, found: Found): number {
	let depth = 0;
	// What the last significant token was: decides whether `/` starts a regular expression, and whether a template is tagged.
	let regexAllowed = true;
	let lastWasValue = false;
	while (i < src.length) {
		const c = src[i];
		if (SPACE.test(c)) {
			i++;
			continue;
		}
		if (c === '/' && src[i + 1] === '/') {
			const nl = src.slice(i).search(/[\n\r\u2028\u2029]/);
			i = nl < 0 ? src.length : i + nl;
			continue;
		}
		if (c === '/' && src[i + 1] === '*') {
			const close = src.indexOf('*/', i + 2);
			if (close < 0) throw new NotInForm(l10n.t('a comment does not end'));
			i = close + 2;
			continue;
		}
		if (c === '"' || c === "'") {
			let j = i + 1;
			for (;;) {
				if (j >= src.length || src[j] === '\n' || src[j] === '\r') throw new NotInForm(l10n.t('a string does not end on its line'));
				if (src[j] === '\\') j += src.startsWith('\r\n', j + 1) ? 3 : 2;
				else if (src[j] === c) break;
				else j++;
			}
			found.literals.push({ quote: c, start: i, end: j + 1, tagged: false });
			i = j + 1;
			regexAllowed = false;
			lastWasValue = true;
			continue;
		}
		if (c === '`') {
			const end = scanTemplateBody(src, i + 1, found);
			found.literals.push({ quote: '`', start: i, end, tagged: lastWasValue });
			i = end;
			regexAllowed = false;
			lastWasValue = true;
			continue;
		}
		const element = c === '<' && regexAllowed && found.jsx ? scanJsxElement(src, i, found.jsx, (j) => scanCode(src, j, true, found)) : undefined;
		if (element !== undefined) {
			i = element;
			regexAllowed = false;
			lastWasValue = true;
			continue;
		}
		if (c === '/' && regexAllowed) {
			let j = i + 1;
			let inClass = false;
			for (;;) {
				if (j >= src.length || src[j] === '\n' || src[j] === '\r') throw new NotInForm(l10n.t('a regular expression does not end on its line'));
				if (src[j] === '\\') j += 2;
				else if (src[j] === '/' && !inClass) break;
				else {
					if (src[j] === '[') inClass = true;
					else if (src[j] === ']') inClass = false;
					j++;
				}
			}
			i = j + 1;
			while (i < src.length && /[\w$]/.test(src[i])) i++;
			regexAllowed = false;
			lastWasValue = true;
			continue;
		}
		if (WORD.test(c)) {
			let j = i;
			while (j < src.length && WORD.test(src[j]) && !SPACE.test(src[j])) j++;
			const keyword = KEYWORDS_BEFORE_EXPRESSION.has(src.slice(i, j));
			regexAllowed = keyword;
			lastWasValue = !keyword;
			i = j;
			continue;
		}
		if (c === '{') depth++;
		if (c === '}') {
			if (depth === 0 && untilBrace) return i + 1;
			depth = Math.max(0, depth - 1);
		}
		// `)` and `]` end a value (division follows, a template after them is tagged); `}` usually ends a block.
		regexAllowed = !(c === ')' || c === ']' || c === '}');
		lastWasValue = c === ')' || c === ']';
		// `x++ / 2`: after `++` and `--` the previous state holds.
		if ((c === '+' || c === '-') && src[i + 1] === c) {
			regexAllowed = false;
			i += 2;
			continue;
		}
		i++;
	}
	if (untilBrace) throw new NotInForm(l10n.t('a `${…}` expression does not end'));
	return i;
}

/** Scans a template literal's body from just after its opening backtick; returns the index after the closing one. */
function scanTemplateBody(src: string, j: number, found: Found): number {
	for (;;) {
		if (j >= src.length) throw new NotInForm(l10n.t('a template literal does not end'));
		const c = src[j];
		if (c === '\\') j += src.startsWith('\r\n', j + 1) ? 3 : 2;
		else if (c === '`') return j + 1;
		else if (c === '$' && src[j + 1] === '{') j = scanCode(src, j + 2, true, found);
		else j++;
	}
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v' };

/**
 * The pieces of the inside of a literal (between its quotes), cooked as ECMAScript does. In a template literal,
 * a `${…}` expression is one piece whose text is its source, unchanged: it is code, not text. Throws NotInForm for
 * what has no single meaning (legacy octal escapes, `\8`, a malformed `\x` or `\u`).
 */
export function jsPieces(inside: string, quote: "'" | '"' | '`'): Piece[] {
	const pieces: Piece[] = [];
	let i = 0;
	while (i < inside.length) {
		const c = inside[i];
		if (c === '\\') {
			const e = inside[i + 1];
			if (e === undefined) throw new NotInForm(l10n.t('a backslash ends the text'));
			let raw = `\\${e}`;
			let text: string;
			if (e in SIMPLE_ESCAPES) text = SIMPLE_ESCAPES[e];
			else if (e === '\r') {
				raw = inside.startsWith('\r\n', i + 1) ? '\\\r\n' : '\\\r';
				text = '';
			} else if (e === '\n' || e === '\u2028' || e === '\u2029') text = '';
			else if (e === '0') {
				if (/[0-9]/.test(inside[i + 2] ?? '')) throw new NotInForm(l10n.t('an octal escape (\\0 followed by a digit)'));
				text = '\0';
			} else if (/[1-9]/.test(e)) throw new NotInForm(l10n.t('an octal escape ({0})', `\\${e}`));
			else if (e === 'x') {
				const m = /^[0-9a-fA-F]{2}/.exec(inside.slice(i + 2));
				if (!m) throw new NotInForm(l10n.t('a malformed \\x escape'));
				raw += m[0];
				text = String.fromCharCode(parseInt(m[0], 16));
			} else if (e === 'u') {
				const m = /^(?:[0-9a-fA-F]{4}|\{([0-9a-fA-F]{1,6})\})/.exec(inside.slice(i + 2));
				const code = m ? parseInt(m[1] ?? m[0], 16) : NaN;
				if (!m || code > 0x10ffff) throw new NotInForm(l10n.t('a malformed \\u escape'));
				raw += m[0];
				text = String.fromCodePoint(code);
			} else text = e;
			pieces.push({ raw, text });
			i += raw.length;
		} else if (quote === '`' && c === '$' && inside[i + 1] === '{') {
			const end = expressionEnd(inside, i + 2);
			const raw = inside.slice(i, end);
			pieces.push({ raw, text: raw });
			i = end;
		} else if (quote === '`' && c === '\r') {
			// A line break in a template's source is a line feed in its value, whatever the file's line endings.
			const raw = inside.startsWith('\r\n', i) ? '\r\n' : '\r';
			pieces.push({ raw, text: '\n' });
			i += raw.length;
		} else if (quote !== '`' && (c === '\n' || c === '\r' || c === quote)) {
			throw new NotInForm(l10n.t('a line break or quote that is not escaped'));
		} else if (quote === '`' && c === '`') {
			throw new NotInForm(l10n.t('a backtick that is not escaped'));
		} else {
			pieces.push({ raw: c, text: c });
			i++;
		}
	}
	return pieces;
}

/** Where the `${…}` expression whose inside starts at `from` ends (after its `}`), nested literals included. */
function expressionEnd(text: string, from: number): number {
	return scanCode(text, from, true, { literals: [] });
}

/**
 * Encodes decoded text for the inside of a literal. In a template literal, `${…}` is written as code only when it
 * is one of `expressions` (the original's, verbatim); any other `${` is text and is escaped. Line feeds become the
 * file's line breaks in a template, escapes in a string; lone surrogates and NUL are escaped everywhere.
 */
export function encodeJs(text: string, quote: "'" | '"' | '`', eol: '\n' | '\r\n', expressions: readonly string[] = [], escapeNewlines = false): string {
	let out = '';
	let i = 0;
	while (i < text.length) {
		const c = text[i];
		if (quote === '`' && c === '$' && text[i + 1] === '{') {
			const expression = expressions.filter((e) => text.startsWith(e, i)).sort((a, b) => b.length - a.length)[0];
			if (expression) {
				out += expression;
				i += expression.length;
				continue;
			}
			out += '\\$';
			i++;
			continue;
		}
		i++;
		if (c === '\\') out += '\\\\';
		else if (c === quote) out += `\\${c}`;
		else if (c === '\n') out += quote === '`' && !escapeNewlines ? eol : '\\n';
		else if (c === '\r') out += '\\r';
		else if (c === '\0') out += '\\x00';
		else if (quote !== '`' && (c === '\u2028' || c === '\u2029')) out += `\\u${hex4(c.charCodeAt(0))}`;
		else if (isLoneSurrogate(text, i - 1)) out += `\\u${hex4(c.charCodeAt(0))}`;
		else if (quote === '`' && c === '$' && i === text.length) out += '\\$';
		else if (quote === '`' && c === '{' && i === 1) out += '\\{';
		else if (c < ' ' && c !== '\t') out += `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
		else out += c;
	}
	return out;
}

/** The `${…}` expressions of decoded template text, as the pieces say (verbatim, in order). */
export function templateExpressions(pieces: readonly Piece[]): string[] {
	return pieces.filter((p) => p.raw.startsWith('${') && p.raw === p.text).map((p) => p.raw);
}

/**
 * Warnings for a proposal to a template literal: a `${…}` expression of the original (code, kept as-is in the
 * review) that the proposal drops or changes; a new `${…}` is written as text, not code.
 */
export function expressionWarnings(expressions: readonly string[], original: string, improved: string): string[] {
	const count = (text: string, e: string): number => text.split(e).length - 1;
	const dropped = expressions.filter((e) => count(improved, e) < count(original, e));
	const known = new Set(expressions);
	const added = [...new Set(improved.match(/\$\{[^{}\n]*\}/g) ?? [])].filter((e) => !known.has(e) && ![...known].some((k) => k.includes(e)));
	const warnings: string[] = [];
	if (dropped.length) {
		warnings.push(l10n.t('The proposal drops or changes the code {0} of the template literal; Apply keeps the file valid, but check the prompt still says what it should.', dropped.join(', ')));
	}
	if (added.length) warnings.push(l10n.t('{0} is new in the proposal: it is written into the template literal as text (escaped), not as code.', added.join(', ')));
	return warnings;
}
