import type { AgentMessage, AgentModel } from '../chatTest/chatTestTypes';
import type { ChatModel, ConversationTurn } from './chatModel';

/**
 * The chat model as the agent of a simulated chat: the prompt under test is its system prompt, the caller's lines
 * are the user's and its own earlier lines the assistant's. Nothing of the extension's own is added, so the original
 * and the proposal are tested with exactly the same wrapper.
 */
export function agentOfModel(model: ChatModel): AgentModel {
	return {
		label: model.label,
		reply: (systemPrompt, conversation, signal) => model.converse(systemPrompt, conversation.map(asTurn), signal),
	};
}

function asTurn(message: AgentMessage): ConversationTurn {
	return { role: message.role === 'caller' ? 'user' : 'assistant', content: message.content };
}
