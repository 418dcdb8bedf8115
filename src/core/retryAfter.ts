/** Reads a Retry-After header (delta-seconds or HTTP-date) as whole seconds from `now`. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
	if (!value) return undefined;
	const trimmed = value.trim();
	if (/^\d+$/.test(trimmed)) return Number(trimmed);
	const date = Date.parse(trimmed);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, Math.ceil((date - now) / 1000));
}
