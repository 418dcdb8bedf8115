/**
 * Cekura's API chat (pull mode) in the local Cekura server: the client plays the agent, the server plays each
 * scenario's caller (test/server/apiChatRun.ts) and scores the finished chats (test/server/chatScoring.ts).
 * CONTRIBUTING.md ("Cekura's API") lists the routes, the modes and the timings. Authentication happens before, in
 * cekuraServer.ts, as for every route.
 */
import { ApiChatRun, type ApiChatRunInfo, type ApiChatTimings } from './apiChatRun';
import { checkInt, checkIntList, invalidPk, pythonTypeName } from './drfFields';
import { SCENARIOS, SEED_AGENTS, type SeedRun } from './seedData';

export interface ApiChatReply {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}

export type ApiChatRoute =
	| { kind: 'start' }
	| { kind: 'poll'; runId: number; turnId: number }
	| { kind: 'submit'; runId: number }
	| { kind: 'end'; runId: number }
	| { kind: 'result'; id: number };

const FIRST_RESULT_ID = 7001;
const FIRST_RUN_ID = 90001;
const MAX_FREQUENCY = 10;
const JSON_PARSE_ERROR = 'JSON parse error - Expecting value: line 1 column 1 (char 0)';
const STILL_STARTING = 'Run is still starting, or has already ended.';
const TOOL_ROLES = ['Function Call', 'Function Call Result'] as const;

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const detail = (status: number, message: string, headers?: Record<string, string>): ApiChatReply => ({ status, body: { detail: message }, headers });
const notFound = (): ApiChatReply => detail(404, 'Not found.');

interface SimResult {
	id: number;
	name: string;
	agent: number;
	createdAt: number;
	runs: ApiChatRun[];
}

function parseBody(raw: string): { data: JsonObject } | { reply: ApiChatReply } {
	let data: unknown = {};
	if (raw.trim() !== '') {
		try {
			data = JSON.parse(raw);
		} catch {
			return { reply: detail(400, JSON_PARSE_ERROR) };
		}
	}
	if (!isObject(data)) return { reply: { status: 400, body: { non_field_errors: [`Invalid data. Expected a dictionary, but got ${pythonTypeName(data)}.`] } } };
	return { data };
}

export class ApiChat {
	private results: SimResult[] = [];
	private nextResultId = FIRST_RESULT_ID;
	private nextRunId = FIRST_RUN_ID;

	constructor(private readonly timings: () => ApiChatTimings) {}

	reset(): void {
		this.results = [];
		this.nextResultId = FIRST_RESULT_ID;
		this.nextRunId = FIRST_RUN_ID;
	}

	/** The route of `path`; the chat routes are missing (404 before authentication) in mode 'removed-404'. */
	route(path: string): ApiChatRoute | undefined {
		const result = /^\/test_framework\/v2\/results\/(\d{1,15})\/$/.exec(path);
		if (result) return { kind: 'result', id: Number(result[1]) };
		if (this.timings().apiChat === 'removed-404') return undefined;
		if (/^\/test_framework\/(?:v1|v2)\/scenarios\/run_scenarios_api_chat\/$/.test(path)) return { kind: 'start' };
		const chat = /^\/test_framework\/v2\/runs\/(\d{1,15})\/(chat|end-chat)\/(?:(\d{1,15})\/)?$/.exec(path);
		if (!chat) return undefined;
		const runId = Number(chat[1]);
		if (chat[2] === 'end-chat') return chat[3] === undefined ? { kind: 'end', runId } : undefined;
		return chat[3] === undefined ? { kind: 'submit', runId } : { kind: 'poll', runId, turnId: Number(chat[3]) };
	}

	handle(route: ApiChatRoute, method: string, raw: string, now = Date.now()): ApiChatReply {
		const wanted = route.kind === 'poll' || route.kind === 'result' ? 'GET' : 'POST';
		if (route.kind === 'start' && this.timings().apiChat === 'removed-405') return detail(405, `Method "${method}" not allowed.`, { Allow: 'GET, HEAD, OPTIONS' });
		if (method !== wanted && !(wanted === 'GET' && method === 'HEAD')) return detail(405, `Method "${method}" not allowed.`, { Allow: wanted === 'GET' ? 'GET, HEAD' : 'POST, OPTIONS' });
		if (route.kind === 'start') return this.start(raw, now);
		if (route.kind === 'result') return this.result(route.id, now);
		const run = this.run(route.runId, now);
		if (!run) return notFound();
		if (route.kind === 'poll') return this.poll(run, route.turnId);
		if (route.kind === 'submit') return this.submit(run, raw, now);
		return this.endChat(run, raw, now);
	}

	/** Every simulated run as a full run, oldest first. */
	fullRuns(now = Date.now()): SeedRun[] {
		return this.allRuns(now).map((run) => run.fullRun());
	}

	infos(now = Date.now()): ApiChatRunInfo[] {
		return this.allRuns(now).map((run) => run.info());
	}

	private allRuns(now: number): ApiChatRun[] {
		const runs = this.results.flatMap((r) => r.runs);
		for (const run of runs) run.refresh(now);
		return runs;
	}

	private run(id: number, now: number): ApiChatRun | undefined {
		const run = this.results.flatMap((r) => r.runs).find((r) => r.id === id);
		run?.refresh(now);
		return run;
	}

	private start(raw: string, now: number): ApiChatReply {
		const mode = this.timings().apiChat;
		if (mode === 'forbidden') return detail(403, 'You do not have permission to perform this action.');
		const parsed = parseBody(raw);
		if ('reply' in parsed) return parsed.reply;
		const data = parsed.data;
		const errors: Record<string, string[]> = {};

		let agent: number | undefined;
		if (!('agent_id' in data) || data.agent_id === null) errors.agent_id = [data.agent_id === null ? 'This field may not be null.' : 'This field is required.'];
		else if (typeof data.agent_id !== 'number' || !Number.isInteger(data.agent_id)) errors.agent_id = [`Incorrect type. Expected pk value, received ${pythonTypeName(data.agent_id)}.`];
		else if (!SEED_AGENTS.some((a) => a.id === data.agent_id)) errors.agent_id = [invalidPk(data.agent_id)];
		else agent = data.agent_id;

		let scenarios: number[] = [];
		if (!('scenarios' in data)) errors.scenarios = ['This field is required.'];
		else {
			const ids = checkIntList(data.scenarios, false);
			if ('errors' in ids) errors.scenarios = ids.errors;
			else {
				const unknown = ids.ids.find((id) => SCENARIOS[id] === undefined || (agent !== undefined && SCENARIOS[id].agent !== agent));
				if (unknown !== undefined) errors.scenarios = [invalidPk(unknown)];
				else scenarios = ids.ids;
			}
		}

		const frequency = data.frequency ?? 1;
		const frequencyError = checkInt(frequency, 1, MAX_FREQUENCY);
		if (frequencyError) errors.frequency = [frequencyError];

		if (!('name' in data)) errors.name = ['This field is required.'];
		else if (typeof data.name !== 'string') errors.name = ['Not a valid string.'];
		else if (data.name.trim() === '') errors.name = ['This field may not be blank.'];

		const timeout = data.timeout ?? null;
		const timeoutError = timeout === null ? undefined : checkInt(timeout, 1, 3600);
		if (timeoutError) errors.timeout = [timeoutError];

		for (const field of ['personality_ids', 'test_profile_ids']) {
			if (data[field] === undefined || data[field] === null) continue;
			const ids = checkIntList(data[field], true);
			if ('errors' in ids) errors[field] = ids.errors;
		}
		if (Object.keys(errors).length > 0) return { status: 400, body: errors };
		if (mode === 'bad-request') return { status: 400, body: { agent_id: ['Chat testing is not enabled for this agent.'] } };

		const result: SimResult = { id: this.nextResultId++, name: data.name as string, agent: agent as number, createdAt: now, runs: [] };
		for (const scenario of scenarios) {
			for (let i = 0; i < (frequency as number); i++) {
				result.runs.push(new ApiChatRun(this.nextRunId++, result.id, result.name, scenario, now, timeout as number | null, this.timings, mode === 'result-failed'));
			}
		}
		this.results.push(result);
		return { status: 200, body: { ...this.resultSummary(result, now), runs: result.runs.map((r) => ({ id: r.id, scenario: r.scenario, status: r.status })) } };
	}

	private resultSummary(result: SimResult, now: number): JsonObject {
		for (const run of result.runs) run.refresh(now);
		const statuses = result.runs.map((r) => r.status);
		const scored = result.runs.map((r) => r.fullRun()).filter((r) => r.status === 'completed');
		const passed = scored.filter((r) => r.success).length;
		const status = statuses.includes('running') ? 'running' : statuses.includes('evaluating') ? 'evaluating' : statuses.includes('failed') ? 'failed' : 'completed';
		const created = new Date(result.createdAt).toISOString();
		return {
			id: result.id, name: result.name, agent: result.agent, agent_inbound: true, status, success_rate: scored.length === 0 ? 0 : passed / result.runs.length,
			run_as_text: true, is_cronjob: 'false', total_runs: result.runs.length, completed_runs: scored.length, success_runs: passed, failed_runs: scored.length - passed,
			created_at: created, updated_at: created,
		};
	}

	private result(id: number, now: number): ApiChatReply {
		const result = this.results.find((r) => r.id === id);
		if (!result) return notFound();
		const summary = this.resultSummary(result, now);
		return { status: 200, body: { ...summary, runs: Object.fromEntries(result.runs.map((r) => [String(r.id), r.fullRun()])) } };
	}

	private poll(run: ApiChatRun, turnId: number): ApiChatReply {
		const turn = run.turns.find((t) => t.id === turnId);
		if (!turn) return notFound();
		const ended = turn.ended || (run.ended && turn.id === run.turns.length - 1);
		return {
			status: 200,
			body: { run_id: run.id, result_id: run.resultId, turn_id: turn.id, status: turn.status, message: turn.message, ended, ended_reason: ended ? (run.endReason ?? null) : null },
		};
	}

	private submit(run: ApiChatRun, raw: string, now: number): ApiChatReply {
		const timings = this.timings();
		const starting = run.startedAt === undefined || (timings.apiChat === 'opening-early' && now < run.createdAt + timings.chatStartMs);
		if (timings.apiChat === 'never-starts' || starting || run.ended) return detail(409, STILL_STARTING);
		const parsed = parseBody(raw);
		if ('reply' in parsed) return parsed.reply;
		const { role, content, data, metadata } = parsed.data;
		if (metadata !== undefined && !isObject(metadata)) return { status: 400, body: { metadata: [`Expected a dictionary of items but got type "${pythonTypeName(metadata)}".`] } };
		if (role !== undefined && role !== 'Main Agent' && !TOOL_ROLES.includes(role as (typeof TOOL_ROLES)[number])) return { status: 400, body: { role: [`"${String(role)}" is not a valid choice.`] } };
		if (role === 'Function Call' || role === 'Function Call Result') {
			if (!isObject(data)) return { status: 400, body: { data: [data === undefined ? 'This field is required.' : `Expected a dictionary of items but got type "${pythonTypeName(data)}".`] } };
			Object.assign(run.metadata, metadata);
			run.recordTool(role, data, now);
			return { status: 202, body: { run_id: run.id, result_id: run.resultId, turn_id: null, status: 'recorded' } };
		}
		if (content === undefined || content === null) return { status: 400, body: { content: ['This field is required.'] } };
		if (typeof content !== 'string') return { status: 400, body: { content: ['Not a valid string.'] } };
		if (content.trim() === '') return { status: 400, body: { content: ['This field may not be blank.'] } };
		Object.assign(run.metadata, metadata);
		const turn = run.submit(content, now);
		return { status: 202, body: { run_id: run.id, result_id: run.resultId, turn_id: turn.id, status: turn.status } };
	}

	private endChat(run: ApiChatRun, raw: string, now: number): ApiChatReply {
		const parsed = parseBody(raw);
		if ('reply' in parsed) return parsed.reply;
		const reason = parsed.data.reason ?? 'main_agent_ended_call';
		if (typeof reason !== 'string') return { status: 400, body: { reason: ['Not a valid string.'] } };
		run.end(now, 'client', reason);
		run.refresh(now);
		return { status: 200, body: { run_id: run.id, result_id: run.resultId, status: run.status } };
	}
}
