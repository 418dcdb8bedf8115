/** Replaces every occurrence of each secret (at least 4 characters long) with a marker. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
	let out = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) out = out.split(secret).join('«redacted»');
	}
	return out.replace(/(x-cekura-api-key["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, '$1«redacted»');
}
