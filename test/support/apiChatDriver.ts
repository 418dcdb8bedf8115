import assert from 'node:assert/strict';
import { DEMO_API_KEY, type CekuraServer } from '../server/cekuraServer';
import type { SeedRun } from '../server/seedData';
import { agentReply, type AgentTurnMessage } from '../server/simulatedAgent';
import { waitForValue } from './waitFor';

/** Plain-Node calls to the local Cekura server's API chat, and a whole chat test driven with the local agent. */

export const START = '/test_framework/v2/scenarios/run_scenarios_api_chat/';
export const chatPath = (runId: number, turn?: number): string => `/test_framework/v2/runs/${runId}/chat/${turn === undefined ? '' : `${turn}/`}`;
export const endPath = (runId: number): string => `/test_framework/v2/runs/${runId}/end-chat/`;
export const resultPath = (id: number): string => `/test_framework/v2/results/${id}/`;

export interface Answer {
	status: number;
	headers: Headers;
	text: string;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, read field by field in assertions
	json: any;
}

export async function call(server: CekuraServer, path: string, init: { method?: string; body?: unknown; key?: string | null } = {}): Promise<Answer> {
	const headers: Record<string, string> = { 'Content-Type': 'application/json' };
	if (init.key !== null) headers['X-CEKURA-API-KEY'] = init.key ?? DEMO_API_KEY;
	const body = init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
	const response = await fetch(server.url + path, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
	const text = await response.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, text, json };
}

/** Starts chats; asserts 200 and returns the result ID and its run IDs. */
export async function startChats(server: CekuraServer, body: Record<string, unknown>): Promise<{ resultId: number; runIds: number[] }> {
	const answer = await call(server, START, { body: { frequency: 1, name: 'VS Code: test', ...body } });
	assert.equal(answer.status, 200, answer.text);
	return { resultId: answer.json.id, runIds: answer.json.runs.map((r: { id: number }) => r.id) };
}

/** Polls a turn until it is no longer generating. */
export function settledTurn(server: CekuraServer, runId: number, turn: number): Promise<Answer> {
	return waitForValue(async () => {
		const answer = await call(server, chatPath(runId, turn));
		return answer.status === 200 && answer.json.status === 'generating' ? undefined : answer;
	}, `turn ${turn} of run ${runId}`);
}

/** Plays the agent of one run with the local agent until the caller ends the chat; returns the agent's lines. */
export async function playAgent(server: CekuraServer, runId: number, systemPrompt: string): Promise<string[]> {
	const messages: AgentTurnMessage[] = [{ role: 'system', content: systemPrompt }];
	const opening = await settledTurn(server, runId, 0);
	if (opening.json.message !== null) messages.push({ role: 'user', content: opening.json.message });
	const said: string[] = [];
	for (let turn = 0; turn < 60; turn++) {
		const line = agentReply(messages);
		assert.ok(line !== undefined, 'the agent failed');
		messages.push({ role: 'assistant', content: line });
		said.push(line);
		const submitted = await call(server, chatPath(runId), { body: { content: line } });
		assert.equal(submitted.status, 202, submitted.text);
		const reply = await settledTurn(server, runId, submitted.json.turn_id);
		assert.equal(reply.json.status, 'ready', reply.text);
		if (reply.json.ended) return said;
		messages.push({ role: 'user', content: reply.json.message });
	}
	throw new Error(`run ${runId} never ended`);
}

/** Tests `prompt` on the scenarios (once each) and returns the scored runs, in the order of `scenarios`. */
export async function simulate(server: CekuraServer, prompt: string, agentId: number, scenarios: number[]): Promise<SeedRun[]> {
	const { resultId, runIds } = await startChats(server, { agent_id: agentId, scenarios });
	await Promise.all(runIds.map((id) => playAgent(server, id, prompt)));
	await waitForValue(async () => ((await call(server, resultPath(resultId))).json.status === 'completed' ? true : undefined), `result ${resultId} completed`);
	const bulk = await call(server, `/test_framework/v2/runs/bulk/?run_ids=${runIds.join(',')}`);
	assert.equal(bulk.status, 200, bulk.text);
	return runIds.map((id) => (bulk.json as SeedRun[]).find((run) => run.id === id) as SeedRun);
}
