import { fitToOriginal, type Eol } from './eol';

/**
 * How a prompt is written where it stands in the file. A prompt inside a JSON string, an indented YAML block or a
 * TypeScript template literal is sent to Cekura and reviewed as plain text, and written back in the file's form.
 */
export interface PromptEncoding {
	readonly kind: 'plain' | 'jsonString' | 'yamlBlock' | 'templateLiteral';
	/** For the log: "the inside of a JSON string". */
	readonly description: string;
	decode(raw: string): string;
	encode(text: string): string;
	/** The line break to use in decoded text that is about to be encoded. */
	lineBreak(documentEol: Eol): Eol;
}

export interface PromptPlace {
	languageId: string;
	/** The selected text, as it is in the file. */
	selected: string;
	/** The document's text before the selection. */
	before: string;
	/** The document's text after the selection. */
	after: string;
}

const PLAIN: PromptEncoding = {
	kind: 'plain',
	description: 'plain text',
	decode: (raw) => raw,
	encode: (text) => text,
	lineBreak: (eol) => eol,
};

export function detectEncoding(place: PromptPlace): PromptEncoding {
	const language = place.languageId.toLowerCase();
	if (language === 'json' || language === 'jsonc' || language === 'json5') return jsonString(place) ?? PLAIN;
	if (language === 'yaml' || language === 'dockercompose') return yamlBlock(place) ?? PLAIN;
	if (/^(typescript|javascript)(react)?$/.test(language)) return templateLiteral(place) ?? jsonString(place) ?? PLAIN;
	return PLAIN;
}

/** The inside of a double-quoted string (`"…\n…"`), or a whole string literal with its quotes. */
function jsonString({ selected, before, after }: PromptPlace): PromptEncoding | undefined {
	if (/[\r\n]/.test(selected)) return undefined;
	const withQuotes = selected.length >= 2 && selected.startsWith('"') && selected.endsWith('"');
	const inside = before.endsWith('"') && after.startsWith('"');
	if (!withQuotes && !inside) return undefined;
	const literal = withQuotes ? selected : `"${selected}"`;
	try {
		if (typeof JSON.parse(literal) !== 'string') return undefined;
	} catch {
		return undefined;
	}
	return {
		kind: 'jsonString',
		description: withQuotes ? 'a JSON string literal' : 'the inside of a JSON string',
		decode: (raw) => JSON.parse(withQuotes ? raw : `"${raw}"`) as string,
		encode: (text) => (withQuotes ? JSON.stringify(text) : JSON.stringify(text).slice(1, -1)),
		lineBreak: () => '\n',
	};
}

/** Whole lines of an indented YAML block scalar (`system_prompt: |`): the indentation is the block's, not the prompt's. */
function yamlBlock({ selected, before }: PromptPlace): PromptEncoding | undefined {
	const linePrefix = before.slice(before.lastIndexOf('\n') + 1);
	if (!/^[ \t]*$/.test(linePrefix)) return undefined;
	const lines = selected.split(/\r?\n/);
	const indents = lines
		.map((line, i) => (i === 0 ? linePrefix + line : line))
		.filter((line) => line.trim() !== '')
		.map((line) => /^[ \t]*/.exec(line)?.[0] ?? '');
	if (indents.length === 0) return undefined;
	const indent = indents.reduce((a, b) => commonPrefix(a, b));
	if (indent === '') return undefined;
	const firstLineIndent = indent.slice(linePrefix.length);
	return {
		kind: 'yamlBlock',
		description: `an indented YAML block (${indent.length} ${indent.startsWith('\t') ? 'tabs' : 'spaces'})`,
		decode: (raw) =>
			raw
				.split(/(\r?\n)/)
				.map((part, i) => (i % 2 === 1 ? part : i === 0 ? part.slice(Math.min(firstLineIndent.length, leading(part))) : part.slice(Math.min(indent.length, leading(part)))))
				.join(''),
		encode: (text) =>
			text
				.split(/(\r?\n)/)
				.map((part, i) => (i % 2 === 1 || part === '' ? part : i === 0 ? firstLineIndent + part : indent + part))
				.join(''),
		lineBreak: (eol) => eol,
	};
}

/** Inside a `…` template literal: backticks, `${` and backslashes are escaped in the file. */
function templateLiteral({ before }: PromptPlace): PromptEncoding | undefined {
	const backticks = before.match(/(?<!\\)(?:\\\\)*`/g)?.length ?? 0;
	if (backticks % 2 === 0) return undefined;
	return {
		kind: 'templateLiteral',
		description: 'a template literal',
		decode: (raw) => raw.replace(/\\([`\\$])/g, '$1'),
		encode: (text) => text.replace(/[`\\]|\$\{/g, (m) => `\\${m}`),
		lineBreak: (eol) => eol,
	};
}

function leading(line: string): number {
	return /^[ \t]*/.exec(line)?.[0].length ?? 0;
}

function commonPrefix(a: string, b: string): string {
	let i = 0;
	while (i < a.length && i < b.length && a[i] === b[i]) i++;
	return a.slice(0, i);
}

/** What replaces the prompt in the file: the reviewed text, fitted to where the original stood, in the file's form. */
export function textForFile(reviewed: string, decodedOriginal: string, encoding: PromptEncoding, documentEol: Eol): string {
	return encoding.encode(fitToOriginal(reviewed, decodedOriginal, encoding.lineBreak(documentEol)));
}
