import * as l10n from '@vscode/l10n';
import type { PromptPlace } from './promptPlace';
import { findNodeAtOffset, parseTree, type ParseError } from 'jsonc-parser/lib/esm/main.js'; // the ES module build: its UMD build require()s files a bundle does not hold
import { joinText, NotInForm, reencodeSteps, type Piece } from './encodingPieces';
import { toEnd, type Steps } from './steps';
import { literalEncoding, literalPart, span } from './literalForm';
import { pyEncoding } from './pythonEncoding';
import { unparsedRefusal } from './unparsedLanguages';
import type { Eol } from '../../core/eol';
import { encodeJs, jsPieces, mayHoldJsx, scanJs, templateExpressions } from './jsLiterals';
import { autoIndentHolds, decodeBlockLines, encodeBlockLines, yamlBlock } from './yamlBlocks';
import {
	encodeYamlDoubleQuoted,
	encodeYamlScalar,
	encodeYamlSingleQuoted,
	loadYaml,
	yamlDoubleQuotedPieces,
	yamlScalarAt,
	yamlSingleQuotedPieces,
	type YamlScalar,
} from './yamlScalars';
import type { Encoded, PromptEncoding } from '../../core/encodingTypes';

/** The detector cannot be sure how the selection is written: it says why, and nothing is treated as plain text. */
interface Refusal {
	readonly kind: 'refused';
	readonly reason: string;
}

export const PLAIN: PromptEncoding = {
	kind: 'plain',
	description: 'plain text',
	localizedDescription: () => l10n.t('plain text'),
	decode: (raw) => raw,
	encode: (text) => text,
	lineBreak: (eol) => eol,
};

type LanguageFamily = 'json' | 'yaml' | 'js' | 'python' | 'plain';

export function languageFamily(languageId: string): LanguageFamily {
	const language = languageId.toLowerCase();
	if (language === 'json' || language === 'jsonc' || language === 'json5' || language === 'jsonl') return 'json';
	if (language === 'yaml' || language === 'dockercompose' || language === 'github-actions-workflow') return 'yaml';
	if (/^(typescript|javascript)(react)?$/.test(language)) return 'js';
	if (language === 'python') return 'python';
	return 'plain';
}

/**
 * How the selection is written: recognised with a real parser (jsonc-parser for JSON, `yaml` for YAML, a scanner
 * of string and template literals for JavaScript and TypeScript, one of string literals for Python), or refused
 * with the reason. In other languages, plain text unless it may stand inside a string (`unparsedRefusal`).
 */
export function detectEncoding(place: PromptPlace): PromptEncoding | Refusal {
	const family = languageFamily(place.languageId);
	try {
		if (family === 'json') return jsonEncoding(place);
		if (family === 'yaml') return yamlEncoding(place);
		if (family === 'js') return jsEncoding(place);
		if (family === 'python') return pyEncoding(place);
		const reason = unparsedRefusal(place);
		return reason === undefined ? PLAIN : { kind: 'refused', reason };
	} catch (err) {
		if (err instanceof NotInForm) return { kind: 'refused', reason: err.message };
		throw err;
	}
}

export function isRefusal(detected: PromptEncoding | Refusal): detected is Refusal {
	return detected.kind === 'refused';
}

// ---- JSON ----

const JSON_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** The pieces of a JSON string's inside: each escape, and each run of characters between escapes as one piece. */
function jsonPieces(inside: string): Piece[] {
	const pieces: Piece[] = [];
	// eslint-disable-next-line no-control-regex -- control characters are what a JSON string may not hold raw
	const special = /[\\"\u0000-\u001f]/g;
	const escape = /\\(?:u[0-9a-fA-F]{4}|["\\/bfnrt])/y;
	let from = 0;
	for (let m = special.exec(inside); m; m = special.exec(inside)) {
		if (m.index > from) pieces.push({ raw: inside.slice(from, m.index), text: inside.slice(from, m.index) });
		escape.lastIndex = m.index;
		const e = escape.exec(inside);
		if (!e) throw new NotInForm(l10n.t('the JSON string has an invalid escape or character'));
		pieces.push({ raw: e[0], text: e[0].length === 6 ? String.fromCharCode(parseInt(e[0].slice(2), 16)) : JSON_ESCAPES[e[0][1]] });
		from = special.lastIndex = m.index + e[0].length;
	}
	if (from < inside.length) pieces.push({ raw: inside.slice(from), text: inside.slice(from) });
	return pieces;
}

/** `jsonPieces` with every character a piece of its own: a selection may start or end between any two. */
function jsonCharPieces(inside: string): Piece[] {
	return jsonPieces(inside).flatMap((p) => (p.raw.length > 1 && p.raw[0] !== '\\' ? p.raw.split('').map((c) => ({ raw: c, text: c })) : [p]));
}

const JSON_OPTIONS = { allowTrailingComma: true, disallowComments: false };

function jsonStringAt(text: string, start: number, end: number): { offset: number; length: number; value: string } {
	const errors: ParseError[] = [];
	const root = parseTree(text, errors, JSON_OPTIONS);
	if (!root || errors.length > 0) throw new NotInForm(l10n.t('the file is not valid JSON'));
	const node = findNodeAtOffset(root, start, true);
	if (!node || node.type !== 'string' || end > node.offset + node.length || start < node.offset) throw new NotInForm(l10n.t('the selection is not inside one JSON string'));
	return { offset: node.offset, length: node.length, value: node.value as string };
}

function jsonEncoding(place: PromptPlace): PromptEncoding {
	const { start, end, text } = span(place);
	const node = jsonStringAt(text, start, end);
	const { withQuotes } = literalPart(place, node.offset, node.offset + node.length, '"', jsonCharPieces);
	return literalEncoding({
		kind: 'jsonString',
		description: withQuotes ? 'a JSON string literal' : 'the inside of a JSON string',
		localizedDescription: () => (withQuotes ? l10n.t('a JSON string literal') : l10n.t('the inside of a JSON string')),
		open: withQuotes ? '"' : '',
		close: withQuotes ? '"' : '',
		pieces: jsonPieces,
		decodeInside: (inside) => {
			try {
				return JSON.parse(`"${inside}"`) as string;
			} catch {
				return joinText(jsonPieces(inside));
			}
		},
		encodeChunk: (chunk) => JSON.stringify(chunk).slice(1, -1),
		lineBreak: () => '\n',
	});
}

// ---- JavaScript and TypeScript ----

/** One whole message per variant, so a translator can order the words. */
function jsStringDescription(single: boolean, withQuotes: boolean): Pick<PromptEncoding, 'description' | 'localizedDescription'> {
	if (withQuotes) {
		return single
			? { description: 'a single-quoted string literal', localizedDescription: () => l10n.t('a single-quoted string literal') }
			: { description: 'a double-quoted string literal', localizedDescription: () => l10n.t('a double-quoted string literal') };
	}
	return single
		? { description: 'the inside of a single-quoted string', localizedDescription: () => l10n.t('the inside of a single-quoted string') }
		: { description: 'the inside of a double-quoted string', localizedDescription: () => l10n.t('the inside of a double-quoted string') };
}

function jsEncoding(place: PromptPlace): PromptEncoding {
	const { start, end, text } = span(place);
	const scanned = scanJs(text, mayHoldJsx(place.languageId));
	if (scanned.jsx.some((s) => s.start < end && start < s.end)) throw new NotInForm(l10n.t('the selection is JSX text or a JSX attribute, not a string literal'));
	const literal = scanned.literals
		.filter((l) => l.start <= start && end <= l.end)
		.sort((a, b) => a.end - a.start - (b.end - b.start))[0];
	if (!literal) throw new NotInForm(l10n.t('the selection is not inside one string or template literal'));
	if (literal.tagged) throw new NotInForm(l10n.t('the template literal is tagged (like String.raw`…`): its tag decides what the text means'));
	const quote = literal.quote;
	const pieces = (inside: string): Piece[] => jsPieces(inside, quote);
	const { withQuotes } = literalPart(place, literal.start, literal.end, quote, pieces);
	const insideAll = text.slice(literal.start + 1, literal.end - 1);
	if (quote !== '`') {
		return literalEncoding({
			kind: 'jsString',
			...jsStringDescription(quote === "'", withQuotes),
			open: withQuotes ? quote : '',
			close: withQuotes ? quote : '',
			pieces,
			encodeChunk: (chunk, _atStart, eol) => encodeJs(chunk, quote, eol),
			lineBreak: () => '\n',
		});
	}
	const all = pieces(insideAll);
	const escapedNewlines = all.some((p) => p.raw === '\\n') && !all.some((p) => /^\r?\n$|^\r$/.test(p.raw));
	const expressions = [...new Set(templateExpressions(all))];
	// `${name}` in the review is code; the same characters written as text (`\${name}`) would read the same: refuse.
	const decoded = joinText(all);
	const again = pieces(encodeJs(decoded, '`', '\n', expressions));
	if (joinText(again) !== decoded || templateExpressions(again).join('\0') !== templateExpressions(all).join('\0')) {
		throw new NotInForm(l10n.t('the template literal has `${` both as code and as text, which the review cannot tell apart'));
	}
	return literalEncoding({
		kind: 'templateLiteral',
		description: withQuotes ? 'a template literal' : 'the inside of a template literal',
		localizedDescription: () => (withQuotes ? l10n.t('a template literal') : l10n.t('the inside of a template literal')),
		open: withQuotes ? '`' : '',
		close: withQuotes ? '`' : '',
		pieces,
		// A template written with `\n` escapes on one line gets its new line breaks written the same way.
		encodeChunk: (chunk, _atStart, eol) => encodeJs(chunk, '`', eol, expressions, escapedNewlines),
		lineBreak: () => '\n',
		expressions,
	});
}

// ---- YAML ----

function yamlQuotedDescription(double: boolean, withQuotes: boolean): Pick<PromptEncoding, 'description' | 'localizedDescription'> {
	if (withQuotes) {
		return double
			? { description: 'a double-quoted YAML string', localizedDescription: () => l10n.t('a double-quoted YAML string') }
			: { description: 'a single-quoted YAML string', localizedDescription: () => l10n.t('a single-quoted YAML string') };
	}
	return double
		? { description: 'the inside of a double-quoted YAML string', localizedDescription: () => l10n.t('the inside of a double-quoted YAML string') }
		: { description: 'the inside of a single-quoted YAML string', localizedDescription: () => l10n.t('the inside of a single-quoted YAML string') };
}

function yamlEncoding(place: PromptPlace): PromptEncoding {
	const { start, end, text } = span(place);
	const scalar = yamlScalarAt(text, start, end);
	if (!scalar || typeof scalar.value !== 'string') throw new NotInForm(l10n.t('the selection is not inside one YAML string'));
	if (scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE') {
		const raw = text.slice(scalar.start, scalar.end);
		if (/[\r\n]/.test(raw)) throw new NotInForm(l10n.t('a quoted YAML string over several lines folds its lines; only one-line quoted strings are supported'));
		const double = scalar.type === 'QUOTE_DOUBLE';
		const q = double ? '"' : "'";
		const pieces = double ? yamlDoubleQuotedPieces : yamlSingleQuotedPieces;
		const { withQuotes } = literalPart(place, scalar.start, scalar.end, q, pieces);
		const encoding = literalEncoding({
			kind: double ? 'yamlDoubleQuoted' : 'yamlSingleQuoted',
			...yamlQuotedDescription(double, withQuotes),
			open: withQuotes ? q : '',
			close: withQuotes ? q : '',
			pieces,
			encodeChunk: (chunk) => (double ? encodeYamlDoubleQuoted(chunk) : encodeYamlSingleQuoted(chunk)),
			lineBreak: () => '\n',
		});
		if (double || !withQuotes) return encoding;
		// A whole single-quoted string that needs escapes becomes double-quoted.
		return {
			...encoding,
			decode: (raw) => (raw.startsWith('"') ? joinText(yamlDoubleQuotedPieces(raw.slice(1, -1))) : encoding.decode(raw)),
			encode: (t, eol, originalRaw) => {
				try {
					return encoding.encode(t, eol, originalRaw);
				} catch {
					return `"${encodeYamlDoubleQuoted(t)}"`;
				}
			},
			encodeSteps: function* (t, eol, originalRaw) {
				try {
					return yield* encoding.encodeSteps!(t, eol, originalRaw);
				} catch {
					return { raw: `"${encodeYamlDoubleQuoted(t)}"`, exact: false };
				}
			},
		};
	}
	if (scalar.type === 'PLAIN') {
		if (start !== scalar.start || end !== scalar.end) throw new NotInForm(l10n.t('only a whole plain YAML value can be improved (select all of it)'));
		if (/[\r\n]/.test(place.selected)) throw new NotInForm(l10n.t('a plain YAML value over several lines folds its lines'));
		const original = scalar.value;
		return {
			kind: 'yamlPlain',
			description: 'a plain YAML value',
			localizedDescription: () => l10n.t('a plain YAML value'),
			decode: (raw) => (raw === place.selected ? original : (loadYaml().parse(`k: ${raw}`) as { k: string }).k),
			encode: (t, _eol, originalRaw) => (t === original && originalRaw === place.selected ? originalRaw : encodeYamlScalar(t, scalar.inFlow)),
			lineBreak: () => '\n',
		};
	}
	return yamlBlockEncoding(place, scalar, { start, end, text });
}

/** `at`: the selection in the whole file, as yamlEncoding joined it (joining a large file again costs a copy of it). */
function yamlBlockEncoding(place: PromptPlace, scalar: YamlScalar, at: ReturnType<typeof span>): PromptEncoding {
	const { start, end, text } = at;
	const block = yamlBlock(text, scalar);
	if (start < block.contentStart) throw new NotInForm(l10n.t('the selection starts before the YAML block\'s text'));
	const lineStart = text.lastIndexOf('\n', start - 1) + 1;
	const column = start - lineStart;
	const contentBefore = text.slice(block.contentStart, start);
	const contentAfter = text.slice(end, scalar.end);
	const afterIsBlank = /^[ \r\n]*$/.test(contentAfter);
	// The header may need an indentation indicator once the text's first line starts with a space. Which digit reads
	// back is found by parsing the file with each digit in turn, so only when one is needed.
	let header: PromptEncoding['header'];
	if (!block.explicitIndent) {
		const between = text.slice(scalar.start, start);
		let digit: number | undefined;
		header = {
			original: between,
			get withIndicator(): string {
				digit ??= indentationIndicator(text, scalar, start, end, block.indent);
				return `|${digit}${between.slice(1)}`;
			},
			needed: (encoded) => !autoIndentHolds(contentBefore + encoded + contentAfter, block.indent),
		};
	}
	const decodeRaw = (raw: string): string => joinText(decodeBlockLines(raw, column, block));
	function* encodeSteps(t: string, eol: Eol, originalRaw: string): Steps<Encoded> {
		const pieces = decodeBlockLines(originalRaw, column, block);
		yield;
		return yield* reencodeSteps(pieces, t, (chunk, atStart) => encodeBlockLines(chunk, atStart ? column : 0, block, eol), decodeRaw);
	}
	return {
		kind: 'yamlBlock',
		description: `the lines of a YAML block (${block.indent} spaces)`,
		localizedDescription: () => l10n.t('the lines of a YAML block ({0} spaces)', block.indent),
		decode: decodeRaw,
		encode: (t, eol, originalRaw) => toEnd(encodeSteps(t, eol, originalRaw)).raw,
		encodeSteps,
		lineBreak: () => '\n',
		header,
		fit: (t) => {
			// The block's final line breaks are its chomping's: the reviewed text keeps the original's.
			if (!afterIsBlank || block.chomping === 'keep') return t;
			const originalBreaks = /\n*$/.exec(decodeRaw(place.selected))?.[0] ?? '';
			return t.replace(/\n*$/, originalBreaks);
		},
	};
}

/** The indentation indicator with which the block at `scalar` still reads as it does; NotInForm when none does. */
function indentationIndicator(text: string, scalar: YamlScalar, start: number, end: number, indent: number): number {
	const lineIndent = /^ */.exec(text.slice(text.lastIndexOf('\n', scalar.start - 1) + 1))?.[0].length ?? 0;
	const candidates = [indent - lineIndent, ...Array.from({ length: 9 }, (_, k) => k + 1)].filter((d) => d >= 1 && d <= 9);
	const digit = candidates.find((d) => {
		try {
			const probe = text.slice(0, scalar.start) + `|${d}` + text.slice(scalar.start + 1);
			return yamlScalarAt(probe, start + 1, end + 1)?.value === scalar.value;
		} catch {
			return false;
		}
	});
	if (digit === undefined) throw new NotInForm(l10n.t('the YAML block does not read as expected'));
	return digit;
}
