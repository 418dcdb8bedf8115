import * as l10n from '@vscode/l10n';
import type { PromptPlace } from './promptPlace';

/** Languages that are prose: a selection in them is the text itself, wherever it starts. */
const PROSE_LANGUAGES = new Set(['plaintext', 'markdown', 'mdx', 'prompt', 'prompty', 'instructions', 'chatmode', 'chatagent', 'restructuredtext', 'asciidoc', 'log']);
/** What a plain-text document's name may end with and still be prose (VS Code opens `.toml` or `.env` as plain text without an extension for them). */
const PROSE_EXTENSIONS = new Set(['', 'txt', 'text', 'md', 'markdown', 'mdx', 'prompt', 'prompty', 'rst']);

function extensionOf(fileName: string): string {
	const name = fileName.split(/[\\/]/).pop() ?? '';
	const dot = name.lastIndexOf('.');
	return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function isProse(place: PromptPlace): boolean {
	const language = place.languageId.toLowerCase();
	if (!PROSE_LANGUAGES.has(language)) return false;
	return language !== 'plaintext' || place.fileName === undefined || PROSE_EXTENSIONS.has(extensionOf(place.fileName));
}

/** How a message names the file's language: its language, or for plain text its extension (`.toml`). */
function languageName(place: PromptPlace): string {
	return place.languageId.toLowerCase() === 'plaintext' && place.fileName !== undefined ? `.${extensionOf(place.fileName)}` : place.languageId;
}

/** Languages with heredocs (elsewhere `<<` is a shift: Go's `1<<iota`). */
const HEREDOC_LANGUAGES = /^(ruby|php|shellscript|perl|raku|dockerfile|hcl|terraform|makefile)$/i;

const count = (text: string, what: string): number => text.split(what).length - 1;

/** A heredoc (`<<~EOS`, `<<<EOT`) opened before the selection whose closing line has not come yet. */
function openHeredoc(before: string): boolean {
	for (const m of before.matchAll(/<<(?:<\s*|[-~]?)(["']?)([A-Za-z_]\w*)\1/g)) {
		const rest = before.slice((m.index ?? 0) + m[0].length);
		if (!new RegExp(`(?:\\n|\\r)[ \\t]*${m[2]}\\b`).test(rest)) return true;
	}
	return false;
}

/**
 * For a file in a language the extension does not parse (TOML, Go, `.env`, Ruby, PHP…): the reason to refuse a
 * selection that may be inside a string, where the text would need that language's escapes. A selection is taken
 * as plain text only when it is whole lines (nothing but indentation beside it) and no multi-line string or
 * heredoc opened above it is still open (an odd number of `"""`, `'''` or backticks). Prose (plain text, Markdown)
 * is always plain text.
 */
export function unparsedRefusal(place: PromptPlace): string | undefined {
	if (isProse(place)) return undefined;
	const lineBefore = place.before.slice(Math.max(place.before.lastIndexOf('\n'), place.before.lastIndexOf('\r')) + 1);
	const lineAfter = /[\r\n]$/.test(place.selected) ? '' : (/^[^\r\n]*/.exec(place.after)?.[0] ?? '');
	if (lineBefore.trim() !== '' || lineAfter.trim() !== '') {
		return l10n.t('the selection shares its line with code or quotes, and Cekura does not parse {0} files', languageName(place));
	}
	if (['"""', "'''", '`'].some((q) => count(place.before, q) % 2 === 1) || (HEREDOC_LANGUAGES.test(place.languageId) && openHeredoc(place.before))) {
		return l10n.t('the selection may be inside a multi-line string, and Cekura does not parse {0} files', languageName(place));
	}
	return undefined;
}
