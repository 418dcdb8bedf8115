import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CekuraError } from '../../src/improve/core/cekuraError';
import { CHAT_TIMEOUT_SECONDS, MAX_PARALLEL_CHATS, RESULT_NAMES, runChatTest, type ChatTestDeps } from '../../src/improve/core/chatTest/chatTest';
import type { ChatTestPlan, ChatTestProgress, TestScenario } from '../../src/improve/core/chatTest/chatTestTypes';
import { ModelError } from '../../src/improve/core/modelError';
import { expectRejection } from '../support/expectRejection';
import { EchoAgent, FakeApiChat, noSleep, quietLog } from '../support/fakeApiChat';

const never = new AbortController().signal;

function scenario(id: number, agentId = 7): TestScenario {
	return { id, name: `Scenario ${id}`, agentId, kind: 'failed', fromRunIds: [id * 10] };
}

function plan(overrides: Partial<ChatTestPlan> = {}): ChatTestPlan {
	return { scenarios: [scenario(1), scenario(2)], frequency: 1, maxTurns: 30, original: 'You are bad.', proposal: 'You are GOOD.', ...overrides };
}

function setUp(deps: Partial<ChatTestDeps> = {}) {
	const api = new FakeApiChat();
	const agent = new EchoAgent();
	const progress: ChatTestProgress[] = [];
	const run = (p: ChatTestPlan, signal = never) => runChatTest(p, { api, agent, log: quietLog, sleep: noSleep, ...deps }, signal, (x) => progress.push(x));
	return { api, agent, progress, run };
}

describe('runChatTest', () => {
	test('starts the original and the proposal on the same scenarios and frequency, drives every chat and gives verdicts', async () => {
		const { api, agent, progress, run } = setUp();
		const outcome = await run(plan({ frequency: 2 }));
		assert.deepEqual(
			api.starts.map((s) => [s.agent_id, s.scenarios, s.frequency, s.name, s.timeout]),
			[
				[7, [1, 2], 2, RESULT_NAMES.original, CHAT_TIMEOUT_SECONDS],
				[7, [1, 2], 2, RESULT_NAMES.proposal, CHAT_TIMEOUT_SECONDS],
			],
		);
		assert.equal(outcome.chats.length, 8);
		assert.ok(outcome.chats.every((chat) => chat.end === 'ended'));
		assert.deepEqual(outcome.verdicts.map((v) => [v.scenario.id, v.n, v.originalPasses, v.proposalPasses, v.verdict]), [
			[1, 2, 0, 2, 'fixed'],
			[2, 2, 0, 2, 'fixed'],
		]);
		assert.equal(outcome.modelLabel, 'echo model');
		assert.deepEqual(outcome.results.map((r) => [r.side, r.status]), [['original', 'completed'], ['proposal', 'completed']]);
		assert.deepEqual(new Set(agent.calls.map((c) => c.systemPrompt)), new Set(['You are bad.', 'You are GOOD.']), 'each prompt is the system prompt as it is');
		assert.deepEqual(api.openRuns(), []);
		assert.deepEqual([...new Set(progress.map((p) => p.phase))], ['starting', 'chatting', 'scoring']);
		const last = progress.at(-1);
		assert.equal(last?.chatsDone, 8);
		assert.equal(last?.chatsTotal, 8);
		assert.ok(progress.some((p) => p.turn === 2), 'the turn of chats in flight is reported');
	});

	test('a regression: the proposal fails where the original passed', async () => {
		const { run } = setUp();
		const outcome = await run(plan({ original: 'GOOD prompt', proposal: 'worse prompt' }));
		assert.deepEqual(outcome.verdicts.map((v) => v.verdict), ['regressed', 'regressed']);
	});

	test('one result per agent and prompt; each chat belongs to its agent\'s result', async () => {
		const { api, run } = setUp();
		const outcome = await run(plan({ scenarios: [scenario(1, 7), scenario(2, 8), scenario(3, 7)] }));
		assert.deepEqual(api.starts.map((s) => [s.agent_id, s.scenarios, s.name]), [
			[7, [1, 3], RESULT_NAMES.original],
			[7, [1, 3], RESULT_NAMES.proposal],
			[8, [2], RESULT_NAMES.original],
			[8, [2], RESULT_NAMES.proposal],
		]);
		assert.equal(outcome.chats.length, 6);
		assert.deepEqual(outcome.verdicts.map((v) => [v.scenario.id, v.verdict]), [[1, 'fixed'], [2, 'fixed'], [3, 'fixed']]);
	});

	test('original and proposal chats alternate, and no more than maxParallelChats run at once', async () => {
		const { api, run } = setUp({ maxParallelChats: 3 });
		await run(plan({ scenarios: [scenario(1), scenario(2), scenario(3)], frequency: 2 }));
		const sides = api.touchOrder.map((id) => api.runs.get(id)?.side);
		assert.deepEqual(sides.slice(0, 4), ['original', 'proposal', 'original', 'proposal']);
		assert.equal(api.maxActive, 3, 'three chats in flight at once, never more');
	});

	test('by default at most MAX_PARALLEL_CHATS chats run at once', async () => {
		const { api, run } = setUp();
		await run(plan({ scenarios: [1, 2, 3, 4, 5].map((id) => scenario(id)), frequency: 2 }));
		assert.equal(api.maxActive, MAX_PARALLEL_CHATS);
	});

	test('a caller turn in error ends that chat and makes its scenario inconclusive, saying why; the others are judged', async () => {
		const { api, run } = setUp();
		api.script = ({ side, scenario: id }) => (side === 'proposal' && id === 2 ? { failAt: { turn: 1, status: 'error' } } : {});
		const outcome = await run(plan());
		assert.deepEqual(outcome.verdicts.map((v) => v.verdict), ['fixed', 'inconclusive']);
		assert.match(outcome.verdicts[1].inconclusiveReason ?? '', /status error/);
		assert.equal(api.endChats.length, 1);
	});

	test('a model that fails makes the scenario inconclusive, not a failure of the prompt', async () => {
		const { api, agent, run } = setUp();
		agent.onReply = (_call, _conversation, _signal, systemPrompt) => {
			if (systemPrompt === 'You are bad.') throw new ModelError('server', 'The model server failed (HTTP 500).');
		};
		const outcome = await run(plan());
		assert.deepEqual(outcome.verdicts.map((v) => v.verdict), ['inconclusive', 'inconclusive']);
		assert.match(outcome.verdicts[0].inconclusiveReason ?? '', /model failed.*HTTP 500/);
		assert.ok(outcome.chats.filter((c) => c.side === 'original').every((c) => c.end === 'modelError'));
		assert.equal(api.endChats.length, 2, 'the chats whose model failed were ended');
	});

	test('Cancel ends every run the test started, the ones never driven too, and rejects as cancelled', async () => {
		const { api, agent, run } = setUp({ maxParallelChats: 2 });
		const cancel = new AbortController();
		agent.onReply = (call) => {
			if (call === 3) cancel.abort();
		};
		await expectRejection(run(plan({ scenarios: [1, 2, 3, 4].map((id) => scenario(id)) }), cancel.signal), CekuraError, 'cancelled');
		assert.equal(api.runs.size, 8);
		assert.ok(api.touchOrder.length < 8, 'some runs were never driven');
		assert.deepEqual(api.openRuns(), [], 'no run is left open on Cekura');
		assert.ok(api.endChats.every((e) => !e.signalAborted), 'end-chat is not sent under the aborted signal');
	});

	test('when starting the proposal fails, every chat of the original is ended before the error is passed on', async () => {
		const { api, agent, run } = setUp();
		api.onStart = (_start, index) => {
			if (index === 1) throw new CekuraError('badRequest', 'Cekura rejected the start of the simulated chats (400): scenarios: Invalid pk "2".', { status: 400 });
		};
		const err = await expectRejection(run(plan()), CekuraError, 'badRequest');
		assert.match(err.message, /Invalid pk/);
		assert.equal(agent.calls.length, 0);
		assert.deepEqual(api.endChats.map((e) => e.runId).sort(), [...api.runs.keys()].sort());
		assert.deepEqual(api.openRuns(), []);
	});

	test('a result that ends failed makes its scenarios inconclusive, naming the status', async () => {
		const { api, run } = setUp();
		api.resultStatus = 'failed';
		const outcome = await run(plan());
		assert.ok(outcome.verdicts.every((v) => v.verdict === 'inconclusive'));
		assert.match(outcome.verdicts[0].inconclusiveReason ?? '', /ended failed/);
	});

	test('a result Cekura is still scoring after the scoring wait is inconclusive', async () => {
		const { api, run } = setUp();
		api.resultStatus = 'evaluating';
		const outcome = await run(plan({ scenarios: [scenario(1)] }));
		assert.equal(outcome.verdicts[0].verdict, 'inconclusive');
		assert.match(outcome.verdicts[0].inconclusiveReason ?? '', /still scoring/);
		assert.deepEqual(outcome.results.map((r) => r.status), ['evaluating', 'evaluating']);
	});
});
