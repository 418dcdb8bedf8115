/**
 * Turns a DRF-style error body into readable lines:
 * `{"detail": "…"}`, `{"non_field_errors": ["…"]}`, `{"run_ids": ["…", "…"]}`, nested objects, or a bare list.
 */
export function errorBodyLines(body: unknown): string[] {
	if (typeof body === 'string') return body.trim() ? [body.trim()] : [];
	if (Array.isArray(body)) return body.flatMap((item) => errorBodyLines(item));
	if (body === null || typeof body !== 'object') return body === undefined || body === null ? [] : [String(body)];
	const lines: string[] = [];
	for (const [field, value] of Object.entries(body as Record<string, unknown>)) {
		const messages = errorBodyLines(value);
		if (field === 'detail' || field === 'non_field_errors' || field === 'message' || field === 'error') {
			lines.push(...messages);
		} else {
			lines.push(...messages.map((m) => `${field}: ${m}`));
		}
	}
	return lines;
}

/** Parses a response body as JSON when it is JSON; otherwise returns the text, shortened. */
export function parseBody(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text.length > 300 ? `${text.slice(0, 300)}…` : text;
	}
}
