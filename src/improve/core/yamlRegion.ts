/**
 * The part of a large YAML file that a prompt's scalar can be read from alone: the top-level entry holding it.
 * Parsing a whole file of megabytes takes seconds; the prompt's entry is enough when the file is one block mapping
 * at column 0 (no directives, no `---` or `...`). Every line at column 0 there starts a key of the root mapping,
 * except comments, a sequence's `- ` entries, and the `?`/`:` of explicit keys, so the entry runs from its key's
 * line to the next such line.
 */

/** A line that starts a key of the root mapping: at column 0, not a comment, a `- ` entry, `?`, `:` or a flow indicator. */
const KEY_LINE = /^[^\s#\-?:,[\]{}&*!|>%@`]|^-[^\s]/;

function lineAt(text: string, offset: number): { start: number; end: number } {
	const start = text.lastIndexOf('\n', offset - 1) + 1;
	const next = text.indexOf('\n', offset);
	return { start, end: next === -1 ? text.length : next + 1 };
}

/** Where the top-level entry holding [start, end) is, or undefined when the file is not shaped for it. */
export function yamlRegion(text: string, start: number, end: number): { start: number; end: number } | undefined {
	if (/^(?:%|---|\.\.\.)/m.test(text)) return undefined;
	const first = /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*/.exec(text)?.[0].length ?? 0;
	if (!KEY_LINE.test(text.slice(first, first + 2))) return undefined;
	let line = lineAt(text, start);
	while (line.start > first && !KEY_LINE.test(text.slice(line.start, line.start + 2))) line = lineAt(text, line.start - 1);
	const regionStart = line.start;
	line = lineAt(text, Math.max(end - 1, regionStart));
	while (line.end < text.length) {
		line = lineAt(text, line.end);
		if (KEY_LINE.test(text.slice(line.start, line.start + 2))) return { start: regionStart, end: line.start };
	}
	return { start: regionStart, end: text.length };
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where else in the file a key of the root mapping is written as `raw` (its text in the file) or, for a string
 * `value`, plain, double- or single-quoted: the first offset outside the region, or undefined.
 */
export function sameKeyElsewhere(text: string, region: { start: number; end: number }, raw: string, value: unknown): number | undefined {
	const forms = new Set([raw]);
	if (typeof value === 'string') {
		forms.add(value);
		forms.add(JSON.stringify(value));
		forms.add(`'${value.replace(/'/g, "''")}'`);
	}
	const pattern = new RegExp(`^(?:${[...forms].map(escapeRegExp).join('|')})[ \\t]*:(?:[ \\t]|\\r?$)`, 'gm');
	for (const m of text.matchAll(pattern)) if (m.index < region.start || m.index >= region.end) return m.index;
	return undefined;
}
