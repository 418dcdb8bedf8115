import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChatModel, ConversationTurn } from '../../src/improve/core/engines/chatModel';
import { agentOfModel } from '../../src/improve/core/engines/agentOfModel';

test('the agent gets the prompt under test as its system prompt and the chat as user/assistant turns, nothing else', async () => {
	const calls: { system: string; messages: readonly ConversationTurn[] }[] = [];
	const model: ChatModel = {
		label: 'gpt-test via VS Code',
		maxInputTokens: 1000,
		sharedWithOutput: false,
		complete: () => Promise.reject(new Error('not used')),
		converse: async (system, messages) => {
			calls.push({ system, messages });
			return 'How can I help?';
		},
	};
	const agent = agentOfModel(model);
	const reply = await agent.reply('You are a dental receptionist.', [
		{ role: 'caller', content: 'Hi, I need an appointment.' },
		{ role: 'agent', content: 'Sure, when?' },
		{ role: 'caller', content: 'Tomorrow.' },
	], new AbortController().signal);
	assert.equal(reply, 'How can I help?');
	assert.equal(agent.label, 'gpt-test via VS Code');
	assert.deepEqual(calls, [{
		system: 'You are a dental receptionist.',
		messages: [
			{ role: 'user', content: 'Hi, I need an appointment.' },
			{ role: 'assistant', content: 'Sure, when?' },
			{ role: 'user', content: 'Tomorrow.' },
		],
	}]);
});
