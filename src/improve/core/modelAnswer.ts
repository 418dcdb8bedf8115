import * as l10n from '@vscode/l10n';
import { ModelError } from './modelError';

interface ModelAnswer {
	improved_prompt: string;
	summary_of_changes: string;
}

interface Candidate {
	start: number;
	/** Index after the closing brace, or undefined when the text ends inside the object. */
	end: number | undefined;
	/** The object's text with raw control characters inside strings escaped, as models sometimes leave them. */
	json: string;
}

const CONTROL_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Reads a JSON object starting at `start` (a `{`), aware of strings and escapes. */
function scanObject(text: string, start: number): Candidate {
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
			if (depth === 0) return { start, end: i + 1, json: json + ch };
		}
		json += ch;
	}
	return { start, end: undefined, json };
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads the model's answer: one JSON object `{"improved_prompt", "summary_of_changes"}`, bare, in a ```json fence,
 * or after some reasoning (the last such object wins). Throws `ModelError('invalidResponse')` for anything else and
 * `ModelError('truncated')` when the answer stops inside the object. Messages never quote the answer.
 */
export function parseModelAnswer(text: string): ModelAnswer {
	if (text.trim() === '') throw new ModelError('invalidResponse', l10n.t('The model returned an empty answer. Try again, or choose another model.'));
	// An object starts with `{` then a string key; this passes over `{{var}}`, `{var}` and braces in prose.
	const starts = /\{\s*"/g;
	let found: Record<string, unknown> | undefined;
	let truncated = false;
	for (let m = starts.exec(text); m; m = starts.exec(text)) {
		const candidate = scanObject(text, m.index);
		if (candidate.end === undefined) {
			// An answer cut off after an earlier, complete example object must not return the example.
			if (/"improved_prompt"\s*:/.test(candidate.json)) {
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
		if (isObject(value) && Object.hasOwn(value, 'improved_prompt')) {
			found = value;
			truncated = false;
		}
		starts.lastIndex = candidate.end;
	}
	if (!found) {
		if (truncated) {
			throw new ModelError('truncated', l10n.t('The model\'s answer stops in the middle of its JSON object (it was cut off). Try again, use fewer runs, or choose a model with a larger output limit.'));
		}
		throw new ModelError('invalidResponse', l10n.t('The model did not answer with a JSON object holding improved_prompt and summary_of_changes (it may have declined the task; Show Log has its answer). Try again, or choose a more capable model.'));
	}
	if (typeof found.improved_prompt !== 'string' || found.improved_prompt.trim() === '') {
		throw new ModelError('invalidResponse', typeof found.improved_prompt === 'string'
			? l10n.t('The model\'s answer has an empty improved_prompt. Try again, or choose another model.')
			: l10n.t('The model\'s answer has a non-text ({0}) improved_prompt. Try again, or choose another model.', jsonType(found.improved_prompt)));
	}
	if (typeof found.summary_of_changes !== 'string') {
		throw new ModelError('invalidResponse', found.summary_of_changes === undefined
			? l10n.t('The model\'s answer has no summary_of_changes. Try again, or choose another model.')
			: l10n.t('The model\'s answer has a non-text ({0}) summary_of_changes. Try again, or choose another model.', jsonType(found.summary_of_changes)));
	}
	return { improved_prompt: found.improved_prompt, summary_of_changes: found.summary_of_changes };
}

function jsonType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'list';
	return typeof value;
}
