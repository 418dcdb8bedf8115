export type Eol = '\n' | '\r\n';

/**
 * Makes the improved text fit where the original stood: the document's line endings, and a trailing line break
 * only if the original selection had one (so applying a selection of whole lines neither glues nor splits lines).
 */
export function fitToOriginal(improved: string, original: string, eol: Eol): string {
	let text = improved.replace(/\r\n|\r|\n/g, eol);
	const originalEndsWithBreak = /\r?\n$/.test(original);
	const endsWithBreak = text.endsWith(eol);
	if (originalEndsWithBreak && !endsWithBreak) text += eol;
	if (!originalEndsWithBreak) {
		while (text.endsWith(eol)) text = text.slice(0, -eol.length);
	}
	return text;
}

/** Equal but for line endings and trailing white space: "no change" as a reader sees it. */
export function sameText(a: string, b: string): boolean {
	const norm = (t: string): string => t.replace(/\r\n?/g, '\n').trimEnd();
	return norm(a) === norm(b);
}
