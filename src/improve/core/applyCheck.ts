import * as l10n from '@vscode/l10n';
import { joinText, NotInForm, type Piece } from './encodingPieces';
import { jsonStringAt } from './jsonStringAt';
import { jsPieces, mayHoldJsx, scanJs } from './jsLiterals';
import { languageFamily } from './promptEncoding';
import { pyLiteralAround } from './pythonEncoding';
import { pyPieces } from './pythonLiterals';
import { blockValue, decodeBlockLines, yamlBlock } from './yamlBlocks';
import { inSlices, toEnd, type SliceTiming, type Steps } from './steps';
import { yamlDoubleQuotedPieces, yamlScalarAt, yamlSingleQuotedPieces } from './yamlScalars';
import type { CheckResult } from '../../core/encodingTypes';

/**
 * The last line of defence before Apply edits a JSON, JSONC, YAML, JavaScript, TypeScript or Python file: parses the file
 * as it would be after the edit and reads the string at `where` (the range the edit writes) back. Ok when the file
 * parses and the text there decodes to exactly `expected` (a `${…}` expression of a template literal reads as its
 * source); otherwise the reason, for the user. Other languages are plain text: always ok.
 */
export function checkApplied(fileAfter: string, languageId: string, where: { start: number; end: number }, expected: string): CheckResult {
	return toEnd(checkAppliedSteps(fileAfter, languageId, where, expected));
}

/** `checkApplied` in slices with turns of the event loop between them (JSON is read in steps; other languages in one). */
export function checkAppliedInSlices(fileAfter: string, languageId: string, where: { start: number; end: number }, expected: string, timing?: SliceTiming): Promise<CheckResult> {
	return inSlices(checkAppliedSteps(fileAfter, languageId, where, expected), timing);
}

function* checkAppliedSteps(fileAfter: string, languageId: string, where: { start: number; end: number }, expected: string): Steps<CheckResult> {
	const family = languageFamily(languageId);
	try {
		let value: string;
		if (family === 'json') value = yield* jsonValueAt(fileAfter, where);
		else if (family === 'yaml') value = yamlValueAt(fileAfter, where);
		else if (family === 'js') value = jsValueAt(fileAfter, where, languageId);
		else if (family === 'python') value = pyValueAt(fileAfter, where);
		else return { ok: true };
		if (value !== expected) return { ok: false, reason: l10n.t('the file would hold a different text than the one reviewed') };
		return { ok: true };
	} catch (err) {
		if (err instanceof NotInForm) return { ok: false, reason: l10n.t('the file would not read back as reviewed: {0}', err.message) };
		throw err;
	}
}

/** The decoded text of `where` inside a literal whose inside spans [insideStart, insideEnd); the pieces before and after must decode too. */
function partOf(text: string, insideStart: number, insideEnd: number, where: { start: number; end: number }, pieces: (raw: string) => Piece[]): string {
	if (where.start < insideStart || where.end > insideEnd) throw new NotInForm(l10n.t('the edit is not inside one string'));
	joinText(pieces(text.slice(insideStart, where.start)));
	joinText(pieces(text.slice(where.end, insideEnd)));
	const all = joinText(pieces(text.slice(insideStart, insideEnd)));
	const part = joinText(pieces(text.slice(where.start, where.end)));
	const before = joinText(pieces(text.slice(insideStart, where.start)));
	const after = joinText(pieces(text.slice(where.end, insideEnd)));
	if (before + part + after !== all) throw new NotInForm(l10n.t('an escape joins the edit to its neighbours'));
	return part;
}

function* jsonValueAt(text: string, where: { start: number; end: number }): Steps<string> {
	const node = yield* jsonStringAt(text, where.start);
	if (node === 'invalid') throw new NotInForm(l10n.t('it would not be valid JSON'));
	if (!node || where.start < node.offset || where.end > node.offset + node.length) throw new NotInForm(l10n.t('the edit is not one JSON string'));
	const value = node.value;
	if (where.start === node.offset && where.end === node.offset + node.length) return value;
	yield;
	const part = partOf(text, node.offset + 1, node.offset + node.length - 1, where, jsonInsidePieces);
	yield;
	// The parser's value, not only ours, must hold the reviewed text there.
	const before = joinText(jsonInsidePieces(text.slice(node.offset + 1, where.start)));
	if (value.slice(before.length, before.length + part.length) !== part || JSON.parse(text.slice(node.offset, node.offset + node.length)) !== value) {
		throw new NotInForm(l10n.t('the JSON string reads differently'));
	}
	return part;
}

function jsonInsidePieces(inside: string): Piece[] {
	let value: string;
	try {
		value = JSON.parse(`"${inside}"`) as string;
	} catch {
		throw new NotInForm(l10n.t('an escape is cut'));
	}
	return [{ raw: inside, text: value }];
}

function yamlValueAt(text: string, where: { start: number; end: number }): string {
	const scalar = yamlScalarAt(text, where.start, where.end);
	if (!scalar || typeof scalar.value !== 'string') throw new NotInForm(l10n.t('the edit is not one YAML string'));
	const value = scalar.value;
	if (scalar.type === 'PLAIN' || scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE') {
		if (where.start === scalar.start && where.end === scalar.end) return value;
		if (scalar.type === 'PLAIN') throw new NotInForm(l10n.t('the edit is part of a plain YAML value'));
		const pieces = scalar.type === 'QUOTE_DOUBLE' ? yamlDoubleQuotedPieces : yamlSingleQuotedPieces;
		const part = partOf(text, scalar.start + 1, scalar.end - 1, where, pieces);
		const before = joinText(pieces(text.slice(scalar.start + 1, where.start)));
		const after = joinText(pieces(text.slice(where.end, scalar.end - 1)));
		if (before + part + after !== value) throw new NotInForm(l10n.t('the YAML string reads differently'));
		return part;
	}
	const block = yamlBlock(text, scalar);
	if (where.start < block.contentStart) throw new NotInForm(l10n.t('the edit starts before the YAML block\'s text'));
	const column = where.start - (text.lastIndexOf('\n', where.start - 1) + 1);
	const endColumn = where.end - (text.lastIndexOf('\n', where.end - 1) + 1);
	const before = joinText(decodeBlockLines(text.slice(block.contentStart, where.start), 0, block));
	const part = joinText(decodeBlockLines(text.slice(where.start, where.end), column, block));
	const after = joinText(decodeBlockLines(text.slice(where.end, scalar.end), endColumn, block));
	// The parser's value must be the block's lines as read here, the reviewed text among them; only the block's final
	// line breaks are its chomping's.
	if (blockValue(before + part + after, block.chomping) !== value || !value.startsWith(before + part.replace(/\n+$/, ''))) throw new NotInForm(l10n.t('the YAML block reads differently (its indentation or final line breaks)'));
	return part;
}

function jsValueAt(text: string, where: { start: number; end: number }, languageId: string): string {
	const scanned = scanJs(text, mayHoldJsx(languageId));
	if (scanned.jsx.some((s) => s.start < where.end && where.start < s.end)) throw new NotInForm(l10n.t('the edit is in JSX text or a JSX attribute, not in a string literal'));
	const literal = scanned.literals
		.filter((l) => l.start <= where.start && where.end <= l.end)
		.sort((a, b) => a.end - a.start - (b.end - b.start))[0];
	if (!literal) throw new NotInForm(l10n.t('the edit is not inside one string or template literal'));
	if (literal.tagged) throw new NotInForm(l10n.t('the template literal is tagged'));
	const pieces = (raw: string): Piece[] => jsPieces(raw, literal.quote);
	if (where.start === literal.start && where.end === literal.end) return joinText(pieces(text.slice(literal.start + 1, literal.end - 1)));
	return piecesPart(pieces(text.slice(literal.start + 1, literal.end - 1)), literal.start + 1, where);
}

/** The decoded text of `where` in a literal's inside (whose pieces start at `insideStart`): its edges must fall between pieces. */
function piecesPart(all: readonly Piece[], insideStart: number, where: { start: number; end: number }): string {
	// The edit must begin and end between pieces of the whole literal as the scanner reads it after the edit.
	let offset = insideStart;
	let part = '';
	let startSeen = where.start === insideStart;
	let endSeen = where.end === insideStart;
	for (const piece of all) {
		if (offset >= where.start && offset + piece.raw.length <= where.end) part += piece.text;
		else if (offset < where.end && offset + piece.raw.length > where.start) throw new NotInForm(l10n.t('an escape or `${…}` crosses the edge of the edit'));
		offset += piece.raw.length;
		if (offset === where.start) startSeen = true;
		if (offset === where.end) endSeen = true;
	}
	if (!startSeen || !endSeen) throw new NotInForm(l10n.t('an escape or `${…}` crosses the edge of the edit'));
	return part;
}

function pyValueAt(text: string, where: { start: number; end: number }): string {
	const literal = pyLiteralAround(text, where.start, where.end);
	const insideStart = literal.start + literal.prefix.length + literal.quote.length;
	const all = pyPieces(text.slice(insideStart, literal.end - literal.quote.length), literal);
	if ((where.start === literal.start || where.start === literal.start + literal.prefix.length) && where.end === literal.end) return joinText(all);
	return piecesPart(all, insideStart, where);
}
