import { matchSteps, type Steps } from './steps';

// A placeholder is a template variable that the agent platform fills in at call time. The model must keep each one.
// `${…}`: anything up to the closing brace; `{{ var }}`: identifier-like, optionally dotted; `{var}`: identifier-like
// only, so JSON such as `{"a": 1}` is not one; `<var>`: an identifier with an underscore or in capitals, so HTML-ish
// tags (`<b>`, `<div>`) and comparisons (`a < b`) are not placeholders.
const PLACEHOLDER = /\$\{[^{}\n]+\}|\{\{\s*[A-Za-z_][\w.-]*\s*\}\}|(?<!\{)\{[A-Za-z_][\w.]*\}(?!\})|<(?:[a-z][a-z0-9]*_[a-z0-9_]*|[A-Z][A-Z0-9]*_[A-Z0-9_]*|[A-Z]{2,}[A-Z0-9]*)>/g;

/** Every template placeholder in the text (`{{var}}`, `{var}`, `${…}`, `<var>`), in order of appearance, repeats included. */
export function placeholdersOf(text: string): string[] {
	return text.match(PLACEHOLDER) ?? [];
}

/** `placeholdersOf`, with pauses (see `steps.ts`). */
export function placeholderSteps(text: string): Steps<string[]> {
	return matchSteps(PLACEHOLDER, text);
}

/** The placeholders of `original` that `improved` no longer contains, each once, in order of first appearance. */
export function missingPlaceholders(original: string, improved: string): string[] {
	const kept = new Set(placeholdersOf(improved));
	const missing: string[] = [];
	for (const placeholder of placeholdersOf(original)) {
		if (!kept.has(placeholder) && !missing.includes(placeholder)) missing.push(placeholder);
	}
	return missing;
}
