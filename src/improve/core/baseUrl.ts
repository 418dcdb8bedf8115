import * as l10n from '@vscode/l10n';
export type BaseUrlCheck = { ok: true; url: string } | { ok: false; message: string };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** 127.0.0.0/8, localhost and [::1]: the machine the extension runs on. */
export function isLoopbackHost(hostname: string): boolean {
	return LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * The API key travels to this URL, so only https is accepted, except for a server on this machine.
 * Returns the URL without a trailing slash. `settingName` is the setting that messages name.
 */
export function checkBaseUrl(raw: string, settingName = 'cekura.apiBaseUrl'): BaseUrlCheck {
	const trimmed = raw.trim();
	// URL parsing drops tabs and line breaks inside (`https://api.ceku\tra.ai` is api.cekura.ai): refuse them instead.
	// eslint-disable-next-line no-control-regex
	if (/[\s\u0000-\u001f\u007f]/.test(trimmed)) {
		return { ok: false, message: l10n.t('The setting {0} must not contain white space or control characters; it is {1}.', settingName, JSON.stringify(trimmed)) };
	}
	let url: URL;
	try {
		url = new URL(trimmed);
	} catch {
		return { ok: false, message: l10n.t('The setting {0} ("{1}") is not a valid URL.', settingName, trimmed) };
	}
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
		return {
			ok: false,
			message: l10n.t('The setting {0} must use https:// (plain http:// is allowed only for 127.0.0.1, localhost and [::1]); it is "{1}".', settingName, trimmed),
		};
	}
	// URL drops an empty query or fragment (`…/?`, `…/#`), so the raw text is checked too.
	if (url.username || url.password || url.search || url.hash || /[?#]/.test(trimmed)) {
		return { ok: false, message: l10n.t('The setting {0} must be a plain base URL without credentials, query or fragment; it is "{1}".', settingName, trimmed) };
	}
	return { ok: true, url: url.toString().replace(/\/+$/, '') };
}
