/**
 * Prompt files (`.prompt.md`, `.prompty`, Markdown) may start with YAML front matter: `---` on the first line, the
 * metadata, and `---` (or YAML's `...`) closing it. The front matter describes the prompt (model, inputs, tools)
 * and is not part of it, so improving the whole document starts after it.
 */

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;

/** Whether a document of this language and file name is a prompt file whose front matter is left alone. */
export function mayHaveFrontMatter(languageId: string, fileName: string): boolean {
	const name = fileName.toLowerCase();
	if (name.endsWith('.prompty') || name.endsWith('.prompt.md') || name.endsWith('.md') || name.endsWith('.markdown')) return true;
	// VS Code's own language for `.prompt.md` files, Markdown, and the Prompty extension's language.
	return ['markdown', 'prompt', 'instructions', 'chatmode', 'prompty'].includes(languageId.toLowerCase());
}

/**
 * Where the prompt starts in `text`: after the front matter and the blank lines that follow it, or 0 when the
 * text has no (closed) front matter.
 */
export function frontMatterEnd(text: string): number {
	const opening = OPENING.exec(text);
	if (!opening) return 0;
	const closingLine = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/gm;
	closingLine.lastIndex = opening[0].length;
	const closing = closingLine.exec(text);
	if (!closing) return 0;
	const end = closing.index + closing[0].length;
	// Blank lines between the front matter and the prompt belong to neither.
	return end + (/^(?:[ \t]*\r?\n)*/.exec(text.slice(end))?.[0].length ?? 0);
}
