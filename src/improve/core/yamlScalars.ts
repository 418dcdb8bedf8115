import * as l10n from '@vscode/l10n';
import type * as Yaml from 'yaml';
import { hex4, isLoneSurrogate, NotInForm, type Piece } from './encodingPieces';
import { sameKeyElsewhere, yamlRegion } from './yamlRegion';

let yamlModule: typeof Yaml | undefined;

/**
 * The `yaml` package, loaded when a YAML prompt is improved or applied. The extension's build keeps it in a file of
 * its own (dist/parsers/yaml.js, see esbuild.js), so it costs nothing until then.
 */
export function loadYaml(): typeof Yaml {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy require keeps the parser out of the extension's main bundle
	yamlModule ??= require('yaml') as typeof Yaml;
	return yamlModule;
}

export interface YamlScalar {
	type: 'BLOCK_LITERAL' | 'BLOCK_FOLDED' | 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';
	/** Where the scalar is written: from its first character (a quote, `|`) to the end of its value. */
	start: number;
	end: number;
	value: unknown;
	/** Inside a flow collection (`[a, b]`, `{k: v}`), where `,[]{}` end a plain value. */
	inFlow: boolean;
}

/**
 * Parses YAML with the real parser and hands each scalar to `onScalar`; throws NotInForm when it has errors.
 * The parser's own check for duplicate keys compares each key with every earlier key of its mapping (15 s for a flat
 * file of 5 MB); the same check is made here in linear time, so a duplicate key still refuses the file.
 * `yaml` is the file, or the part of `file` from `offset` on; offsets handed on are the file's.
 */
function visitScalars(yaml: string, onScalar: (scalar: YamlScalar) => void, file = yaml, offset = 0): Yaml.Document.Parsed[] {
	const Y = loadYaml();
	const docs = Y.parseAllDocuments(yaml, { uniqueKeys: false });
	for (const doc of docs) {
		if (doc.errors.length > 0) throw new NotInForm(l10n.t('the file is not valid YAML ({0})', doc.errors[0].message.split('\n')[0]));
		Y.visit(doc, {
			Map(_key, map) {
				assertUniqueKeys(file, map, offset);
			},
			Scalar(_key, node, path) {
				if (!node.range || !node.type) return;
				const inFlow = path.some((n) => Y.isCollection(n) && n.flow === true);
				onScalar({ type: node.type as YamlScalar['type'], start: node.range[0] + offset, end: node.range[1] + offset, value: node.value, inFlow });
			},
		});
	}
	return docs;
}

function duplicateKey(file: string, offset: number): NotInForm {
	const lineStart = file.lastIndexOf('\n', offset - 1) + 1;
	const line = file.slice(0, lineStart).split('\n').length;
	return new NotInForm(l10n.t('the file is not valid YAML ({0})', `Map keys must be unique at line ${line}, column ${offset - lineStart + 1}`));
}

/** As the parser's `uniqueKeys` check: scalar keys are equal when their values are; two empty keys are equal. */
function assertUniqueKeys(file: string, map: Yaml.YAMLMap, offset: number): void {
	const yaml = loadYaml();
	const seen = new Set<unknown>();
	let emptyKey = false;
	for (const { key } of map.items) {
		const empty = key === null || key === undefined;
		const duplicate = empty ? emptyKey : yaml.isScalar(key) && seen.has(key.value);
		if (duplicate) throw duplicateKey(file, offset + (yaml.isNode(key) && key.range ? key.range[0] : (map.range?.[0] ?? 0)));
		if (empty) emptyKey = true;
		else if (yaml.isScalar(key)) seen.add(key.value);
	}
}

function innermost(found: YamlScalar | undefined, s: YamlScalar, start: number, end: number): YamlScalar | undefined {
	return s.start <= start && end <= s.end && (!found || s.end - s.start < found.end - found.start) ? s : found;
}

/**
 * The scalar whose written form holds [start, end), the innermost if several. In a file that is one block mapping,
 * only the top-level entry holding it is parsed (see yamlRegion.ts), its key checked to be the only one of its
 * name in the file; else, or when that part alone does not parse, the whole file is.
 */
export function yamlScalarAt(text: string, start: number, end: number): YamlScalar | undefined {
	const region = yamlRegion(text, start, end);
	if (region && region.end - region.start < text.length) {
		let found: YamlScalar | undefined;
		let docs: Yaml.Document.Parsed[] | undefined;
		try {
			docs = visitScalars(text.slice(region.start, region.end), (s) => (found = innermost(found, s, start, end)), text, region.start);
		} catch {
			docs = undefined; // the whole file says why
		}
		const root = docs?.length === 1 ? docs[0].contents : undefined;
		const Y = loadYaml();
		if (Y.isMap(root) && !root.flow) {
			for (const { key } of root.items) {
				if (!Y.isScalar(key) || !key.range) return scalarInWholeFile(text, start, end);
				const elsewhere = sameKeyElsewhere(text, region, text.slice(region.start + key.range[0], region.start + key.range[1]), key.value);
				if (elsewhere !== undefined) throw duplicateKey(text, elsewhere);
			}
			return found;
		}
	}
	return scalarInWholeFile(text, start, end);
}

function scalarInWholeFile(text: string, start: number, end: number): YamlScalar | undefined {
	let found: YamlScalar | undefined;
	visitScalars(text, (s) => (found = innermost(found, s, start, end)));
	return found;
}

/** Characters YAML cannot hold unescaped (c-printable), and lone surrogates, which it cannot hold at all. */
// eslint-disable-next-line no-control-regex -- these are the characters looked for
export const NON_PRINTABLE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]/;

export function assertRepresentable(text: string): void {
	for (let i = 0; i < text.length; i++) if (isLoneSurrogate(text, i)) throw new NotInForm(l10n.t('the text has a lone UTF-16 surrogate, which YAML cannot hold'));
}

const DQ_ESCAPES: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029' };

/** Pieces of the inside of a one-line double-quoted scalar. */
export function yamlDoubleQuotedPieces(inside: string): Piece[] {
	const pieces: Piece[] = [];
	let i = 0;
	while (i < inside.length) {
		const c = inside[i];
		if (c === '\\') {
			const e = inside[i + 1] ?? '';
			if (e in DQ_ESCAPES) {
				pieces.push({ raw: `\\${e}`, text: DQ_ESCAPES[e] });
				i += 2;
				continue;
			}
			const len = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
			const digits = inside.slice(i + 2, i + 2 + len);
			if (len === 0 || !new RegExp(`^[0-9a-fA-F]{${len}}$`).test(digits)) throw new NotInForm(l10n.t('an escape YAML does not know'));
			const code = parseInt(digits, 16);
			if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new NotInForm(l10n.t('an escape of a surrogate or beyond Unicode'));
			pieces.push({ raw: inside.slice(i, i + 2 + len), text: String.fromCodePoint(code) });
			i += 2 + len;
		} else if (c === '"' || c === '\n' || c === '\r') {
			throw new NotInForm(l10n.t('a quote or line break that is not escaped'));
		} else {
			pieces.push({ raw: c, text: c });
			i++;
		}
	}
	return pieces;
}

export function encodeYamlDoubleQuoted(text: string): string {
	assertRepresentable(text);
	let out = '';
	for (const c of text) {
		if (c === '\\') out += '\\\\';
		else if (c === '"') out += '\\"';
		else if (c === '\n') out += '\\n';
		else if (c === '\t') out += '\\t';
		else if (c === '\r') out += '\\r';
		else if (c === '\u2028' || c === '\u2029' || c === '\ufeff' || NON_PRINTABLE.test(c)) out += `\\u${hex4(c.charCodeAt(0))}`;
		else out += c;
	}
	return out;
}

/** Pieces of the inside of a one-line single-quoted scalar: `''` is a quote. */
export function yamlSingleQuotedPieces(inside: string): Piece[] {
	const pieces: Piece[] = [];
	for (let i = 0; i < inside.length; i++) {
		const c = inside[i];
		if (c === "'") {
			if (inside[i + 1] !== "'") throw new NotInForm(l10n.t('a single quote that is not doubled'));
			pieces.push({ raw: "''", text: "'" });
			i++;
		} else if (c === '\n' || c === '\r') throw new NotInForm(l10n.t('a line break in a single-quoted scalar'));
		else pieces.push({ raw: c, text: c });
	}
	return pieces;
}

/** Single-quoted inside: only quotes are escaped; text that needs more (line breaks, control characters) cannot be written. */
export function encodeYamlSingleQuoted(text: string): string {
	assertRepresentable(text);
	if (/[\n\r\t\u2028\u2029\ufeff]/.test(text) || NON_PRINTABLE.test(text)) throw new NotInForm(l10n.t('a single-quoted YAML string on one line cannot hold line breaks, tabs or control characters'));
	return text.replace(/'/g, "''");
}

/**
 * Plain values a YAML 1.1 reader (PyYAML, and many tools built on it) takes for something other than a string:
 * booleans in any case (`No`, `on`, `y`), null, numbers and times (`1e3`, `0o17`, `1:20`, `.5`, `.inf`), dates
 * (`2026-01-01`), `=` and `<<`. They are written quoted, as is anything starting like a number.
 */
const NOT_A_STRING_IN_YAML_1_1 = /^(?:y|n|yes|no|on|off|true|false|null|~|=|<<)$|^[-+]?(?:[0-9]|\.[0-9_]|\.(?:inf|nan)$)/i;

/**
 * A scalar value written plain when every reader reads it back as that very string (YAML 1.2 and 1.1, in a block
 * or, `inFlow`, in a flow collection, where `,[]{}` end it), else double-quoted.
 */
export function encodeYamlScalar(text: string, inFlow = false): string {
	const plainable =
		/^[^\s'"`|>&*!%@#,[\]{}?:-][^\n\r\t]*$/.test(text) &&
		!/\s$|:\s|\s#|:$/.test(text) &&
		!NON_PRINTABLE.test(text) &&
		!/[\u2028\u2029\ufeff\x85]/.test(text) &&
		!NOT_A_STRING_IN_YAML_1_1.test(text) &&
		!(inFlow && /[,[\]{}]/.test(text));
	if (plainable) {
		try {
			const yaml = loadYaml();
			const block = yaml.parse(`k: ${text}\n`) as { k?: unknown } | null;
			const old = yaml.parse(`k: ${text}\n`, { version: '1.1' }) as { k?: unknown } | null;
			const flow = yaml.parse(`k: [${text}]\n`) as { k?: unknown[] } | null;
			if (block?.k === text && old?.k === text && (!inFlow || (flow?.k?.length === 1 && flow.k[0] === text))) return text;
		} catch {
			// quoted below
		}
	}
	return `"${encodeYamlDoubleQuoted(text)}"`;
}
