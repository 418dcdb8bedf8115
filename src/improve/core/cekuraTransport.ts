import * as l10n from '@vscode/l10n';
import { CekuraError } from './cekuraError';
import { cekuraStatusError } from './cekuraStatusError';
import { BodyCharsetError, BodyCutError, BodyTooLargeError, formatBytes, MAX_RESPONSE_BYTES, readBodyText } from './httpBody';
import type { FetchLike, HttpResponse } from './httpTypes';
import type { Logger } from '../../core/logger';
import { networkFailure } from './networkFailure';
import { parseRetryAfter } from './retryAfter';
import { RetryPolicy, type RetryOptions } from './retryPolicy';
import { fetchSameOrigin, MAX_REDIRECTS, type RedirectRefusal } from './sameOriginRedirects';
import { redactAndShorten } from './shownText';

const API_KEY_HEADER = 'X-CEKURA-API-KEY';

/** A GET can be sent again after any of these. */
const RETRYABLE_GET_STATUSES = new Set([429, 502, 503, 504]);
/**
 * A POST only after these, which say the server did not process it: a 502 or 504 may come from a gateway whose
 * server went on to start the LLM job, and sending it again would start a second one.
 */
const RETRYABLE_POST_STATUSES = new Set([429, 503]);

export interface CekuraTransportOptions extends RetryOptions {
	/** Already checked by `checkBaseUrl`, without a trailing slash. */
	baseUrl: string;
	apiKey: string;
	fetch: FetchLike;
	/** A larger answer (after decompression) is refused; default `MAX_RESPONSE_BYTES`, 8 MiB. */
	maxResponseBytes?: number;
	userAgent?: string;
	log?: Logger;
}

/** One request to Cekura's API. */
interface CekuraRequest {
	/** For messages: "improve_prompt", "the run list". */
	name: string;
	method: 'GET' | 'POST';
	url: string;
	body?: string;
	timeoutMs: number;
}

/** Sends requests to Cekura's server with its key, and only there; every failure becomes a CekuraError that names it. */
export class CekuraTransport {
	readonly origin: string;
	private readonly retry: RetryPolicy;
	private readonly maxResponseBytes: number;

	constructor(private readonly options: CekuraTransportOptions) {
		this.origin = new URL(options.baseUrl).origin;
		this.retry = new RetryPolicy(options);
		this.maxResponseBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
	}

	/**
	 * Sends under one deadline (`op.timeoutMs`) for every attempt, redirect, retry and wait: retries 429 and 503
	 * (and 502/504 of a GET) while the wait fits before the deadline, then checks the status and parses the JSON body.
	 */
	async send(op: CekuraRequest, signal: AbortSignal): Promise<unknown> {
		if (signal.aborted) throw new CekuraError('cancelled', 'Cancelled.');
		const deadline = Date.now() + op.timeoutMs;
		const timeout = AbortSignal.timeout(op.timeoutMs);
		const combined = AbortSignal.any([signal, timeout]);
		const retryable = op.method === 'POST' ? RETRYABLE_POST_STATUSES : RETRYABLE_GET_STATUSES;
		let url = op.url;
		let retries = 0;
		try {
			for (let attempt = 0; ; attempt++) {
				const result = await this.attempt(op, combined);
				url = result.url;
				const { response, text } = result;
				const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
				// A wait longer than allowed, or past the deadline, is not waited for: the error says when to try again.
				const waitMs = this.retry.waitMs(response.status, retryable, retryAfter, attempt, deadline);
				if (waitMs !== undefined) {
					this.options.log?.warn(`${op.method} ${redactUrl(url)} answered ${response.status}; retry ${attempt + 1} of ${this.retry.maxRetries} in ${(waitMs / 1000).toFixed(1)} s`);
					await this.retry.sleep(waitMs, combined);
					retries++;
					continue;
				}
				if (response.status < 200 || response.status > 299) {
					throw cekuraStatusError(op.name, response.status, text, retryAfter, this.options.apiKey);
				}
				if (text.trim() === '') {
					throw new CekuraError('invalidResponse', l10n.t('Cekura answered {0} with an empty body (HTTP {1}). A proxy may be in the way, or cekura.apiBaseUrl points at the wrong server.', op.name, response.status), {
						status: response.status,
					});
				}
				try {
					return JSON.parse(text);
				} catch {
					const type = response.headers.get('content-type') ?? l10n.t('no content type');
					throw new CekuraError('invalidResponse', l10n.t('Cekura answered {0} with something that is not JSON ({1}). A proxy or a login page may be in the way, or cekura.apiBaseUrl points at the wrong server.', op.name, this.shown(type, 80)), {
						status: response.status,
					});
				}
			}
		} catch (err) {
			if (signal.aborted) throw err instanceof CekuraError && err.kind === 'cancelled' ? err : new CekuraError('cancelled', l10n.t('Cancelled.'), { cause: err });
			if (timeout.aborted && (!(err instanceof CekuraError) || err.kind === 'cancelled')) {
				const tries = retries ? ` ${l10n.t('({0} attempts)', retries + 1)}` : '';
				throw new CekuraError('timeout', l10n.t('Cekura did not answer {0} within {1} s{2}. Try again, or raise cekura.requestTimeoutSeconds.', op.name, Math.round(op.timeoutMs / 1000), tries), { cause: err });
			}
			if (err instanceof CekuraError) throw err;
			throw this.networkError(op, url, err);
		}
	}

	/** `redactAndShorten` with Cekura's key: what of a server's text goes into a message. */
	shown(text: string, max: number): string {
		return redactAndShorten(text, max, [this.options.apiKey]);
	}

	/**
	 * One request, following same-origin redirects only, under `signal` (the caller's and the deadline). A 2xx body
	 * is read whole up to the size cap; of an error answer, only the start. Errors other than CekuraErrors are the
	 * transport's, for `send` to name.
	 */
	private async attempt(op: CekuraRequest, signal: AbortSignal): Promise<{ response: HttpResponse; text: string; url: string }> {
		const started = Date.now();
		const { response, url, method } = await fetchSameOrigin(
			{ url: op.url, method: op.method, body: op.body },
			(request) => {
				const headers: Record<string, string> = {
					Accept: 'application/json',
					[API_KEY_HEADER]: this.options.apiKey,
					'User-Agent': this.options.userAgent ?? 'cekura-prompt-improver',
				};
				if (request.body !== undefined) headers['Content-Type'] = 'application/json';
				this.options.log?.debug(`${request.method} ${redactUrl(request.url)}`);
				return this.options.fetch(request.url, { method: request.method, headers, body: request.body, signal, redirect: 'manual' });
			},
			this.origin,
			[this.options.apiKey],
			(status, refusal) => this.redirectError(op, status, refusal),
		);
		const ok = response.status >= 200 && response.status <= 299;
		let text: string;
		try {
			const decoded = await readBodyText(response, ok, this.maxResponseBytes, signal);
			if (decoded.unknownCharset) this.options.log?.warn(`${method} ${redactUrl(url)}: unknown charset "${this.shown(decoded.unknownCharset, 40)}", read as UTF-8`);
			text = decoded.text;
		} catch (err) {
			throw this.bodyError(op, response.status, url, err);
		}
		this.options.log?.debug(`${method} ${redactUrl(url)} → ${response.status} in ${Date.now() - started} ms, ${text.length} characters`);
		return { response, text, url };
	}

	private redirectError(op: CekuraRequest, status: number, refusal: RedirectRefusal): CekuraError {
		const init = { status };
		switch (refusal.reason) {
			case 'noLocation':
				return new CekuraError('redirect', l10n.t('Cekura\'s server answered {0} with a redirect (HTTP {1}) but did not say where to (no Location header). Check cekura.apiBaseUrl.', op.name, status), init);
			case 'invalid':
				return new CekuraError('redirect', l10n.t('Cekura\'s server redirected {0} (HTTP {1}) to an address that is not a valid URL ("{2}"). It was not followed. Check cekura.apiBaseUrl.', op.name, status, refusal.location), init);
			case 'elsewhere':
				return new CekuraError('redirect', l10n.t('Cekura\'s server redirected {0} to {1}. The redirect was not followed, so your API key was not sent there. Check cekura.apiBaseUrl.', op.name, refusal.where), init);
			case 'loop':
				return new CekuraError('redirect', l10n.t('Cekura\'s server redirected {0} back to an address it had already redirected from (a redirect loop), on {1}; it was not followed further. Check cekura.apiBaseUrl.', op.name, this.origin), init);
			case 'tooMany':
				return new CekuraError('redirect', l10n.t('Cekura\'s server redirected {0} more than {1} times, on {2}; it was not followed further. Check cekura.apiBaseUrl.', op.name, MAX_REDIRECTS, this.origin), init);
		}
	}

	private bodyError(op: CekuraRequest, status: number, url: string, err: unknown): unknown {
		const init = { status, cause: err };
		if (err instanceof BodyTooLargeError) {
			return new CekuraError(
				'invalidResponse',
				l10n.t('Cekura\'s answer to {0} is larger than {1} (the most the extension reads), so it was not read to the end. Check cekura.apiBaseUrl; a proxy may be in the way.', op.name, formatBytes(err.limitBytes)),
				init,
			);
		}
		if (err instanceof BodyCharsetError) {
			return new CekuraError('invalidResponse', l10n.t('Cekura\'s answer to {0} is not valid {1} text (the character set it declares, or UTF-8), so it was not used.', op.name, err.charset), init);
		}
		if (err instanceof BodyCutError) {
			return new CekuraError(
				'network',
				l10n.t('The connection to Cekura at {0} broke while its answer to {1} was arriving ({2} bytes received), so the answer is incomplete. Try again.', new URL(url).host, op.name, err.receivedBytes),
				init,
			);
		}
		return err;
	}

	private networkError(op: CekuraRequest, url: string, err: unknown): CekuraError {
		const { host, code, codeText, reason } = networkFailure(err, url, [this.options.apiKey], true);
		const proxy = l10n.t('Check your connection, and VS Code\'s proxy settings (http.proxy) if you are behind a proxy.');
		if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/i.test(reason)) {
			return new CekuraError('network', `${l10n.t('The connection to Cekura at {0} broke before it answered {1}{2}: {3}. Try again.', host, op.name, codeText, reason)} ${proxy}`, { cause: err });
		}
		return new CekuraError('network', `${l10n.t('Could not reach Cekura at {0} for {1}{2}: {3}.', host, op.name, codeText, reason)} ${proxy}`, { cause: err });
	}
}

/** Query strings carry nothing secret, but keep logs short and free of accidental tokens. */
function redactUrl(url: string): string {
	return url.replace(/([?&](?:api_key|key|token)=)[^&]*/gi, '$1***');
}
