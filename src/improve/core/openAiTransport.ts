import * as l10n from '@vscode/l10n';
import { BodyCharsetError, BodyCutError, BodyTooLargeError, MAX_RESPONSE_BYTES, readBodyText } from './httpBody';
import type { HttpResponse, StreamingFetchLike } from './httpTypes';
import { ModelError } from './modelError';
import { notText, tooLong } from './modelServerErrors';
import { SETTING_BASE_URL } from './modelServerSettings';
import { networkFailure } from './networkFailure';
import { parseRetryAfter } from './retryAfter';
import { RetryPolicy, type RetryOptions } from './retryPolicy';
import { fetchSameOrigin, MAX_REDIRECTS, type RedirectRefusal } from './sameOriginRedirects';
import { redactAndShorten } from './shownText';

export interface OpenAiTransportOptions extends RetryOptions {
	/** Already checked by `checkBaseUrl`, without a trailing slash, e.g. 'http://127.0.0.1:11434/v1'. */
	baseUrl: string;
	/** Sent as a Bearer token when set and not empty; local servers need none. */
	apiKey?: string;
	fetch: StreamingFetchLike;
	/** One deadline for the whole call: retries, waits and the streamed answer. */
	timeoutMs: number;
	userAgent?: string;
	log?: { debug(m: string): void; info(m: string): void; warn(m: string): void; error(m: string): void };
	/** A larger answer (after decompression) is refused; default `MAX_RESPONSE_BYTES`, 8 MiB. */
	maxResponseBytes?: number;
}

/** One request to the model server. */
export interface ModelServerRequest {
	url: string;
	accept: string;
	/** JSON, sent with POST; a GET without it. */
	body?: string;
	/** What an answer that is not 2xx means for this request. */
	statusError(status: number, text: string, retryAfterSeconds: number | undefined): ModelError;
}

type StreamingResponse = HttpResponse & { body: AsyncIterable<Uint8Array | string> | null };

/** 429 and 503 say the request was not processed, so sending it again is safe. */
const RETRYABLE_STATUSES = new Set([429, 503]);

/** Sends requests to an OpenAI-compatible server with its key, and only there; every failure becomes a ModelError. */
export class OpenAiTransport {
	readonly origin: string;
	readonly maxResponseBytes: number;
	private readonly retry: RetryPolicy;

	constructor(private readonly options: OpenAiTransportOptions) {
		this.origin = new URL(options.baseUrl).origin;
		this.retry = new RetryPolicy(options);
		this.maxResponseBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
	}

	/** Sends with retries of 429/503 under one deadline, then hands a 2xx answer to `read`. */
	async call<T>(request: ModelServerRequest, signal: AbortSignal, read: (response: StreamingResponse, started: number, combined: AbortSignal) => Promise<T>): Promise<T> {
		if (signal.aborted) throw cancelled();
		const timeout = AbortSignal.timeout(this.options.timeoutMs);
		const combined = AbortSignal.any([signal, timeout]);
		const deadline = Date.now() + this.options.timeoutMs;
		let url = request.url;
		try {
			for (let attempt = 0; ; attempt++) {
				const started = Date.now();
				const opened = await this.open(request, combined);
				url = opened.url;
				const response = opened.response;
				if (response.status >= 200 && response.status <= 299) return await read(response, started, combined);
				const text = await this.readErrorText(response, combined);
				this.options.log?.warn(`${request.body === undefined ? 'GET' : 'POST'} ${url} → ${response.status} in ${Date.now() - started} ms, ${text.length} characters`);
				const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
				const waitMs = this.retry.waitMs(response.status, RETRYABLE_STATUSES, retryAfter, attempt, deadline);
				if (waitMs !== undefined) {
					this.options.log?.warn(`Model server answered ${response.status}; retry ${attempt + 1} of ${this.retry.maxRetries} in ${(waitMs / 1000).toFixed(1)} s`);
					await this.retry.sleep(waitMs, combined);
					continue;
				}
				throw request.statusError(response.status, text, retryAfter);
			}
		} catch (err) {
			if (signal.aborted) throw err instanceof ModelError && err.kind === 'cancelled' ? err : cancelled(err);
			if (timeout.aborted && !(err instanceof ModelError && err.kind !== 'network' && err.kind !== 'cancelled')) {
				throw new ModelError('timeout', l10n.t('The model server did not finish answering within {0} s. Try again, choose a faster model, or raise the timeout.', Math.round(this.options.timeoutMs / 1000)), { cause: err });
			}
			if (err instanceof ModelError) throw err;
			throw this.networkError(url, err);
		}
	}

	/** A 2xx body as text in its declared charset, refused past the size cap or when its bytes are not text. */
	async readText(response: HttpResponse, signal: AbortSignal): Promise<string> {
		try {
			const decoded = await readBodyText(response, true, this.maxResponseBytes, signal);
			if (decoded.unknownCharset) this.options.log?.warn(`The model server declared an unknown charset "${this.shown(decoded.unknownCharset, 40)}"; read as UTF-8.`);
			return decoded.text;
		} catch (err) {
			if (err instanceof BodyTooLargeError) throw tooLong(err.limitBytes);
			if (err instanceof BodyCharsetError) throw notText(err);
			if (err instanceof BodyCutError) {
				throw new ModelError('network', l10n.t('The connection to the model server broke while its answer was arriving ({0} bytes received), so the answer is incomplete. Try again.', err.receivedBytes), { cause: err });
			}
			throw err;
		}
	}

	/** `redactAndShorten` with the model key: what of a server's text goes into a message or a log line. */
	shown(text: string, max: number): string {
		return redactAndShorten(text, max, [this.options.apiKey]);
	}

	/** One request, following same-origin redirects only: the key must not travel to another server. */
	private async open(request: ModelServerRequest, signal: AbortSignal): Promise<{ response: StreamingResponse; url: string }> {
		return fetchSameOrigin(
			{ url: request.url, method: request.body === undefined ? 'GET' : 'POST', body: request.body },
			({ url, method, body }) => {
				const headers: Record<string, string> = { Accept: request.accept, 'User-Agent': this.options.userAgent ?? 'cekura-prompt-improver' };
				if (this.options.apiKey) headers.Authorization = `Bearer ${this.options.apiKey}`;
				if (body !== undefined) headers['Content-Type'] = 'application/json';
				this.options.log?.debug(`${method} ${url}${body !== undefined ? ` (${body.length} characters)` : ''}`);
				return this.options.fetch(url, { method, headers, body, signal, redirect: 'manual' });
			},
			this.origin,
			[this.options.apiKey],
			(status, refusal) => this.redirectError(status, refusal),
		);
	}

	private redirectError(status: number, refusal: RedirectRefusal): ModelError {
		const init = { status };
		switch (refusal.reason) {
			case 'noLocation':
				return new ModelError('redirect', l10n.t('The model server answered with a redirect (HTTP {0}) but did not say where to (no Location header). Check {1}.', status, SETTING_BASE_URL), init);
			case 'invalid':
				return new ModelError('redirect', l10n.t('The model server redirected the request (HTTP {0}) to an address that is not a valid URL ("{1}"). It was not followed. Check {2}.', status, refusal.location, SETTING_BASE_URL), init);
			case 'elsewhere':
				return new ModelError('redirect', l10n.t('The model server redirected the request to {0}. The redirect was not followed, so your model API key was not sent there. Check {1}.', refusal.where, SETTING_BASE_URL), init);
			case 'loop':
				return new ModelError('redirect', l10n.t('The model server redirected the request back to an address it had already redirected from (a redirect loop), on {0}; it was not followed further. Check {1}.', this.origin, SETTING_BASE_URL), init);
			case 'tooMany':
				return new ModelError('redirect', l10n.t('The model server redirected the request more than {0} times, on {1}; it was not followed further. Check {2}.', MAX_REDIRECTS, this.origin, SETTING_BASE_URL), init);
		}
	}

	/** The start of an error answer, for the server's message; empty when even that cannot be read. */
	private async readErrorText(response: HttpResponse, signal: AbortSignal): Promise<string> {
		try {
			return (await readBodyText(response, false, this.maxResponseBytes, signal)).text;
		} catch (err) {
			if (signal.aborted) throw err;
			return '';
		}
	}

	private networkError(url: string, err: unknown): ModelError {
		const { host, codeText, reason } = networkFailure(err, url, [this.options.apiKey], false);
		return new ModelError(
			'network',
			l10n.t('Could not reach the model server at {0}{1}: {2}. Check that it is running and that {3} is right; behind a proxy, check VS Code\'s proxy settings (http.proxy).', host, codeText, reason, SETTING_BASE_URL),
			{ cause: err },
		);
	}
}

function cancelled(cause?: unknown): ModelError {
	return new ModelError('cancelled', 'Cancelled.', { cause });
}
