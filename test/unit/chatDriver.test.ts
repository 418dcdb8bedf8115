import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { driveChat, END_REASON, START_WAIT_MS, type ChatToDrive } from '../../src/improve/core/chatTest/chatDriver';
import { ModelError } from '../../src/improve/core/modelError';
import { EchoAgent, FakeApiChat, noSleep, quietLog, type RunScript } from '../support/fakeApiChat';

const never = new AbortController().signal;

async function oneChat(script: RunScript, options: { maxTurns?: number; agent?: EchoAgent; signal?: AbortSignal; clean?: (text: string) => string } = {}) {
	const api = new FakeApiChat();
	api.script = () => script;
	const { resultId, runIds } = await api.startChats({ agent_id: 7, scenarios: [3], frequency: 1, name: 'VS Code: original' });
	const agent = options.agent ?? new EchoAgent();
	const pauses: number[] = [];
	const turns: number[] = [];
	const chat: ChatToDrive = { side: 'original', agentId: 7, resultId, runId: runIds[0], systemPrompt: 'You are GOOD.', maxTurns: options.maxTurns ?? 30 };
	const record = await driveChat(
		chat,
		{ api, agent, log: quietLog, sleep: async (ms, signal) => { pauses.push(ms); await noSleep(ms, signal); }, clean: options.clean },
		options.signal ?? never,
		(turn) => turns.push(turn),
	);
	return { api, agent, record, pauses, turns, runId: runIds[0] };
}

describe('driveChat', () => {
	test('answers the opening with the model, submits each line and appends the caller\'s replies until the caller ends the chat', async () => {
		const { api, agent, record, turns, runId } = await oneChat({ endAfter: 2 });
		assert.equal(record.end, 'ended');
		assert.equal(record.turns, 2);
		assert.deepEqual(turns, [1, 2]);
		assert.deepEqual(agent.calls[0].conversation, [{ role: 'caller', content: 'Hello, I need help.' }]);
		assert.deepEqual(agent.calls[1].conversation, [
			{ role: 'caller', content: 'Hello, I need help.' },
			{ role: 'agent', content: 'You are GOOD. (turn 1)' },
			{ role: 'caller', content: 'Caller reply 1' },
		]);
		assert.equal(agent.calls[0].systemPrompt, 'You are GOOD.', 'the prompt under test is the system prompt, unchanged');
		assert.deepEqual(api.runs.get(runId)?.agentLines, ['You are GOOD. (turn 1)', 'You are GOOD. (turn 2)']);
		assert.deepEqual(api.endChats, [], 'a chat Cekura ended is not ended again');
	});

	test('when the agent speaks first (no opening line), the model starts with an empty conversation', async () => {
		const { agent, record } = await oneChat({ opening: null, endAfter: 1 });
		assert.equal(record.end, 'ended');
		assert.deepEqual(agent.calls[0].conversation, []);
	});

	test('the opening is polled until it is ready; one that never is ends the chat, saying so', async () => {
		const late = await oneChat({ openingPolls: 3, endAfter: 1 });
		assert.equal(late.record.end, 'ended');
		assert.deepEqual(late.agent.calls[0].conversation, [{ role: 'caller', content: 'Hello, I need help.' }]);
		const never = await oneChat({ openingPolls: 1e6 });
		assert.equal(never.record.end, 'chatError');
		assert.match(never.record.error ?? '', /did not open the chat/);
		assert.equal(never.agent.calls.length, 0);
		assert.equal(never.api.endChats.length, 1);
	});

	test('a 409 while the run starts is retried after growing pauses, then the chat goes on', async () => {
		const { record, pauses, api } = await oneChat({ conflicts: 2, endAfter: 1 });
		assert.equal(record.end, 'ended');
		assert.equal(record.turns, 1);
		assert.ok(pauses[0] >= 300 && pauses[1] > pauses[0], `pauses ${pauses.join(', ')}`);
		assert.deepEqual(api.endChats, []);
	});

	test('a 409 beyond the start-up wait ends the chat as a chat error naming 409', async () => {
		const { record, pauses, api, runId } = await oneChat({ conflicts: 1000, endAfter: 1 });
		assert.equal(record.end, 'chatError');
		assert.match(record.error ?? '', /409/);
		assert.ok(pauses.reduce((a, b) => a + b, 0) >= START_WAIT_MS);
		assert.ok(pauses.every((ms) => ms <= 1000), 'no pause longer than 1 s');
		assert.deepEqual(api.endChats.map((e) => e.runId), [runId]);
	});

	test('a caller turn in error ends the chat (end-chat) as a chat error', async () => {
		const { record, api, runId } = await oneChat({ failAt: { turn: 2, status: 'error' }, endAfter: 5 });
		assert.equal(record.end, 'chatError');
		assert.equal(record.turns, 2);
		assert.match(record.error ?? '', /turn 2/);
		assert.deepEqual(api.endChats, [{ runId, reason: END_REASON, signalAborted: false }]);
	});

	test('a dropped turn with nothing newer to answer it ends the chat as a chat error', async () => {
		const { record, api } = await oneChat({ failAt: { turn: 1, status: 'dropped' } });
		assert.equal(record.end, 'chatError');
		assert.match(record.error ?? '', /dropped/);
		assert.equal(api.endChats.length, 1);
	});

	test('a model error ends the chat and is kept as its message, through clean', async () => {
		const agent = new EchoAgent();
		agent.onReply = (call) => {
			if (call === 2) throw new ModelError('server', 'The model server failed (HTTP 500): secret-123');
		};
		const { record, api } = await oneChat({ endAfter: 5 }, { agent, clean: (text) => text.replace('secret-123', '***') });
		assert.equal(record.end, 'modelError');
		assert.equal(record.turns, 1);
		assert.equal(record.error, 'The model server failed (HTTP 500): ***');
		assert.equal(api.endChats.length, 1);
	});

	test('after maxTurns agent turns without an end the extension ends the chat', async () => {
		const { record, api, runId, agent } = await oneChat({ endAfter: Infinity }, { maxTurns: 3 });
		assert.equal(record.end, 'maxTurns');
		assert.equal(record.turns, 3);
		assert.equal(agent.calls.length, 3, 'no model call beyond maxTurns');
		assert.deepEqual(api.endChats, [{ runId, reason: 'main_agent_ended_call', signalAborted: false }]);
	});

	test('Cancel ends the chat with a signal of its own (the aborted one would cancel end-chat too)', async () => {
		const cancel = new AbortController();
		const agent = new EchoAgent();
		agent.onReply = (call, _conversation, signal) => {
			if (call === 2) {
				cancel.abort();
				if (signal.aborted) throw new ModelError('cancelled', 'Cancelled.');
			}
		};
		const { record, api, runId } = await oneChat({ endAfter: Infinity }, { agent, signal: cancel.signal });
		assert.equal(record.end, 'cancelled');
		assert.deepEqual(api.endChats, [{ runId, reason: END_REASON, signalAborted: false }]);
	});
});
