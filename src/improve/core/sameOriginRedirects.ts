import * as l10n from '@vscode/l10n';
import type { HttpResponse } from './httpTypes';
import { redactAndShorten, redactedPart } from './shownText';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
export const MAX_REDIRECTS = 5;

/** Why a redirect was not followed, with the server's text already redacted and shortened; each client says it in its own words. */
export type RedirectRefusal =
	| { reason: 'noLocation' }
	| { reason: 'invalid'; location: string }
	| { reason: 'elsewhere'; where: string }
	| { reason: 'loop' }
	| { reason: 'tooMany' };

interface Request {
	url: string;
	method: 'GET' | 'POST';
	body: string | undefined;
}

/**
 * Sends `request` through `send` and follows redirects on `origin` only, so the key travels to no other server:
 * no loop, at most `MAX_REDIRECTS` hops. A redirect that is not followed rejects with `refuse(status, why)`.
 * Resolves with the answer, and the URL and method that got it (a 303 turns a POST into a GET).
 */
export async function fetchSameOrigin<R extends HttpResponse>(
	request: Request,
	send: (request: Request) => Promise<R>,
	origin: string,
	secrets: readonly (string | undefined)[],
	refuse: (status: number, refusal: RedirectRefusal) => Error,
): Promise<{ response: R; url: string; method: 'GET' | 'POST' }> {
	let { url, method, body } = request;
	const visited = new Set<string>([url]);
	for (let hops = 0; ; hops++) {
		const response = await send({ url, method, body });
		if (!REDIRECT_STATUSES.has(response.status)) return { response, url, method };
		const step = redirectTarget(response.headers.get('location'), url, origin, hops, visited, secrets);
		if (typeof step !== 'string') throw refuse(response.status, step);
		// 303 means "see the answer there": a GET. 301/302/307/308 repeat the request as it was (RFC 9110 §15.4).
		if (response.status === 303) {
			method = 'GET';
			body = undefined;
		}
		url = step;
		visited.add(url);
	}
}

/** Where a redirect leads, if it may be followed; otherwise why it is not. */
function redirectTarget(location: string | null, from: string, origin: string, hops: number, visited: ReadonlySet<string>, secrets: readonly (string | undefined)[]): string | RedirectRefusal {
	if (!location || location.trim() === '') return { reason: 'noLocation' };
	let target: URL;
	try {
		target = new URL(location, from);
	} catch {
		return { reason: 'invalid', location: redactAndShorten(location, 100, secrets) };
	}
	if (target.origin !== origin || (target.protocol !== 'http:' && target.protocol !== 'https:')) {
		const part = (text: string, max: number): string => redactedPart(location, text, max, secrets);
		return { reason: 'elsewhere', where: target.origin !== 'null' ? part(target.origin, 200) : l10n.t('a {0} address', part(target.protocol, 100)) };
	}
	const next = target.toString();
	if (visited.has(next)) return { reason: 'loop' };
	return hops >= MAX_REDIRECTS ? { reason: 'tooMany' } : next;
}
