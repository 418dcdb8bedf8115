import type { OpenAiCompatibleClient } from '../openAiCompatibleClient';
import type { ChatAnswer, ChatModel, CompleteOptions, ConversationTurn } from './chatModel';

/** A model on an OpenAI-compatible server, as the model engine sees it. Such servers count no tokens for us. */
export class OpenAiChatModel implements ChatModel {
	readonly sharedWithOutput = true;

	constructor(
		private readonly client: OpenAiCompatibleClient,
		readonly label: string,
		readonly maxInputTokens: number,
	) {}

	async complete(instructions: string, request: string, signal: AbortSignal, onText: (receivedChars: number, piece?: string) => void, options: CompleteOptions = {}): Promise<ChatAnswer> {
		const messages = [
			{ role: 'system' as const, content: instructions },
			{ role: 'user' as const, content: request },
		];
		const responseFormat = options.schema ? { type: 'json_schema', json_schema: { name: options.schema.name, strict: true, schema: options.schema.schema } } : undefined;
		const completion = await this.client.complete(messages, signal, (delta, received) => onText(received, delta), { responseFormat, acceptLength: true });
		return { text: completion.text, finishReason: completion.finishReason, inputTokens: completion.usage?.promptTokens, outputTokens: completion.usage?.completionTokens };
	}

	async converse(system: string, messages: readonly ConversationTurn[], signal: AbortSignal): Promise<string> {
		const completion = await this.client.complete([{ role: 'system', content: system }, ...messages.map((m) => ({ role: m.role, content: m.content }))], signal);
		return completion.text;
	}
}
