import { redactAndShorten } from './shownText';

/** A line of an error body longer than this is cut, with "…". */
const MAX_DETAIL_LINE_CHARS = 300;
/** At most this many lines of an error body are shown; the rest are counted. */
const MAX_DETAIL_LINES = 5;
const MAX_DEPTH = 20;

/**
 * Turns a DRF-style error body into readable lines:
 * `{"detail": "…"}`, `{"non_field_errors": ["…"]}`, `{"run_ids": ["…", "…"]}`, nested objects, or a bare list.
 * Lines are not shortened here: see `shortenLines`.
 */
export function errorBodyLines(body: unknown, depth = 0): string[] {
	if (typeof body === 'string') return body.trim() ? [body.trim()] : [];
	if (depth >= MAX_DEPTH) return ['…'];
	if (Array.isArray(body)) return body.flatMap((item) => errorBodyLines(item, depth + 1));
	if (body === null || typeof body !== 'object') return body === undefined || body === null ? [] : [String(body)];
	const lines: string[] = [];
	for (const [field, value] of Object.entries(body as Record<string, unknown>)) {
		const messages = errorBodyLines(value, depth + 1);
		if (field === 'detail' || field === 'non_field_errors' || field === 'message' || field === 'error') {
			lines.push(...messages);
		} else {
			lines.push(...messages.map((m) => `${field}: ${m}`));
		}
	}
	return lines;
}

/**
 * What of an error body fits in a notification: at most 5 lines of at most 300 characters, then "(and N more)",
 * with `secrets` taken out of each line before it is cut.
 */
export function shortenLines(lines: readonly string[], secrets: readonly (string | undefined)[]): string[] {
	const shown = lines.slice(0, MAX_DETAIL_LINES).map((line) => redactAndShorten(line.replace(/\s+/g, ' '), MAX_DETAIL_LINE_CHARS, secrets));
	if (lines.length > MAX_DETAIL_LINES) shown.push(`(and ${lines.length - MAX_DETAIL_LINES} more)`);
	return shown;
}

/**
 * Parses a response body as JSON when it is JSON; otherwise returns the text as it is (`shortenLines` cuts it, after
 * taking the keys out). A JSON object cut short (only the start of a long error answer is read) still gives its first
 * `detail`, `message` or `error` text.
 */
export function parseBody(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return salvage(text) ?? text;
	}
}

function salvage(text: string): string | undefined {
	if (!/^\s*\{/.test(text)) return undefined;
	const m = /"(?:detail|message|error|non_field_errors)"\s*:\s*(?:\[\s*|\{\s*"message"\s*:\s*)?"((?:[^"\\]|\\.)*)/.exec(text);
	if (!m) return undefined;
	try {
		return JSON.parse(`"${m[1].replace(/\\(u[0-9a-fA-F]{0,3})?$/, '')}"`) as string;
	} catch {
		return m[1];
	}
}
