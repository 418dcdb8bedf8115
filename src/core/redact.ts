export const REDACTED = '«redacted»';

/**
 * Replaces every occurrence of each secret (at least 4 characters long) with a marker, in any letter case and in
 * its URL-encoded forms (`%2B` or `%2b`, encoded once or twice, `+` for a space) or JSON `\u00XX` escapes, as a
 * server echoing a key back may write it. Also hides the value of any `X-CEKURA-API-KEY` header in the text.
 */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
	return redactSecrets(text, secrets).replace(/(x-cekura-api-key["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, `$1${REDACTED}`);
}

/** `redact` without the header rule: for text that may rightly name the header, such as a prompt. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
	let out = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) out = out.replace(secretPattern(secret), REDACTED);
	}
	return out;
}

const patterns = new Map<string, RegExp>();

/** A case-insensitive pattern matching `secret` with each character written as itself or escaped. */
function secretPattern(secret: string): RegExp {
	let pattern = patterns.get(secret);
	if (!pattern) {
		const source = [...secret].map((ch) => (/^[A-Za-z0-9_.~-]$/.test(ch) ? escapeRegExp(ch) : `(?:${forms(ch).join('|')})`)).join('');
		pattern = new RegExp(source, 'gi');
		if (patterns.size > 16) patterns.clear();
		patterns.set(secret, pattern);
	}
	pattern.lastIndex = 0;
	return pattern;
}

function forms(ch: string): string[] {
	const bytes = [...Buffer.from(ch, 'utf8')].map((b) => b.toString(16).padStart(2, '0'));
	const out = [escapeRegExp(ch), bytes.map((h) => `%${h}`).join(''), bytes.map((h) => `%25${h}`).join('')];
	if (ch === ' ') out.push('\\+');
	const code = ch.codePointAt(0) ?? 0;
	if (code < 0x10000) out.push(`\\\\u${code.toString(16).padStart(4, '0')}`);
	return out;
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
