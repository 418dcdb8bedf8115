export type BaseUrlCheck = { ok: true; url: string } | { ok: false; message: string };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
	return LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * The API key travels to this URL, so only https is accepted, except for a server on this machine.
 * Returns the URL without a trailing slash.
 */
export function checkBaseUrl(raw: string): BaseUrlCheck {
	const trimmed = raw.trim();
	let url: URL;
	try {
		url = new URL(trimmed);
	} catch {
		return { ok: false, message: `The setting cekura.apiBaseUrl ("${trimmed}") is not a valid URL.` };
	}
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
		return {
			ok: false,
			message: `The setting cekura.apiBaseUrl must use https:// (plain http:// is allowed only for 127.0.0.1, localhost and [::1]); it is "${trimmed}".`,
		};
	}
	if (url.username || url.password || url.search || url.hash) {
		return { ok: false, message: `The setting cekura.apiBaseUrl must be a plain base URL without credentials, query or fragment; it is "${trimmed}".` };
	}
	return { ok: true, url: url.toString().replace(/\/+$/, '') };
}
