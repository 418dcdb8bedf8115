import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { CALLER_GOODBYE } from '../server/apiChatRun';
import { startCekuraServer, type CekuraServer } from '../server/cekuraServer';
import { SCENARIOS } from '../server/seedData';
import { call, chatPath, endPath, playAgent, resultPath, settledTurn, START, startChats } from '../support/apiChatDriver';
import { waitFor } from '../support/waitFor';

let server: CekuraServer;
const FAST = { chatStartMs: 0, callerDelayMs: 0, scoreMs: 0 };
const callerLines = (scenario: number): string[] => SCENARIOS[scenario].dialogue.filter((s) => s[0] === 'C').map((s) => s[1] as string);

before(async () => {
	server = await startCekuraServer();
});
after(() => server.close());
beforeEach(() => server.reset());

describe('API chat: starting', () => {
	it('creates a result with scenarios × frequency text runs and answers RunScenarioResult', async () => {
		const answer = await call(server, START, { body: { agent_id: 42, scenarios: [205, 201], frequency: 2, name: 'VS Code: original', timeout: 600 } });
		assert.equal(answer.status, 200, answer.text);
		const body = answer.json;
		assert.equal(body.id, 7001);
		assert.equal(body.name, 'VS Code: original');
		assert.equal(body.agent, 42);
		assert.equal(body.run_as_text, true);
		assert.equal(body.status, 'running');
		assert.deepEqual(body.runs.map((r: { id: number; scenario: number }) => [r.id, r.scenario]), [[90001, 205], [90002, 205], [90003, 201], [90004, 201]]);
		assert.ok(body.runs.every((r: { status: string }) => r.status === 'running'));
		assert.equal((await startChats(server, { agent_id: 57, scenarios: [222] })).resultId, 7002);
	});

	it('refuses what DRF would refuse, with the field and its message', async () => {
		const cases: Array<[unknown, Record<string, string[]> | { detail: string }]> = [
			[{ scenarios: [205], name: 'x' }, { agent_id: ['This field is required.'] }],
			[{ agent_id: 9, scenarios: [205], name: 'x' }, { agent_id: ['Invalid pk "9" - object does not exist.'] }],
			[{ agent_id: 42, scenarios: [9], name: 'x' }, { scenarios: ['Invalid pk "9" - object does not exist.'] }],
			[{ agent_id: 42, scenarios: [222], name: 'x' }, { scenarios: ['Invalid pk "222" - object does not exist.'] }],
			[{ agent_id: 42, scenarios: [], name: 'x' }, { scenarios: ['This list may not be empty.'] }],
			[{ agent_id: 42, scenarios: '205', name: 'x' }, { scenarios: ['Expected a list of items but got type "str".'] }],
			[{ agent_id: 42, scenarios: [205], name: 'x', frequency: 0 }, { frequency: ['Ensure this value is greater than or equal to 1.'] }],
			[{ agent_id: 42, scenarios: [205], name: 'x', frequency: 11 }, { frequency: ['Ensure this value is less than or equal to 10.'] }],
			[{ agent_id: 42, scenarios: [205], name: 'x', frequency: '2' }, { frequency: ['A valid integer is required.'] }],
			[{ agent_id: 42, scenarios: [205], name: 'x', timeout: 3601 }, { timeout: ['Ensure this value is less than or equal to 3600.'] }],
			[{ agent_id: 42, scenarios: [205] }, { name: ['This field is required.'] }],
			['{not json', { detail: 'JSON parse error - Expecting value: line 1 column 1 (char 0)' }],
		];
		for (const [body, expected] of cases) {
			const answer = await call(server, START, { body });
			assert.equal(answer.status, 400, JSON.stringify(body));
			assert.deepEqual(answer.json, expected, JSON.stringify(body));
		}
		assert.deepEqual(server.apiChatRuns(), [], 'nothing started');
	});

	it('checks the key as every route does: 401 without or with a wrong key, 403 when not permitted', async () => {
		const body = { agent_id: 42, scenarios: [205], name: 'x' };
		assert.equal((await call(server, START, { body, key: null })).status, 401);
		assert.equal((await call(server, START, { body, key: 'ck_wrong' })).status, 401);
		assert.equal((await call(server, chatPath(90001, 0), { key: null })).status, 401);
		server.setModes({ apiChat: 'forbidden' });
		const forbidden = await call(server, START, { body });
		assert.equal(forbidden.status, 403);
		assert.deepEqual(forbidden.json, { detail: 'You do not have permission to perform this action.' });
	});
});

describe('API chat: a conversation', () => {
	it('is starting (409, opening generating) until chatStartMs, then opens with the caller first line', async () => {
		server.setModes({ chatStartMs: 60_000 });
		const { runIds } = await startChats(server, { agent_id: 42, scenarios: [201] });
		const refused = await call(server, chatPath(runIds[0]), { body: { content: 'Hello' } });
		assert.equal(refused.status, 409);
		assert.deepEqual(refused.json, { detail: 'Run is still starting, or has already ended.' });
		assert.equal((await call(server, chatPath(runIds[0], 0))).json.status, 'generating');
		server.setModes({ chatStartMs: 0 });
		const opening = await call(server, chatPath(runIds[0], 0));
		assert.deepEqual(opening.json, { run_id: runIds[0], result_id: 7001, turn_id: 0, status: 'ready', message: callerLines(201)[0], ended: false, ended_reason: null });
	});

	it('opens with no message when the agent speaks first', async () => {
		server.setModes(FAST);
		const { runIds } = await startChats(server, { agent_id: 57, scenarios: [225] });
		assert.equal((await settledTurn(server, runIds[0], 0)).json.message, null);
	});

	it('answers each agent line with the next caller line (generating, then ready), then says goodbye and ends', async () => {
		server.setModes({ ...FAST, callerDelayMs: 60_000 });
		const { runIds } = await startChats(server, { agent_id: 42, scenarios: [205] });
		const run = runIds[0];
		await settledTurn(server, run, 0);
		const first = await call(server, chatPath(run), { body: { content: 'Sure, what day works?' } });
		assert.equal(first.status, 202);
		assert.deepEqual(first.json, { run_id: run, result_id: 7001, turn_id: 1, status: 'generating' });
		assert.equal((await call(server, chatPath(run, 1))).json.status, 'generating');
		const second = await call(server, chatPath(run), { body: { content: 'Which day was it again?' } });
		assert.equal(second.json.turn_id, 2);
		assert.equal((await call(server, chatPath(run, 1))).json.status, 'dropped', 'superseded by the newer submission');
		server.setModes({ callerDelayMs: 0 });
		assert.deepEqual((await call(server, chatPath(run, 2))).json, { run_id: run, result_id: 7001, turn_id: 2, status: 'ready', message: callerLines(205)[1], ended: false, ended_reason: null });
		assert.equal((await call(server, chatPath(run, 3))).status, 404, 'unknown turn');

		const said = await playAgent(server, run, 'Be brief.');
		const last = server.apiChatRuns()[0];
		assert.deepEqual(last, { runId: run, resultId: 7001, scenario: 205, ended: true, endedBy: 'caller', endReason: 'testing_agent_ended_call', agentTurns: 2 + said.length });
		const goodbye = await call(server, chatPath(run, 2 + said.length));
		assert.equal(goodbye.json.message, CALLER_GOODBYE);
		assert.equal(goodbye.json.ended, true);
		assert.equal(goodbye.json.ended_reason, 'testing_agent_ended_call');
		assert.equal((await call(server, chatPath(run), { body: { content: 'Anything else?' } })).status, 409, 'submitted after the end');
	});

	it('records tool calls and results without a reply, merges metadata, and refuses a blank line', async () => {
		server.setModes({ ...FAST, scoreMs: 60_000 });
		const { runIds } = await startChats(server, { agent_id: 42, scenarios: [205] });
		const run = runIds[0];
		await settledTurn(server, run, 0);
		const toolCall = await call(server, chatPath(run), { body: { role: 'Function Call', data: { id: 'c1', name: 'find_slots', arguments: { day: 'Monday' } }, metadata: { model: 'local' } } });
		assert.equal(toolCall.status, 202, toolCall.text);
		assert.equal(toolCall.json.turn_id, null);
		assert.equal((await call(server, chatPath(run), { body: { role: 'Function Call Result', data: { id: 'c1', result: { slots: [] } } } })).status, 202);
		assert.deepEqual((await call(server, chatPath(run), { body: { content: '  ' } })).json, { content: ['This field may not be blank.'] });
		assert.deepEqual((await call(server, chatPath(run), { body: { content: 'x', metadata: [1] } })).json, { metadata: ['Expected a dictionary of items but got type "list".'] });
		await call(server, endPath(run), { body: { reason: 'main_agent_ended_call' } });
		const detail = (await call(server, `/test_framework/v2/runs/${run}/`)).json;
		assert.deepEqual(detail.transcript_object.map((t: { role: string }) => t.role), ['Testing Agent', 'Function Call', 'Function Call Result']);
		assert.deepEqual(detail.transcript_object[1].data, { id: 'c1', name: 'find_slots', arguments: { day: 'Monday' } });
		assert.equal(detail.metadata.model, 'local');
		assert.equal(detail.metadata.ended_reason, 'main_agent_ended_call');
		assert.equal(server.apiChatRuns()[0].agentTurns, 0, 'tool turns are not agent lines');
	});

	it('ends a chat on end-chat (200 again when already ended), and a chat left open at its timeout', async () => {
		server.setModes({ ...FAST, scoreMs: 60_000 });
		const { runIds } = await startChats(server, { agent_id: 42, scenarios: [205], timeout: 1 });
		const other = await startChats(server, { agent_id: 42, scenarios: [201] });
		await settledTurn(server, other.runIds[0], 0);
		const ended = await call(server, endPath(other.runIds[0]), { body: { reason: 'main_agent_ended_call' } });
		assert.deepEqual(ended.json, { run_id: other.runIds[0], result_id: other.resultId, status: 'evaluating' });
		assert.equal((await call(server, endPath(other.runIds[0]), { body: { reason: 'main_agent_ended_call' } })).status, 200);
		assert.equal((await call(server, endPath(99999), { body: {} })).status, 404);
		await waitFor(() => server.apiChatRuns()[0].ended, 'the timeout to end the first chat', 5000);
		assert.deepEqual(server.apiChatRuns().map((r) => [r.runId, r.endedBy, r.endReason]), [[runIds[0], 'timeout', 'timeout'], [other.runIds[0], 'client', 'main_agent_ended_call']]);
	});
});

describe('API chat: results and scored runs', () => {
	it('goes running → evaluating → completed, runs keyed by run-ID string, and lists the runs like seeded ones', async () => {
		server.setModes({ ...FAST, scoreMs: 60_000 });
		const { resultId, runIds } = await startChats(server, { agent_id: 42, scenarios: [205, 201] });
		assert.equal((await call(server, resultPath(resultId))).json.status, 'running');
		await Promise.all(runIds.map((id) => playAgent(server, id, 'Keep calls short.')));
		const evaluating = (await call(server, resultPath(resultId))).json;
		assert.equal(evaluating.status, 'evaluating');
		server.setModes({ scoreMs: 0 });
		const done = (await call(server, resultPath(resultId))).json;
		assert.equal(done.status, 'completed');
		assert.deepEqual(Object.keys(done.runs), runIds.map(String));
		assert.deepEqual([done.success_rate, done.total_runs, done.success_runs, done.failed_runs], [0.5, 2, 1, 1]);
		const failed = done.runs[String(runIds[0])];
		assert.equal(failed.success, false);
		assert.equal(failed.expected_outcome.score, 0);
		assert.match(failed.expected_outcome.explanation[0], /never read back the booked date and time/);
		assert.deepEqual(failed.evaluation.metrics.map((m: { id: number; eval_type: string; passed: boolean; score: number }) => [m.id, m.eval_type, m.passed, m.score]), [[7, 'binary', false, 0]]);
		assert.equal(done.runs[String(runIds[1])].success, true);

		const bulk = (await call(server, `/test_framework/v2/runs/bulk/?run_ids=${runIds.join(',')},5546`)).json;
		assert.deepEqual(bulk.map((r: { id: number }) => r.id), [...runIds, 5546]);
		const run = bulk[0];
		for (const key of ['scenario', 'scenario_name', 'agent', 'result_id', 'result_name', 'status', 'evaluation_status', 'transcript', 'run_as_text']) assert.ok(key in run, key);
		assert.deepEqual([run.scenario, run.agent, run.result_id, run.result_name, run.status, run.evaluation_status, run.run_as_text], [205, 42, resultId, 'VS Code: test', 'completed', 'failure', true]);
		assert.deepEqual([...new Set(run.transcript_object.map((t: { role: string }) => t.role))], ['Testing Agent', 'Main Agent']);
		assert.ok(run.transcript_object.every((t: { time: string; start_time: number; end_time: number }) => /^\d\d:\d\d$/.test(t.time) && t.end_time >= t.start_time));
		assert.match(run.transcript, /^\[00:00\] Testing Agent: Hi, I need to move my cleaning\.$/m);
		const list = (await call(server, `/test_framework/v2/runs/?result_id=${resultId}`)).json;
		assert.deepEqual(list.results.map((r: { id: number }) => r.id).sort(), runIds);
	});
});

describe('API chat: modes', () => {
	const body = { agent_id: 42, scenarios: [205], name: 'x' };

	it('answers 404 (even without a key) or 405 when the server has no API chat, and 400 with a field message', async () => {
		server.setModes({ apiChat: 'removed-404' });
		assert.deepEqual((await call(server, START, { body, key: null })).json, { detail: 'Not found.' });
		server.setModes({ apiChat: 'removed-405' });
		const removed = await call(server, START, { body });
		assert.equal(removed.status, 405);
		assert.equal(removed.json.detail, 'Method "POST" not allowed.');
		server.setModes({ apiChat: 'bad-request' });
		assert.deepEqual((await call(server, START, { body })).json, { agent_id: ['Chat testing is not enabled for this agent.'] });
		const refused = await call(server, '/__control/modes', { body: { apiChat: 'sometimes' } });
		assert.equal(refused.status, 400);
	});

	it('never-starts: 409 to every submission and a generating opening, until the chat is ended', async () => {
		server.setModes({ ...FAST, apiChat: 'never-starts' });
		const { runIds } = await startChats(server, body);
		assert.equal((await call(server, chatPath(runIds[0]), { body: { content: 'Hi' } })).status, 409);
		assert.equal((await call(server, chatPath(runIds[0], 0))).json.status, 'generating');
		assert.equal((await call(server, endPath(runIds[0]), { body: { reason: 'main_agent_ended_call' } })).status, 200);
	});

	it('opening-early: the opening is ready at once, but a submission gets 409 until chatStartMs has passed', async () => {
		server.setModes({ ...FAST, apiChat: 'opening-early', chatStartMs: 60_000 });
		const { runIds } = await startChats(server, body);
		assert.equal((await call(server, chatPath(runIds[0], 0))).json.status, 'ready');
		const early = await call(server, chatPath(runIds[0]), { body: { content: 'Hi' } });
		assert.deepEqual([early.status, early.json.detail], [409, 'Run is still starting, or has already ended.']);
		server.setModes({ chatStartMs: 0 });
		assert.equal((await call(server, chatPath(runIds[0]), { body: { content: 'Hi' } })).status, 202);
	});

	it('caller-error: the first caller reply comes back as error', async () => {
		server.setModes({ ...FAST, apiChat: 'caller-error' });
		const { runIds } = await startChats(server, body);
		await settledTurn(server, runIds[0], 0);
		const turn = (await call(server, chatPath(runIds[0]), { body: { content: 'Hi' } })).json.turn_id;
		const reply = await settledTurn(server, runIds[0], turn);
		assert.deepEqual([reply.json.status, reply.json.message], ['error', null]);
	});

	it('never-ends: the caller keeps talking after its script, so only end-chat ends the chat', async () => {
		server.setModes({ ...FAST, apiChat: 'never-ends' });
		const { runIds } = await startChats(server, body);
		await settledTurn(server, runIds[0], 0);
		for (let i = 0; i < callerLines(205).length + 3; i++) {
			const turn = (await call(server, chatPath(runIds[0]), { body: { content: `Line ${i}` } })).json.turn_id;
			assert.equal((await settledTurn(server, runIds[0], turn)).json.ended, false);
		}
		await call(server, endPath(runIds[0]), { body: { reason: 'main_agent_ended_call' } });
		assert.equal(server.apiChatRuns()[0].endedBy, 'client');
	});

	it('result-failed: the result ends failed, its runs failed with an error message', async () => {
		server.setModes({ ...FAST, apiChat: 'result-failed' });
		const { resultId, runIds } = await startChats(server, body);
		await playAgent(server, runIds[0], 'Be brief.');
		const result = (await call(server, resultPath(resultId))).json;
		assert.equal(result.status, 'failed');
		assert.equal(result.runs[String(runIds[0])].status, 'failed');
		assert.match(result.runs[String(runIds[0])].error_message, /Evaluation failed/);
	});
});
