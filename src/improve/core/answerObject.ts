import { isObject } from './jsonObject';

interface Candidate {
	/** Index after the closing brace, or undefined when the text ends inside the object. */
	end: number | undefined;
	/** The object's text with raw control characters inside strings escaped, as models sometimes leave them. */
	json: string;
}

const CONTROL_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Reads a JSON object starting at `start` (a `{`), aware of strings and escapes. */
export function scanObject(text: string, start: number): Candidate {
	let depth = 0;
	let inString = false;
	let escaped = false;
	let json = '';
	for (let i = start; i < text.length; i++) {
		const ch = text[i];
		if (inString) {
			if (escaped) escaped = false;
			else if (ch === '\\') escaped = true;
			else if (ch === '"') inString = false;
			else if (ch < ' ') {
				json += CONTROL_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
				continue;
			}
		} else if (ch === '"') {
			inString = true;
		} else if (ch === '{' || ch === '[') {
			depth++;
		} else if (ch === '}' || ch === ']') {
			depth--;
			if (depth === 0) return { end: i + 1, json: json + ch };
		}
		json += ch;
	}
	return { end: undefined, json };
}

/**
 * The last JSON object in a model's answer that has `key`, whether bare, in a ```json fence or after some reasoning;
 * `truncated` when the answer stops inside an object that names `key` (an earlier complete object, such as an
 * example, is then not returned).
 */
export function lastAnswerObject(text: string, key: string): { found: Record<string, unknown> | undefined; truncated: boolean } {
	// An object starts with `{` then a string key; this passes over `{{var}}`, `{var}` and braces in prose.
	const starts = /\{\s*"/g;
	const named = new RegExp(`"${key}"\\s*:`);
	let found: Record<string, unknown> | undefined;
	let truncated = false;
	for (let m = starts.exec(text); m; m = starts.exec(text)) {
		const candidate = scanObject(text, m.index);
		if (candidate.end === undefined) {
			if (named.test(candidate.json)) {
				truncated = true;
				found = undefined;
			}
			continue;
		}
		let value: unknown;
		try {
			value = JSON.parse(candidate.json);
		} catch {
			continue;
		}
		if (isObject(value) && Object.hasOwn(value, key)) {
			found = value;
			truncated = false;
		}
		starts.lastIndex = candidate.end;
	}
	return { found, truncated };
}

export function jsonType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'list';
	return typeof value;
}
