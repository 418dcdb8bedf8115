import { redact } from '../../core/redact';

/** `text` cut to `max` characters, with "…". A server's text goes through `redactAndShorten` instead. */
function shorten(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * What of a server's text (an error body, a link, a redirect target, a content type, a transport's reason) goes into
 * a message or a log line: every secret taken out first, then cut to `max` characters. Cut first, a key across the
 * cut would no longer match and its start would show (`…EEEEck_live_7fQ2…`).
 */
export function redactAndShorten(text: string, max: number, secrets: readonly (string | undefined)[]): string {
	return shorten(redact(text, secrets), max);
}

/**
 * A part of a server's text (the origin or scheme of a link) for a message. The part may hold a piece of a key
 * that the whole held (a URL parser ends a host at a key's "/"), which no redaction recognises: when the whole
 * holds a secret, the whole is shown instead, redacted and shortened.
 */
export function redactedPart(whole: string, part: string, max: number, secrets: readonly (string | undefined)[]): string {
	const redacted = redact(whole, secrets);
	return redacted !== whole ? shorten(redacted, max) : redactAndShorten(part, max, secrets);
}
