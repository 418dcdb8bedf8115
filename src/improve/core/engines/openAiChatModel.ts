import type { OpenAiCompatibleClient } from '../openAiCompatibleClient';
import type { ChatModel, ConversationTurn } from './chatModel';

/** A model on an OpenAI-compatible server, as the model engine sees it. Such servers count no tokens for us. */
export class OpenAiChatModel implements ChatModel {
	readonly sharedWithOutput = true;

	constructor(
		private readonly client: OpenAiCompatibleClient,
		readonly label: string,
		readonly maxInputTokens: number,
	) {}

	async complete(instructions: string, request: string, signal: AbortSignal, onText: (receivedChars: number) => void): Promise<{ text: string; outputTokens?: number; inputTokens?: number }> {
		const messages = [
			{ role: 'system' as const, content: instructions },
			{ role: 'user' as const, content: request },
		];
		const completion = await this.client.complete(messages, signal, (_delta, received) => onText(received));
		return { text: completion.text, inputTokens: completion.usage?.promptTokens, outputTokens: completion.usage?.completionTokens };
	}

	async converse(system: string, messages: readonly ConversationTurn[], signal: AbortSignal): Promise<string> {
		const completion = await this.client.complete([{ role: 'system', content: system }, ...messages.map((m) => ({ role: m.role, content: m.content }))], signal);
		return completion.text;
	}
}
