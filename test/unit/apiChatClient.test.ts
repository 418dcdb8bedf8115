import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import nodeFetch from 'node-fetch';
import { cancellableSleep } from '../../src/improve/core/cancellableSleep';
import { CekuraClient } from '../../src/improve/core/cekuraClient';
import { CekuraError, type CekuraErrorKind } from '../../src/improve/core/cekuraError';
import { runChatTest } from '../../src/improve/core/chatTest/chatTest';
import type { ChatTestPlan, TestScenario } from '../../src/improve/core/chatTest/chatTestTypes';
import type { FetchLike } from '../../src/improve/core/httpTypes';
import { DEMO_API_KEY, startCekuraServer, type CekuraServer } from '../server/cekuraServer';
import { SAMPLE_PROMPTS } from '../server/seedData';
import { expectRejection } from '../support/expectRejection';
import { quietLog } from '../support/fakeApiChat';
import { localAgent } from '../support/localAgent';

// The real client over loopback to the local Cekura server's API chat (test/server/apiChat.ts).
const fetch: FetchLike = (url, init) => nodeFetch(url, init);
const never = new AbortController().signal;
const quick = (ms: number, signal: AbortSignal): Promise<void> => cancellableSleep(Math.min(ms, 10), signal);

let server: CekuraServer;
const client = (): CekuraClient => new CekuraClient({ baseUrl: server.url, apiKey: DEMO_API_KEY, fetch, improveTimeoutMs: 5000, readTimeoutMs: 5000, sleep: quick });
const rejection = (promise: Promise<unknown>, kind: CekuraErrorKind): Promise<CekuraError> => expectRejection(promise, CekuraError, kind);

const DENTAL = SAMPLE_PROMPTS['dental-front-desk'];
const READ_BACK = 'Read back the booked slot and wait for the caller to confirm.';
const scenario = (id: number, name: string): TestScenario => ({ id, name, agentId: 42, kind: 'failed', fromRunIds: [] });
const plan = (original: string, proposal: string, overrides: Partial<ChatTestPlan> = {}): ChatTestPlan => ({
	scenarios: [scenario(205, 'Reschedule cleaning to next week'), scenario(201, 'Book first cleaning appointment')],
	frequency: 1,
	maxTurns: 30,
	original,
	proposal,
	...overrides,
});
const test_ = (p: ChatTestPlan, signal = never) => runChatTest(p, { api: client(), agent: localAgent, log: quietLog, sleep: quick }, signal, () => undefined);

before(async () => {
	server = await startCekuraServer();
});
after(() => server.close());
beforeEach(() => {
	server.reset();
	server.setModes({ chatStartMs: 20, callerDelayMs: 5, scoreMs: 10 });
});

describe('CekuraClient as ApiChat, against the local Cekura server', () => {
	test('a whole A/B: the proposal that adds the read-back fixes the reschedule scenario; the other still passes; every chat ended', async () => {
		const outcome = await test_(plan(DENTAL, `${DENTAL}\n${READ_BACK}\n`));
		assert.deepEqual(outcome.verdicts.map((v) => [v.scenario.id, v.originalPasses, v.proposalPasses, v.verdict]), [
			[205, 0, 1, 'fixed'],
			[201, 1, 1, 'stillPassing'],
		]);
		assert.deepEqual(outcome.results.map((r) => r.status), ['completed', 'completed']);
		assert.ok(outcome.chats.every((c) => c.end === 'ended' && c.turns > 0));
		assert.ok(server.apiChatRuns().every((r) => r.ended && r.endedBy === 'caller'));
		const starts = server.requests.filter((r) => r.path.endsWith('/run_scenarios_api_chat/'));
		assert.deepEqual(starts.map((r) => (r.body as { name: string }).name), ['VS Code: original', 'VS Code: proposal']);
	});

	test('a regression: the proposal drops the read-back the original had', async () => {
		const outcome = await test_(plan(`${DENTAL}\n${READ_BACK}\n`, DENTAL));
		assert.equal(outcome.verdicts[0].verdict, 'regressed');
	});

	test('a model error: its chats are ended and its scenarios inconclusive', async () => {
		const outcome = await test_(plan(DENTAL, `${DENTAL}\n#agent-fail\n`));
		assert.deepEqual(outcome.verdicts.map((v) => v.verdict), ['inconclusive', 'inconclusive']);
		assert.ok(server.apiChatRuns().every((r) => r.ended));
		assert.ok(server.apiChatRuns().some((r) => r.endedBy === 'client'));
	});

	test('a chat that never ends is ended by the extension at maxTurns', async () => {
		server.setModes({ apiChat: 'never-ends' });
		const outcome = await test_(plan(DENTAL, DENTAL, { maxTurns: 3, scenarios: [scenario(205, 'Reschedule')] }));
		assert.ok(outcome.chats.every((c) => c.end === 'maxTurns' && c.turns === 3));
		assert.ok(server.apiChatRuns().every((r) => r.ended && r.endedBy === 'client' && r.endReason === 'main_agent_ended_call' && r.agentTurns === 3));
	});

	test('a caller turn in error makes the scenario inconclusive, with the reason', async () => {
		server.setModes({ apiChat: 'caller-error' });
		const outcome = await test_(plan(DENTAL, DENTAL, { scenarios: [scenario(205, 'Reschedule')] }));
		assert.equal(outcome.verdicts[0].verdict, 'inconclusive');
		assert.match(outcome.verdicts[0].inconclusiveReason ?? '', /status error/);
	});

	test('a result that ends failed makes its scenarios inconclusive', async () => {
		server.setModes({ apiChat: 'result-failed' });
		const outcome = await test_(plan(DENTAL, DENTAL, { scenarios: [scenario(205, 'Reschedule')] }));
		assert.equal(outcome.verdicts[0].verdict, 'inconclusive');
		assert.match(outcome.verdicts[0].inconclusiveReason ?? '', /ended failed/);
	});

	test('Cancel: every run started on the server is ended, and the test rejects as cancelled', async () => {
		const cancel = new AbortController();
		const agent = { label: 'slow', reply: async (s: string, c: Parameters<typeof localAgent.reply>[1], signal: AbortSignal) => (cancel.abort(), localAgent.reply(s, c, signal)) };
		await rejection(runChatTest(plan(DENTAL, DENTAL, { frequency: 3 }), { api: client(), agent, log: quietLog, sleep: quick, maxParallelChats: 2 }, cancel.signal, () => undefined), 'cancelled');
		assert.equal(server.apiChatRuns().length, 12);
		assert.ok(server.apiChatRuns().every((r) => r.ended), 'no chat is left running on Cekura');
	});

	test('submitTurn before the run started: 409 is kind conflict', async () => {
		server.setModes({ apiChat: 'never-starts' });
		const { runIds } = await client().startChats({ agent_id: 42, scenarios: [205], frequency: 1, name: 'VS Code: original' }, never);
		const err = await rejection(client().submitTurn(runIds[0], 'Hello', never), 'conflict');
		assert.match(err.message, /409/);
	});

	test('a 404 about a run, turn or result the test knows says which one Cekura does not know', async () => {
		const { runIds, resultId } = await client().startChats({ agent_id: 42, scenarios: [205], frequency: 1, name: 'VS Code: original' }, never);
		assert.match((await rejection(client().pollTurn(runIds[0], 99, never), 'notOffered')).message, /does not know turn 99 of run \d+ \(HTTP 404\)/);
		assert.match((await rejection(client().submitTurn(999_999, 'Hi', never), 'notOffered')).message, /does not know run 999999/);
		assert.match((await rejection(client().endChat(999_999, 'main_agent_ended_call', never), 'notOffered')).message, /does not know run 999999/);
		assert.match((await rejection(client().result(resultId + 100, never), 'notOffered')).message, new RegExp(`does not know result ${resultId + 100}`));
	});

	test('404 or 405 to the start: this server does not offer API chat', async () => {
		for (const mode of ['removed-404', 'removed-405'] as const) {
			server.setModes({ apiChat: mode });
			const err = await rejection(client().startChats({ agent_id: 42, scenarios: [205], frequency: 1, name: 'x' }, never), 'notOffered');
			assert.match(err.message, /does not offer API chat \(HTTP 40[45]\)/);
		}
	});

	test('400 gives the server\'s words; 403 says the key may not', async () => {
		server.setModes({ apiChat: 'bad-request' });
		const bad = await rejection(client().startChats({ agent_id: 42, scenarios: [205], frequency: 1, name: 'x' }, never), 'badRequest');
		assert.match(bad.message, /Chat testing is not enabled for this agent/);
		server.setModes({ apiChat: 'forbidden' });
		await rejection(client().startChats({ agent_id: 42, scenarios: [205], frequency: 1, name: 'x' }, never), 'forbidden');
	});

	test('a start refused after others succeeded ends every chat already started on the server', async () => {
		// Agent 42's two results start; agent 57's is refused (scenario 205 is not one of its scenarios).
		const err = await rejection(test_(plan(DENTAL, DENTAL, { scenarios: [scenario(205, 'Reschedule'), { ...scenario(205, 'Reschedule'), agentId: 57 }] })), 'badRequest');
		assert.match(err.message, /scenarios/);
		assert.equal(server.apiChatRuns().length, 2);
		assert.ok(server.apiChatRuns().every((r) => r.ended && r.endedBy === 'client'));
	});

	test('listRuns filters by result and success, and reads each run\'s scenario', async () => {
		const page = await client().listRuns({ agentId: 42, resultId: 88, success: true }, never);
		const list = server.requests.find((r) => r.path === '/test_framework/v2/runs/');
		assert.equal(list?.query.result_id, '88');
		assert.equal(list?.query.success, 'true');
		assert.ok(page.results.length > 0);
		assert.ok(page.results.every((run) => run.result_id === 88 && run.success === true && typeof run.scenario === 'number'));
	});
});
