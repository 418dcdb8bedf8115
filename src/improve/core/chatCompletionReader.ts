import * as l10n from '@vscode/l10n';
import { isObject } from './jsonObject';
import { BodyCharsetError } from './httpBody';
import type { HttpResponse } from './httpTypes';
import { ModelError } from './modelError';
import { notText, tooLong } from './modelServerErrors';
import { SETTING_BASE_URL } from './modelServerSettings';
import { ServerSentEvents } from './serverSentEvents';
import { redactAndShorten } from './shownText';

export interface ChatCompletion {
	text: string;
	/** 'stop' for a finished answer ('stop' too when a stream ends with [DONE] but names no reason). */
	finishReason: string;
	usage?: { promptTokens?: number; completionTokens?: number };
}

/**
 * A Chat Completions answer read, streamed (SSE) or whole (JSON): its text, finish reason and usage; an error the
 * server reports inside a 2xx answer, or a call of a tool instead of an answer, rejects with a ModelError.
 */
export class ChatCompletionReader {
	constructor(
		private readonly maxResponseBytes: number,
		private readonly apiKey: string | undefined,
	) {}

	async readStream(response: HttpResponse, onText?: (delta: string, receivedChars: number) => void): Promise<ChatCompletion> {
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
				if (bytes > this.maxResponseBytes) throw tooLong(this.maxResponseBytes);
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

	readJsonCompletion(body: string, type: string, onText?: (delta: string, receivedChars: number) => void): ChatCompletion {
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

	/** An error object inside a 2xx answer (OpenRouter and others report failures mid-stream). */
	private streamError(error: unknown): ModelError {
		const message = typeof error === 'string' ? error : isObject(error) && typeof error.message === 'string' ? error.message : l10n.t('unknown error');
		return new ModelError('server', l10n.t('The model server reported an error while answering: {0} Try again.', this.shown(message, 300)));
	}

	/** Takes the model key out of anything a server wrote that goes into a message, then cuts it to `max` characters. */
	private shown(text: string, max: number): string {
		return redactAndShorten(text, max, [this.apiKey]);
	}
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

export function checkFinish(result: ChatCompletion): ChatCompletion {
	if (result.finishReason === 'length') {
		throw new ModelError('truncated', l10n.t('The model stopped at its output limit after {0} characters, so the answer is incomplete. Use a model with a larger output limit, or a shorter prompt.', result.text.length));
	}
	if (result.finishReason === 'content_filter') {
		throw new ModelError('refused', l10n.t('The model\'s content filter stopped the answer. Rephrase the prompt or the note, or choose another model.'));
	}
	return result;
}
