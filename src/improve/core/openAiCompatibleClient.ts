import * as l10n from '@vscode/l10n';
import { isObject } from './jsonObject';
import { ChatCompletionReader, checkFinish, type ChatCompletion } from './chatCompletionReader';
import type { HttpResponse } from './httpTypes';
import { ModelError } from './modelError';
import { modelStatusError, type ModelServer } from './modelServerErrors';
import { SETTING_BASE_URL } from './modelServerSettings';
import { OpenAiTransport, type ModelServerRequest, type OpenAiTransportOptions } from './openAiTransport';

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant';
	content: string;
}

export interface OpenAiCompatibleOptions extends OpenAiTransportOptions {
	model: string;
}

interface CompleteOptions {
	/** OpenAI's `response_format` (structured output), e.g. `{type: "json_schema", json_schema: {name, strict, schema}}`. */
	responseFormat?: object;
	/** Resolve an answer that stopped at the output limit (`finishReason: 'length'`) instead of rejecting it. */
	acceptLength?: boolean;
}

type Mode = 'chat' | 'models';

/** Base URL and model of the servers that answered 400 to `response_format` in this session. */
const refusesResponseFormat = new Set<string>();

/**
 * A client for OpenAI-compatible Chat Completions servers: OpenAI, Azure OpenAI, OpenRouter, Ollama, LM Studio.
 * The calls and the checks of their answers; `OpenAiTransport` sends them.
 */
export class OpenAiCompatibleClient {
	private readonly transport: OpenAiTransport;
	private readonly reader: ChatCompletionReader;
	private readonly server: ModelServer;

	constructor(private readonly options: OpenAiCompatibleOptions) {
		this.transport = new OpenAiTransport(options);
		this.reader = new ChatCompletionReader(this.transport.maxResponseBytes, options.apiKey);
		this.server = { origin: this.transport.origin, baseUrl: options.baseUrl, model: options.model, apiKey: options.apiKey };
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
			this.options.log?.info(`The model server at ${this.transport.origin} refused structured output (response_format) with 400 for model "${this.transport.shown(this.options.model, 100)}"; sending the request again without it, and not sending it to this server again in this session.`);
			refusesResponseFormat.add(server);
			return await this.completeOnce(messages, signal, onText, undefined, options.acceptLength === true);
		}
	}

	private async completeOnce(messages: ChatMessage[], signal: AbortSignal, onText: ((delta: string, receivedChars: number) => void) | undefined, responseFormat: object | undefined, acceptLength: boolean): Promise<ChatCompletion> {
		const body = JSON.stringify({ model: this.options.model, messages, stream: true, ...(responseFormat ? { response_format: responseFormat } : {}) });
		return this.transport.call(this.request('chat', body), signal, async (response, started, combined) => {
			const type = response.headers.get('content-type') ?? '';
			const result = /text\/event-stream/i.test(type) ? await this.reader.readStream(response, onText) : this.reader.readJsonCompletion(await this.transport.readText(response, combined), type, onText);
			this.options.log?.info(`POST ${this.url('chat')} → ${response.status}, ${result.text.length} characters in ${Date.now() - started} ms (finish: ${result.finishReason})`);
			return acceptLength && result.finishReason === 'length' ? result : checkFinish(result);
		});
	}

	/** The model IDs the server offers (`GET {baseUrl}/models` → `data[].id`). */
	async listModels(signal: AbortSignal): Promise<string[]> {
		return this.transport.call(this.request('models'), signal, async (response, _started, combined) => {
			const text = await this.transport.readText(response, combined);
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

	private request(mode: Mode, body?: string): ModelServerRequest {
		return {
			url: this.url(mode),
			accept: mode === 'chat' ? 'text/event-stream, application/json' : 'application/json',
			body,
			statusError: (status, text, retryAfterSeconds) => modelStatusError(this.server, mode, status, text, retryAfterSeconds),
		};
	}

	private url(mode: Mode): string {
		return `${this.options.baseUrl}${mode === 'chat' ? '/chat/completions' : '/models'}`;
	}

	private notJson(response: HttpResponse, what: string): ModelError {
		const type = response.headers.get('content-type');
		return new ModelError('invalidResponse', l10n.t('The model server answered {0} with something that is not JSON ({1}). Check {2}.', what, type ? this.transport.shown(type, 80) : l10n.t('no content type'), SETTING_BASE_URL), { status: response.status });
	}
}
