import * as l10n from '@vscode/l10n';
import { NotInForm, type Piece } from './encodingPieces';
import { assertRepresentable, NON_PRINTABLE, type YamlScalar } from './yamlScalars';

/** Literal block scalars (`|`): their header, lines and value. */

interface YamlBlock {
	/** The header from `|` to the end of its line (line break excluded). */
	header: string;
	/** Whether the header has an indentation indicator. */
	explicitIndent: boolean;
	chomping: 'clip' | 'strip' | 'keep';
	/** Spaces of indentation of the content. */
	indent: number;
	/** Offset of the content's first line in the file. */
	contentStart: number;
}

/** Reads a literal block scalar (`|`) and checks that its lines, read as below, give the parser's value. */
export function yamlBlock(text: string, scalar: YamlScalar): YamlBlock {
	if (scalar.type === 'BLOCK_FOLDED') throw new NotInForm(l10n.t('a folded YAML block (>) joins its lines; only literal blocks (|) are supported'));
	const lineEnd = text.indexOf('\n', scalar.start);
	const headerEnd = lineEnd === -1 ? text.length : text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
	const header = text.slice(scalar.start, headerEnd);
	const m = /^\|(?:([1-9])([-+]?)|([-+])([1-9]?)|)[ \t]*(?:#.*)?$/.exec(header);
	if (!m) throw new NotInForm(l10n.t('a YAML block header that is not understood'));
	const chompChar = m[2] || m[3] || '';
	const chomping = chompChar === '-' ? 'strip' : chompChar === '+' ? 'keep' : 'clip';
	const explicitIndent = Boolean(m[1] || m[4]);
	const contentStart = text.startsWith('\r\n', headerEnd) ? headerEnd + 2 : headerEnd + 1;
	const content = text.slice(contentStart, scalar.end);
	for (let indent = 1; indent <= 40; indent++) {
		const block = { header, explicitIndent, chomping, indent, contentStart } as const;
		try {
			if (blockValue(decodeBlockLines(content, 0, block).map((p) => p.text).join(''), chomping) === scalar.value) return block;
		} catch {
			// another indentation
		}
	}
	throw new NotInForm(l10n.t('the YAML block does not read as expected'));
}

/**
 * The value of a block from its decoded lines, as the parser reads it: its final line breaks are its chomping's.
 * At the end of a file without a final line break, clip and keep still end the value with one.
 */
export function blockValue(text: string, chomping: YamlBlock['chomping']): string {
	if (chomping === 'keep') return text === '' || text.endsWith('\n') ? text : `${text}\n`;
	const body = text.replace(/\n+$/, '');
	return chomping === 'strip' || body === '' ? body : `${body}\n`;
}

/**
 * Pieces of the lines of a literal block from `column` of its first line: each line without the block's
 * indentation. Throws NotInForm where a line is less indented than the block (or indented with a tab).
 */
export function decodeBlockLines(raw: string, column: number, block: Pick<YamlBlock, 'indent'>): Piece[] {
	const pieces: Piece[] = [];
	const parts = raw.split(/(?<=\n)/);
	parts.forEach((line, index) => {
		const col = index === 0 ? column : 0;
		const body = line.replace(/\r?\n$/, '');
		const lineBreak = line.slice(body.length);
		const indentLeft = Math.max(0, block.indent - col);
		const lead = /^ */.exec(body)?.[0].length ?? 0;
		let text: string;
		if (/^ *$/.test(body) && lead <= indentLeft) text = '';
		else if (lead >= indentLeft) text = body.slice(indentLeft);
		else throw new NotInForm(l10n.t('a line of the YAML block is less indented than the block'));
		pieces.push({ raw: line, text: text + (lineBreak ? '\n' : '') });
	});
	return pieces;
}

/** Lines of text written in the block: indented, empty lines empty. `column`: where the first line starts. */
export function encodeBlockLines(text: string, column: number, block: Pick<YamlBlock, 'indent'>, eol: '\n' | '\r\n'): string {
	assertRepresentable(text);
	if (NON_PRINTABLE.test(text) || /[\r\ufeff]/.test(text)) throw new NotInForm(l10n.t('a YAML block cannot hold control characters such as NUL'));
	return text
		.split(/(?<=\n)/)
		.map((line, index) => {
			const body = line.replace(/\n$/, '');
			const lineBreak = line.endsWith('\n') ? eol : '';
			if (body === '') return lineBreak;
			return ' '.repeat(Math.max(0, block.indent - (index === 0 ? column : 0))) + body + lineBreak;
		})
		.join('');
}

/** Whether the parser, guessing the block's indentation from its first non-empty line, would guess `indent`. */
export function autoIndentHolds(content: string, indent: number): boolean {
	for (const line of content.split(/\r?\n/)) {
		const lead = /^ */.exec(line)?.[0].length ?? 0;
		if (/^ *$/.test(line)) {
			if (lead > indent) return false;
			continue;
		}
		return lead === indent;
	}
	return true;
}
