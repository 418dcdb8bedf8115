import * as l10n from '@vscode/l10n';
import { cancellableSleep } from './cancellableSleep';
import { BodyCharsetError, BodyCutError, BodyTooLargeError, decodeBody, formatBytes, MAX_ERROR_BODY_BYTES, MAX_RESPONSE_BYTES, readBodyBytes } from './httpBody';
import type { HttpResponse, StreamingFetchLike } from './httpTypes';
import { ModelError } from './modelError';
import { parseRetryAfter } from './retryAfter';
import { ServerSentEvents } from './serverSentEvents';
import { redactAndShorten, redactedPart } from './shownText';
import { errorMessage } from '../../core/errorMessage';

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant';
	content: string;
}

export interface OpenAiCompatibleOptions {
	/** Already checked by `checkBaseUrl`, without a trailing slash, e.g. 'http://127.0.0.1:11434/v1'. */
	baseUrl: string;
	/** Sent as a Bearer token when set and not empty; local servers need none. */
	apiKey?: string;
	model: string;
	fetch: StreamingFetchLike;
	/** One deadline for the whole call: retries, waits and the streamed answer. */
	timeoutMs: number;
	userAgent?: string;
	log?: { debug(m: string): void; info(m: string): void; warn(m: string): void; error(m: string): void };
	sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
	/** Retries of 429/503 answers; default 3. */
	maxRetries?: number;
	/** A longer Retry-After is not waited for; default 60. */
	maxRetryWaitSeconds?: number;
	/** Wait before a retry without Retry-After, doubled each time; default 1000. */
	retryBaseDelayMs?: number;
	/** A larger answer (after decompression) is refused; default `MAX_RESPONSE_BYTES`, 8 MiB. */
	maxResponseBytes?: number;
}

interface CompleteOptions {
	/** OpenAI's `response_format` (structured output), e.g. `{type: "json_schema", json_schema: {name, strict, schema}}`. */
	responseFormat?: object;
	/** Resolve an answer that stopped at the output limit (`finishReason: 'length'`) instead of rejecting it. */
	acceptLength?: boolean;
}

interface ChatCompletion {
	text: string;
	/** 'stop' for a finished answer ('stop' too when a stream ends with [DONE] but names no reason). */
	finishReason: string;
	usage?: { promptTokens?: number; completionTokens?: number };
}

export const SETTING_BASE_URL = 'cekura.openaiCompatible.baseUrl';
export const SETTING_MODEL = 'cekura.openaiCompatible.model';

/** 429 and 503 say the request was not processed, so sending it again is safe. */
const RETRYABLE_STATUSES = new Set([429, 503]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

type Mode = 'chat' | 'models';

/** Base URL and model of the servers that answered 400 to `response_format` in this session. */
const refusesResponseFormat = new Set<string>();

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A client for OpenAI-compatible Chat Completions servers: OpenAI, Azure OpenAI, OpenRouter, Ollama, LM Studio. */
export class OpenAiCompatibleClient {
	private readonly origin: string;
	private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
	private readonly maxResponseBytes: number;

	constructor(private readonly options: OpenAiCompatibleOptions) {
		this.origin = new URL(options.baseUrl).origin;
		this.sleep = options.sleep ?? cancellableSleep;
		this.maxResponseBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
	}

	/**
	 * Sends the messages with `stream: true` and returns the whole answer. Reads a streamed (SSE) or a plain JSON
	 * answer, whichever the server sends. `onText` sees each piece of text as it arrives. Rejects with a ModelError;
	 * a cut answer is never returned, except one that stopped at the output limit when `acceptLength` is set.
	 * `responseFormat` (structured output) is sent unless this server and model refused it before: a 400 answer to it
	 * sends the request once more without it, and that is remembered for the session.
	 */
	async complete(messages: ChatMessage[], signal: AbortSignal, onText?: (delta: string, receivedChars: number) => void, options: CompleteOptions = {}): Promise<ChatCompletion> {
		const server = `${this.options.baseUrl} ${this.options.model}`;
		const format = options.responseFormat && !refusesResponseFormat.has(server) ? options.responseFormat : undefined;
		try {
			return await this.completeOnce(messages, signal, onText, format, options.acceptLength === true);
		} catch (err) {
			if (!format || !(err instanceof ModelError) || err.kind !== 'badRequest' || err.status !== 400) throw err;
			this.options.log?.info(`The model server at ${this.origin} refused structured output (response_format) with 400 for model "${this.shown(this.options.model, 100)}"; sending the request again without it, and not sending it to this server again in this session.`);
			refusesResponseFormat.add(server);
			return await this.completeOnce(messages, signal, onText, undefined, options.acceptLength === true);
		}
	}

	private async completeOnce(messages: ChatMessage[], signal: AbortSignal, onText: ((delta: string, receivedChars: number) => void) | undefined, responseFormat: object | undefined, acceptLength: boolean): Promise<ChatCompletion> {
		const body = JSON.stringify({ model: this.options.model, messages, stream: true, ...(responseFormat ? { response_format: responseFormat } : {}) });
		return this.call('chat', signal, async (response, started, combined) => {
			const type = response.headers.get('content-type') ?? '';
			const result = /text\/event-stream/i.test(type) ? await this.readStream(response, onText) : this.readJsonCompletion(await this.readText(response, combined), type, onText);
			this.options.log?.info(`POST ${this.url('chat')} → ${response.status}, ${result.text.length} characters in ${Date.now() - started} ms (finish: ${result.finishReason})`);
			return acceptLength && result.finishReason === 'length' ? result : checkFinish(result);
		}, body);
	}

	/** The model IDs the server offers (`GET {baseUrl}/models` → `data[].id`). */
	async listModels(signal: AbortSignal): Promise<string[]> {
		return this.call('models', signal, async (response, _started, combined) => {
			const text = await this.readText(response, combined);
			let json: unknown;
			try {
				json = JSON.parse(text);
			} catch {
				throw this.notJson(response, l10n.t('the model list'));
			}
			const data = isObject(json) ? json.data : undefined;
			if (!Array.isArray(data)) throw new ModelError('invalidResponse', l10n.t('The model server at {0} answered the model list with an unexpected shape (expected {1}).', this.options.baseUrl, '{data: [{id}]}'));
			return data.filter(isObject).map((m) => m.id).filter((id): id is string => typeof id === 'string');
		});
	}

	private url(mode: Mode): string {
		return `${this.options.baseUrl}${mode === 'chat' ? '/chat/completions' : '/models'}`;
	}

	/** Sends with retries of 429/503 under one deadline, then hands a 2xx answer to `read`. */
	private async call<T>(mode: Mode, signal: AbortSignal, read: (response: HttpResponse, started: number, combined: AbortSignal) => Promise<T>, body?: string): Promise<T> {
		if (signal.aborted) throw cancelled();
		const timeout = AbortSignal.timeout(this.options.timeoutMs);
		const combined = AbortSignal.any([signal, timeout]);
		const deadline = Date.now() + this.options.timeoutMs;
		const maxRetries = this.options.maxRetries ?? 3;
		const maxWait = this.options.maxRetryWaitSeconds ?? 60;
		let url = this.url(mode);
		try {
			for (let attempt = 0; ; attempt++) {
				const started = Date.now();
				const opened = await this.open(mode, body, combined);
				url = opened.url;
				const response = opened.response;
				if (response.status >= 200 && response.status <= 299) return await read(response, started, combined);
				const text = await this.readErrorText(response, combined);
				this.options.log?.warn(`${body === undefined ? 'GET' : 'POST'} ${url} → ${response.status} in ${Date.now() - started} ms, ${text.length} characters`);
				const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
				if (RETRYABLE_STATUSES.has(response.status) && attempt < maxRetries && (retryAfter === undefined || retryAfter <= maxWait)) {
					const waitMs = retryAfter !== undefined ? retryAfter * 1000 : (this.options.retryBaseDelayMs ?? 1000) * 2 ** attempt;
					if (Date.now() + waitMs < deadline) {
						this.options.log?.warn(`Model server answered ${response.status}; retry ${attempt + 1} of ${maxRetries} in ${(waitMs / 1000).toFixed(1)} s`);
						await this.sleep(waitMs, combined);
						continue;
					}
				}
				throw this.statusError(mode, response.status, text, retryAfter);
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

	/** One request, following same-origin redirects only: the key must not travel to another server. */
	private async open(mode: Mode, body: string | undefined, signal: AbortSignal): Promise<{ response: HttpResponse & { body: AsyncIterable<Uint8Array | string> | null }; url: string }> {
		let url = this.url(mode);
		let method: 'GET' | 'POST' = body === undefined ? 'GET' : 'POST';
		const visited = new Set<string>([url]);
		for (let hops = 0; ; hops++) {
			const headers: Record<string, string> = {
				Accept: mode === 'chat' ? 'text/event-stream, application/json' : 'application/json',
				'User-Agent': this.options.userAgent ?? 'cekura-prompt-improver',
			};
			if (this.options.apiKey) headers.Authorization = `Bearer ${this.options.apiKey}`;
			if (body !== undefined) headers['Content-Type'] = 'application/json';
			this.options.log?.debug(`${method} ${url}${body !== undefined ? ` (${body.length} characters)` : ''}`);
			const response = await this.options.fetch(url, { method, headers, body, signal, redirect: 'manual' });
			if (!REDIRECT_STATUSES.has(response.status)) return { response, url };
			url = this.redirectTarget(response, url, hops, visited);
			visited.add(url);
			// 303 means "see the answer there": a GET. 301/302/307/308 repeat the request as it was (RFC 9110 §15.4).
			if (response.status === 303) {
				method = 'GET';
				body = undefined;
			}
		}
	}

	/** Where a redirect leads, if it may be followed; otherwise the ModelError that says why it is not. */
	private redirectTarget(response: HttpResponse, from: string, hops: number, visited: Set<string>): string {
		const init = { status: response.status };
		const location = response.headers.get('location');
		if (!location || location.trim() === '') {
			throw new ModelError('redirect', l10n.t('The model server answered with a redirect (HTTP {0}) but did not say where to (no Location header). Check {1}.', response.status, SETTING_BASE_URL), init);
		}
		let target: URL;
		try {
			target = new URL(location, from);
		} catch {
			throw new ModelError('redirect', l10n.t('The model server redirected the request (HTTP {0}) to an address that is not a valid URL ("{1}"). It was not followed. Check {2}.', response.status, this.shown(location, 100), SETTING_BASE_URL), init);
		}
		if (target.origin !== this.origin || (target.protocol !== 'http:' && target.protocol !== 'https:')) {
			const part = (text: string, max: number): string => redactedPart(location, text, max, [this.options.apiKey]);
			const where = target.origin !== 'null' ? part(target.origin, 200) : l10n.t('a {0} address', part(target.protocol, 100));
			throw new ModelError('redirect', l10n.t('The model server redirected the request to {0}. The redirect was not followed, so your model API key was not sent there. Check {1}.', where, SETTING_BASE_URL), init);
		}
		const next = target.toString();
		if (visited.has(next) || hops >= MAX_REDIRECTS) {
			const message = visited.has(next)
				? l10n.t('The model server redirected the request back to an address it had already redirected from (a redirect loop), on {0}; it was not followed further. Check {1}.', this.origin, SETTING_BASE_URL)
				: l10n.t('The model server redirected the request more than {0} times, on {1}; it was not followed further. Check {2}.', MAX_REDIRECTS, this.origin, SETTING_BASE_URL);
			throw new ModelError('redirect', message, init);
		}
		return next;
	}

	/** A 2xx body as text in its declared charset, refused past the size cap or when its bytes are not text. */
	private async readText(response: HttpResponse, signal: AbortSignal): Promise<string> {
		try {
			const decoded = decodeBody(await readBodyBytes(response, this.maxResponseBytes, signal), response.headers.get('content-type'), true);
			if (decoded.unknownCharset) this.options.log?.warn(`The model server declared an unknown charset "${this.shown(decoded.unknownCharset, 40)}"; read as UTF-8.`);
			return decoded.text;
		} catch (err) {
			if (err instanceof BodyTooLargeError) throw this.tooLong(err.limitBytes);
			if (err instanceof BodyCharsetError) throw notText(err);
			if (err instanceof BodyCutError) {
				throw new ModelError('network', l10n.t('The connection to the model server broke while its answer was arriving ({0} bytes received), so the answer is incomplete. Try again.', err.receivedBytes), { cause: err });
			}
			throw err;
		}
	}

	/** The start of an error answer, for the server's message; empty when even that cannot be read. */
	private async readErrorText(response: HttpResponse, signal: AbortSignal): Promise<string> {
		try {
			return decodeBody(await readBodyBytes(response, MAX_ERROR_BODY_BYTES, signal, { truncate: true }), response.headers.get('content-type'), false).text;
		} catch (err) {
			if (signal.aborted) throw err;
			return '';
		}
	}


	private async readStream(response: HttpResponse, onText?: (delta: string, receivedChars: number) => void): Promise<ChatCompletion> {
		const events = new ServerSentEvents();
		let text = '';
		let finishReason: string | undefined;
		let done = false;
		let usage: ChatCompletion['usage'];
		let bytes = 0;
		const tools = new Set<string>();
		const handle = (data: string): void => {
			if (data.trim() === '[DONE]') {
				done = true;
				return;
			}
			let json: unknown;
			try {
				json = JSON.parse(data);
			} catch {
				throw new ModelError('invalidResponse', l10n.t('The model server sent a stream event that is not JSON (after {0} characters). Check {1}.', text.length, SETTING_BASE_URL));
			}
			if (!isObject(json)) return;
			if (json.error !== undefined) throw this.streamError(json.error);
			usage = usageOf(json.usage) ?? usage;
			const choice = Array.isArray(json.choices) && isObject(json.choices[0]) ? json.choices[0] : undefined;
			if (!choice) return;
			if (isObject(choice.delta)) toolsCalled(choice.delta, tools);
			const delta = isObject(choice.delta) ? choice.delta.content : undefined;
			if (typeof delta === 'string' && delta !== '') {
				text += delta;
				onText?.(delta, text.length);
			}
			if (typeof choice.finish_reason === 'string' && choice.finish_reason !== '') finishReason = choice.finish_reason;
		};
		if (!response.body) throw new ModelError('invalidResponse', l10n.t('The model server announced a stream but sent no body.'));
		try {
			for await (const chunk of response.body) {
				bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
				if (bytes > this.maxResponseBytes) throw this.tooLong(this.maxResponseBytes);
				for (const data of events.push(chunk)) handle(data);
				if (done) break;
			}
			if (!done) for (const data of events.end()) handle(data);
		} catch (err) {
			if (err instanceof ModelError) throw err;
			if (err instanceof BodyCharsetError) throw notText(err);
			throw new ModelError('network', l10n.t('The connection to the model server broke in the middle of the answer ({0} characters received), so the answer is incomplete. Try again.', text.length), { cause: err });
		}
		if (!done && finishReason === undefined) {
			throw new ModelError('truncated', l10n.t('The model server\'s stream ended before the answer was complete ({0} characters received, no finish reason). Try again.', text.length));
		}
		this.refuseToolCall(text, finishReason, tools);
		return { text, finishReason: finishReason ?? 'stop', usage };
	}

	private readJsonCompletion(body: string, type: string, onText?: (delta: string, receivedChars: number) => void): ChatCompletion {
		let json: unknown;
		try {
			json = JSON.parse(body);
		} catch {
			throw new ModelError('invalidResponse', l10n.t('The model server answered with something that is not JSON or a stream ({0}). A proxy or a login page may be in the way, or {1} points at the wrong server.', type ? this.shown(type, 80) : l10n.t('no content type'), SETTING_BASE_URL));
		}
		if (isObject(json) && json.error !== undefined) throw this.streamError(json.error);
		const choice = isObject(json) && Array.isArray(json.choices) && isObject(json.choices[0]) ? json.choices[0] : undefined;
		const content = choice && isObject(choice.message) ? choice.message.content : undefined;
		if (!choice || (typeof content !== 'string' && content !== null)) {
			throw new ModelError('invalidResponse', l10n.t('The model server answered with an unexpected shape (expected choices[0].message.content).'));
		}
		const text = content ?? '';
		const finishReason = typeof choice.finish_reason === 'string' ? choice.finish_reason : 'stop';
		const tools = new Set<string>();
		if (isObject(choice.message)) toolsCalled(choice.message, tools);
		this.refuseToolCall(text, finishReason, tools);
		if (text) onText?.(text, text.length);
		return { text, finishReason, usage: isObject(json) ? usageOf(json.usage) : undefined };
	}

	/** An answer with no text that asks to call a tool (`tool_calls`, or the older `function_call`) is not an answer. */
	private refuseToolCall(text: string, finishReason: string | undefined, tools: ReadonlySet<string>): void {
		if (text.trim() !== '' || (tools.size === 0 && finishReason !== 'tool_calls' && finishReason !== 'function_call')) return;
		const names = [...tools].filter((name) => name !== '');
		if (names.length === 0) throw new ModelError('invalidResponse', l10n.t('The model asked to call a tool instead of answering, so there is no improved prompt. Try again, or choose another model.'));
		const named = this.shown(names.slice(0, 3).join(', '), 120);
		throw new ModelError('invalidResponse', l10n.t('The model asked to call a tool ({0}) instead of answering, so there is no improved prompt. Try again, or choose another model.', named));
	}

	private serverMessage(text: string): string {
		let said: string | undefined;
		try {
			const json: unknown = JSON.parse(text);
			const error = isObject(json) ? json.error : undefined;
			said = typeof error === 'string' ? error : isObject(error) && typeof error.message === 'string' ? error.message : isObject(json) && typeof json.message === 'string' ? json.message : undefined;
		} catch {
			said = undefined;
		}
		if (said === undefined && text.trim() !== '' && !/^\s*</.test(text)) said = text.trim();
		if (!said) return '';
		return this.shown(said.replace(/\s+/g, ' '), 300);
	}

	/** Takes the model key out of anything a server wrote that goes into a message, then cuts it to `max` characters. */
	private shown(text: string, max: number): string {
		return redactAndShorten(text, max, [this.options.apiKey]);
	}

	private statusError(mode: Mode, status: number, text: string, retryAfterSeconds: number | undefined): ModelError {
		const said = this.serverMessage(text);
		const detail = said ? `: ${said}` : '.';
		const init = { status, retryAfterSeconds };
		if (status === 400 && /context.length|maximum context|too many tokens|context_length_exceeded/i.test(text)) {
			return new ModelError('tooLarge', l10n.t('The model server at {0} says the request is longer than model "{1}" accepts (400){2} Use fewer runs, or choose a model with a larger context window.', this.origin, this.options.model, detail), init);
		}
		switch (status) {
			case 401:
				return new ModelError('unauthorized', this.options.apiKey
					? l10n.t('The model server at {0} rejected the model API key (401){1} Run "Set Model API Key" to enter a valid key.', this.origin, detail)
					: l10n.t('The model server at {0} rejected the request without an API key (401){1} Run "Set Model API Key" to enter a valid key.', this.origin, detail), init);
			case 403:
				return new ModelError('forbidden', l10n.t('The model server at {0} does not allow this API key to use model "{1}" (403){2}', this.origin, this.options.model, detail), init);
			case 404:
				return new ModelError(
					'modelNotFound',
					mode === 'chat'
						? l10n.t('The model server at {0} has no model "{1}", or {2} is not an OpenAI-compatible base URL (HTTP 404){3} Check {4}, and {5} (it usually ends in /v1).', this.origin, this.options.model, this.options.baseUrl, detail, SETTING_MODEL, SETTING_BASE_URL)
						: l10n.t('The model server at {0} offers no model list at {1} (HTTP 404){2} Check {3} (it usually ends in /v1).', this.origin, this.url('models'), detail, SETTING_BASE_URL),
					init,
				);
			case 429: {
				const when = retryAfterSeconds !== undefined ? l10n.t('Try again in {0} s.', retryAfterSeconds) : l10n.t('Try again in a minute.');
				return new ModelError('throttled', `${l10n.t('The model server at {0} is limiting requests (429) and did not answer{1}', this.origin, detail)} ${when}`, init);
			}
			default:
				if (status >= 500) return new ModelError('server', l10n.t('The model server at {0} failed (HTTP {1}){2} Try again later.', this.origin, status, detail), init);
				return new ModelError('badRequest', l10n.t('The model server at {0} refused the request (HTTP {1}){2}', this.origin, status, detail), init);
		}
	}

	/** An error object inside a 2xx answer (OpenRouter and others report failures mid-stream). */
	private streamError(error: unknown): ModelError {
		const message = typeof error === 'string' ? error : isObject(error) && typeof error.message === 'string' ? error.message : l10n.t('unknown error');
		return new ModelError('server', l10n.t('The model server reported an error while answering: {0} Try again.', this.shown(message, 300)));
	}

	private notJson(response: HttpResponse, what: string): ModelError {
		const type = response.headers.get('content-type');
		return new ModelError('invalidResponse', l10n.t('The model server answered {0} with something that is not JSON ({1}). Check {2}.', what, type ? this.shown(type, 80) : l10n.t('no content type'), SETTING_BASE_URL), { status: response.status });
	}

	private tooLong(maxBytes: number): ModelError {
		return new ModelError('invalidResponse', l10n.t('The model server\'s answer is larger than {0} (the most the extension reads) and was not read to the end. Check {1} and {2}.', formatBytes(maxBytes), SETTING_BASE_URL, SETTING_MODEL));
	}

	private networkError(url: string, err: unknown): ModelError {
		const cause = isObject(err) && isObject(err.cause) ? err.cause : undefined;
		const code = isObject(err) && typeof err.code === 'string' ? err.code : cause && typeof cause.code === 'string' ? cause.code : undefined;
		const reason = this.shown(errorMessage(err), 300);
		return new ModelError(
			'network',
			l10n.t('Could not reach the model server at {0}{1}: {2}. Check that it is running and that {3} is right; behind a proxy, check VS Code\'s proxy settings (http.proxy).', new URL(url).host, code ? ` (${code})` : '', reason, SETTING_BASE_URL),
			{ cause: err },
		);
	}
}

function notText(err: BodyCharsetError): ModelError {
	return new ModelError('invalidResponse', l10n.t('The model server\'s answer is not valid {0} text (the character set it declares, or UTF-8), so it was not used.', err.charset), { cause: err });
}

function cancelled(cause?: unknown): ModelError {
	return new ModelError('cancelled', 'Cancelled.', { cause });
}

function usageOf(value: unknown): ChatCompletion['usage'] | undefined {
	if (!isObject(value)) return undefined;
	const usage: NonNullable<ChatCompletion['usage']> = {};
	if (typeof value.prompt_tokens === 'number') usage.promptTokens = value.prompt_tokens;
	if (typeof value.completion_tokens === 'number') usage.completionTokens = value.completion_tokens;
	return usage;
}

/** Adds to `names` the tools a message or a stream delta asks to call (a streamed call names its tool in its first piece). */
function toolsCalled(message: Record<string, unknown>, names: Set<string>): void {
	const calls = Array.isArray(message.tool_calls) ? message.tool_calls : isObject(message.function_call) ? [{ function: message.function_call }] : [];
	for (const call of calls) {
		const name = isObject(call) && isObject(call.function) ? call.function.name : undefined;
		names.add(typeof name === 'string' ? name : '');
	}
}

function checkFinish(result: ChatCompletion): ChatCompletion {
	if (result.finishReason === 'length') {
		throw new ModelError('truncated', l10n.t('The model stopped at its output limit after {0} characters, so the answer is incomplete. Use a model with a larger output limit, or a shorter prompt.', result.text.length));
	}
	if (result.finishReason === 'content_filter') {
		throw new ModelError('refused', l10n.t('The model\'s content filter stopped the answer. Rephrase the prompt or the note, or choose another model.'));
	}
	return result;
}
