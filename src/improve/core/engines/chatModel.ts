import type { AnswerSchema } from '../answerSchema';

/** A turn of a conversation the model takes part in: 'assistant' is the model's own earlier line. */
export interface ConversationTurn {
	role: 'user' | 'assistant';
	content: string;
}

/** What a model answered: its text, what it counted, and why it stopped where the API says so. */
export interface ChatAnswer {
	text: string;
	outputTokens?: number;
	inputTokens?: number;
	/** 'stop' for a finished answer, 'length' when the model stopped at its output limit; undefined when the API does not say. */
	finishReason?: 'stop' | 'length' | (string & {});
}

export interface CompleteOptions {
	/** The answer's JSON schema, for servers with structured output; others ignore it. */
	schema?: AnswerSchema;
}

/** A chat model as the model engine needs it, whatever serves it (VS Code's Language Model API, an OpenAI-compatible server). */
export interface ChatModel {
	/** "gpt-4.1 via VS Code", "llama3.1 at 127.0.0.1:11434". */
	readonly label: string;
	/** How many tokens the model takes in. */
	readonly maxInputTokens: number;
	/** True when that limit is a context window the answer shares (then room is kept for the answer). */
	readonly sharedWithOutput: boolean;
	/** The model's own token counter, where its API has one; otherwise characters are estimated. */
	countTokens?(text: string, signal: AbortSignal): Promise<number>;
	/**
	 * Sends the instructions and the request; `onText` sees the answer as it arrives (the count so far, and the piece
	 * that just arrived). Resolves the whole answer, also one cut at the output limit (`finishReason: 'length'`).
	 */
	complete(instructions: string, request: string, signal: AbortSignal, onText: (receivedChars: number, piece?: string) => void, options?: CompleteOptions): Promise<ChatAnswer>;
	/** One call with `system` as the system prompt and `messages` as the conversation so far. Resolves the model's next line. */
	converse(system: string, messages: readonly ConversationTurn[], signal: AbortSignal): Promise<string>;
}
