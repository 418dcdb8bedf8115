/**
 * A local, Cekura-compatible HTTP server for the demo, tests and benchmarks. It follows the
 * documented contract summarised in CONTRIBUTING.md ("Cekura's API"): DRF-style errors, trailing
 * slashes, absolute pagination links, and switchable failure modes for the improve endpoint. Cekura's API chat
 * (the client plays the agent, the server the caller, then scores the chats) lives in apiChat.ts.
 */
import type * as http from 'node:http';
import { ApiChat } from './apiChat';
import type { ApiChatMode, ApiChatRunInfo } from './apiChatRun';
import { improvePrompt, NO_CHANGES_SUMMARY } from './improver';
import { LoopbackServer, trackResponse, parseRecordedBody, type ApiRequest, type LoopbackListenOptions } from './loopbackServer';
import { checkIntList, pythonTypeName } from './drfFields';
import { findRun, listRunItem, projectOfAgent, SEED_AGENTS, SEED_RUNS, type SeedRun } from './seedData';

export const DEMO_API_KEY = 'ck_demo_local';

export type ImproveMode =
	| 'ok'
	| 'removed-404'
	| 'removed-405'
	| 'forbidden'
	| 'throttled'
	| 'throttled-once'
	| 'server-error'
	| 'unavailable-once'
	| 'slow'
	| 'not-json'
	| 'missing-improved-prompt'
	| 'unchanged'
	| 'redirect-other-origin';

export type ListMode = 'ok' | 'forbidden' | 'removed-404' | 'server-error';
/** `wrong-types`: the runs with fields of the wrong type (a number for text, an object for a list), as a drifted schema sends them. */
export type BulkMode = ListMode | 'wrong-types';

export interface CekuraServerOptions extends LoopbackListenOptions {
	/** Default [DEMO_API_KEY]. */
	apiKeys?: string[];
}

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	/** Parsed JSON, the raw text when it is not JSON, or undefined without a body. */
	body: unknown;
	apiKeyValid: boolean;
	apiKeyPresent: boolean;
	aborted: boolean;
	at: number;
	/** When the answer was sent in full (Date.now()). */
	answeredAt?: number;
	/** The status it was answered with. */
	answeredStatus?: number;
}

/** The body improve_prompt takes. */
export interface ImproveBody {
	prompt: string;
	run_ids: number[];
	category_ids?: number[];
	workflow_metric_ids?: number[];
}

export type ImproveRecord = RecordedRequest & { body: ImproveBody };

export interface ServerModes {
	improve: ImproveMode;
	runsList: ListMode;
	runsBulk: BulkMode;
	delayMs: number;
	retryAfterSeconds: number;
	/** The largest page_size honoured (Cekura documents no maximum); default 100. */
	maxPageSize: number;
	/** API chat: 'ok' or a failure (see CONTRIBUTING.md, "Cekura's API"). */
	apiChat: ApiChatMode;
	/** How long a simulated run is starting (409 to a submission); default 200. */
	chatStartMs: number;
	/** How long a caller reply is generating; default 50. */
	callerDelayMs: number;
	/** How long an ended run is evaluating before it is scored; default 100. */
	scoreMs: number;
}

export interface CekuraServer {
	/** E.g. 'http://127.0.0.1:43210', without a trailing slash. */
	readonly url: string;
	readonly port: number;
	/** Every API request, oldest first (not the /__control/ ones). */
	readonly requests: readonly RecordedRequest[];
	/** The improve_prompt POSTs among them. */
	improveRequests(): ImproveRecord[];
	/** Every API-chat conversation started, oldest first, brought up to now. */
	apiChatRuns(): ApiChatRunInfo[];
	setModes(modes: Partial<ServerModes>): void;
	/** Modes back to their defaults, requests cleared. */
	reset(): void;
	/** Closes the server and destroys open sockets, pending 'slow' answers included. */
	close(): Promise<void>;
}

const IMPROVE_MODES: readonly ImproveMode[] = [
	'ok',
	'removed-404',
	'removed-405',
	'forbidden',
	'throttled',
	'throttled-once',
	'server-error',
	'unavailable-once',
	'slow',
	'not-json',
	'missing-improved-prompt',
	'unchanged',
	'redirect-other-origin',
];
const LIST_MODES: readonly ListMode[] = ['ok', 'forbidden', 'removed-404', 'server-error'];
const BULK_MODES: readonly BulkMode[] = [...LIST_MODES, 'wrong-types'];
const API_CHAT_MODES: readonly ApiChatMode[] = ['ok', 'removed-404', 'removed-405', 'forbidden', 'bad-request', 'never-starts', 'opening-early', 'caller-error', 'never-ends', 'result-failed'];

const DEFAULT_MODES: Readonly<ServerModes> = {
	improve: 'ok',
	runsList: 'ok',
	runsBulk: 'ok',
	delayMs: 30_000,
	retryAfterSeconds: 1,
	maxPageSize: 100,
	apiChat: 'ok',
	chatStartMs: 200,
	callerDelayMs: 50,
	scoreMs: 100,
};

const DEFAULT_PAGE_SIZE = 30;
const MAX_IMPROVE_RUNS = 3;
const IMPROVE_PATH = '/test_framework/v1/runs/improve_prompt/';
const JSON_PARSE_ERROR = 'JSON parse error - Expecting value: line 1 column 1 (char 0)';
const NOT_JSON_BODY = '<html><body>Gateway login</body></html>';

type Route = { kind: 'list' } | { kind: 'bulk' } | { kind: 'detail'; id: number } | { kind: 'improve' } | { kind: 'agent'; id: number };

interface Reply {
	status: number;
	/** JSON-serialised unless `text` is given. */
	body?: unknown;
	text?: string;
	contentType?: string;
	headers?: Record<string, string>;
}

type JsonObject = Record<string, unknown>;

function detail(status: number, message: string, headers?: Record<string, string>): Reply {
	return { status, body: { detail: message }, headers };
}

const notFound = (): Reply => detail(404, 'Not found.');
const methodNotAllowed = (method: string, allow: string): Reply => detail(405, `Method "${method}" not allowed.`, { Allow: allow });
const serverError = (): Reply => detail(500, 'Internal server error');

function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function matchRoute(path: string): Route | undefined {
	// An agent (§14.4): the project it belongs to is what links a run to Cekura's dashboard.
	const agent = /^\/test_framework\/(?:v1|v2)\/aiagents\/(\d{1,15})\/$/.exec(path);
	if (agent) return { kind: 'agent', id: Number(agent[1]) };
	const m = /^\/test_framework\/(v1\/runs|v2\/runs|v1\/runs-external)\/(.*)$/.exec(path);
	if (!m) return undefined;
	const [, base, rest] = m;
	if (rest === '') return { kind: 'list' };
	if (rest === 'bulk/') return { kind: 'bulk' };
	if (rest === 'improve_prompt/' && base !== 'v2/runs') return { kind: 'improve' };
	const id = /^(\d{1,15})\/$/.exec(rest);
	return id ? { kind: 'detail', id: Number(id[1]) } : undefined;
}

function send(res: http.ServerResponse, reply: Reply): void {
	if (res.headersSent || res.destroyed) return;
	const text = reply.text ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
	const headers: Record<string, string> = { ...reply.headers, 'Content-Length': String(Buffer.byteLength(text)) };
	if (reply.contentType !== undefined) headers['Content-Type'] = reply.contentType;
	else if (reply.body !== undefined) headers['Content-Type'] = 'application/json';
	res.writeHead(reply.status, headers);
	res.end(text);
}

/** Checks a `Partial<ServerModes>`; returns the error message for anything unknown. */
/** A run with fields of the wrong type: instructions as a number, categories as an object, metric names as numbers, turns as text. */
function wrongTyped(run: SeedRun): JsonObject {
	return {
		...run,
		scenario_instructions: 42,
		critical_categories: Object.fromEntries(run.critical_categories.map((c) => [c.category_id, c])),
		evaluation: { metrics: run.evaluation.metrics.map((m) => ({ ...m, name: m.id })) },
		transcript_object: 'not a list',
	};
}

function checkModes(input: unknown): Partial<ServerModes> | string {
	if (!isObject(input)) return 'Expected a JSON object of modes.';
	const modes: Partial<ServerModes> = {};
	for (const [key, value] of Object.entries(input)) {
		switch (key) {
			case 'improve':
				if (!IMPROVE_MODES.includes(value as ImproveMode)) return `Unknown improve mode: ${JSON.stringify(value)}. Expected one of ${IMPROVE_MODES.join(', ')}.`;
				modes.improve = value as ImproveMode;
				break;
			case 'runsList':
				if (!LIST_MODES.includes(value as ListMode)) return `Unknown ${key} mode: ${JSON.stringify(value)}. Expected one of ${LIST_MODES.join(', ')}.`;
				modes[key] = value as ListMode;
				break;
			case 'runsBulk':
				if (!BULK_MODES.includes(value as BulkMode)) return `Unknown ${key} mode: ${JSON.stringify(value)}. Expected one of ${BULK_MODES.join(', ')}.`;
				modes[key] = value as BulkMode;
				break;
			case 'maxPageSize':
				if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) return `${key} must be a positive integer.`;
				modes[key] = value;
				break;
			case 'apiChat':
				if (!API_CHAT_MODES.includes(value as ApiChatMode)) return `Unknown ${key} mode: ${JSON.stringify(value)}. Expected one of ${API_CHAT_MODES.join(', ')}.`;
				modes[key] = value as ApiChatMode;
				break;
			case 'delayMs':
			case 'retryAfterSeconds':
			case 'chatStartMs':
			case 'callerDelayMs':
			case 'scoreMs':
				if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return `${key} must be a non-negative integer.`;
				modes[key] = value;
				break;
			default:
				return `Unknown mode: ${key}.`;
		}
	}
	return modes;
}

function pageUrl(base: string, params: URLSearchParams, page: number): string {
	// Like DRF's replace_query_param/remove_query_param: page 1 drops the parameter, and the query is sorted.
	const query = new URLSearchParams(params);
	if (page === 1) query.delete('page');
	else query.set('page', String(page));
	query.sort();
	const text = query.toString();
	return text === '' ? base : `${base}?${text}`;
}

function positiveInt(text: string | null): number | undefined {
	if (text === null || !/^\s*\+?\d+\s*$/.test(text)) return undefined;
	const n = Number(text);
	return n > 0 ? n : undefined;
}

class LocalCekuraServer implements CekuraServer {
	private readonly loopback: LoopbackServer<ServerModes>;
	private readonly apiKeys: ReadonlySet<string>;
	private modes: ServerModes = { ...DEFAULT_MODES };
	private log: RecordedRequest[] = [];
	private throttledOnceUsed = false;
	private unavailableOnceUsed = false;
	private readonly apiChat = new ApiChat(() => this.modes);

	constructor(host: string | undefined, apiKeys: readonly string[]) {
		this.apiKeys = new Set(apiKeys);
		this.loopback = new LoopbackServer({
			host,
			name: 'local Cekura server',
			handle: (request, res) => this.handle(request, res),
			internalError: { status: 500, body: { detail: 'Internal server error' } },
			control: {
				modes: () => this.modes,
				checkModes,
				setModes: (modes) => this.setModes(modes),
				reset: () => this.reset(),
				requests: () => this.log,
				notJsonDetail: JSON_PARSE_ERROR,
			},
		});
	}

	listen(port?: number): Promise<void> {
		return this.loopback.listen(port);
	}

	get port(): number {
		return this.loopback.port;
	}

	get url(): string {
		return this.loopback.origin;
	}

	improveRequests(): ImproveRecord[] {
		return this.log.filter((r): r is ImproveRecord => r.method === 'POST' && r.path.endsWith('/improve_prompt/'));
	}

	apiChatRuns(): ApiChatRunInfo[] {
		return this.apiChat.infos();
	}

	get requests(): readonly RecordedRequest[] {
		return [...this.log];
	}

	setModes(modes: Partial<ServerModes>): void {
		const checked = checkModes(modes);
		if (typeof checked === 'string') throw new TypeError(checked);
		this.modes = { ...this.modes, ...checked };
		if (checked.improve !== undefined) {
			this.throttledOnceUsed = false;
			this.unavailableOnceUsed = false;
		}
	}

	reset(): void {
		this.modes = { ...DEFAULT_MODES };
		this.log = [];
		this.throttledOnceUsed = false;
		this.unavailableOnceUsed = false;
		this.apiChat.reset();
	}

	close(): Promise<void> {
		return this.loopback.close();
	}

	private async handle({ method, url, body: raw, headers, at }: ApiRequest, res: http.ServerResponse): Promise<void> {
		const header = headers['x-cekura-api-key'];
		const key = Array.isArray(header) ? header[0] : header;
		const record: RecordedRequest = {
			method,
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			body: parseRecordedBody(raw),
			apiKeyPresent: key !== undefined && key !== '',
			apiKeyValid: key !== undefined && this.apiKeys.has(key),
			aborted: false,
			at,
		};
		this.log.push(record);
		trackResponse(record, res);

		const reply = await this.api(method, url, raw, record, headers.host ?? this.loopback.hostHeader, res);
		if (reply) send(res, reply);
	}

	/** Returns undefined when no answer must be sent (the client went away during a 'slow' wait). */
	private async api(method: string, url: URL, raw: string, record: RecordedRequest, hostHeader: string, res: http.ServerResponse): Promise<Reply | undefined> {
		// Django resolves the URL before DRF authenticates, so unknown paths are 404 even without a key.
		const chatRoute = this.apiChat.route(url.pathname);
		const route = chatRoute ? undefined : matchRoute(url.pathname);
		if (!route && !chatRoute) return notFound();

		if (route?.kind === 'improve') {
			// Failures that happen in front of the application (gateway, load balancer), before authentication.
			const gateway = this.improveGateway();
			if (gateway) return gateway;
		}

		if (!record.apiKeyPresent) return detail(401, 'Authentication credentials were not provided.');
		if (!record.apiKeyValid) return detail(401, 'Invalid API key');
		if (chatRoute) return this.apiChat.handle(chatRoute, method, raw);
		if (!route) return notFound();

		if (route.kind === 'improve') return this.improve(method, raw, res);
		if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(method, 'GET, HEAD');
		switch (route.kind) {
			case 'list':
				return this.listMode(this.modes.runsList) ?? this.listRuns(url, hostHeader);
			case 'bulk':
				return this.listMode(this.modes.runsBulk) ?? this.bulkRuns(url.searchParams, this.modes.runsBulk === 'wrong-types');
			case 'detail': {
				const run = this.findAnyRun(route.id);
				return run ? { status: 200, body: run } : notFound();
			}
			case 'agent': {
				const agent = SEED_AGENTS.find((a) => a.id === route.id);
				if (!agent) return notFound();
				const { id, agent_name, project, organization, inbound_number } = agent;
				return { status: 200, body: { id, project, organization, agent_name, language: 'en', inbound: true, contact_number: inbound_number, assistant_provider: 'vapi', auto_sync_prompt_enabled: false } };
			}
		}
	}

	/** A seeded run, or a simulated one of API chat. */
	private findAnyRun(id: number): SeedRun | undefined {
		return findRun(id) ?? this.apiChat.fullRuns().find((run) => run.id === id);
	}

	private improveGateway(): Reply | undefined {
		switch (this.modes.improve) {
			case 'removed-404':
				return notFound();
			case 'redirect-other-origin':
				return { status: 307, text: '', headers: { Location: `http://127.0.0.2:${this.loopback.port}${IMPROVE_PATH}` } };
			case 'unavailable-once':
				if (this.unavailableOnceUsed) return undefined;
				this.unavailableOnceUsed = true;
				return detail(503, 'Service temporarily unavailable, try again later.');
			case 'not-json':
				return { status: 200, text: NOT_JSON_BODY, contentType: 'text/html; charset=utf-8' };
			default:
				return undefined;
		}
	}

	private listMode(mode: BulkMode): Reply | undefined {
		switch (mode) {
			case 'forbidden':
				return detail(403, 'You do not have permission to perform this action.');
			case 'removed-404':
				return notFound();
			case 'server-error':
				return serverError();
			default:
				return undefined;
		}
	}

	private listRuns(url: URL, hostHeader: string): Reply {
		const params = url.searchParams;
		const errors: Record<string, string[]> = {};
		const intParam = (name: string): number | undefined => {
			const value = params.get(name)?.trim();
			if (value === undefined || value === '') return undefined;
			if (!/^-?\d+$/.test(value)) {
				errors[name] = ['Enter a number.'];
				return undefined;
			}
			return Number(value);
		};
		const intListParam = (name: string): number[] | undefined => {
			const value = params.get(name)?.trim();
			if (value === undefined || value === '') return undefined;
			const parts = value.split(',').map((part) => part.trim());
			if (!parts.every((part) => /^-?\d+$/.test(part))) {
				errors[name] = ['Enter a number.'];
				return undefined;
			}
			return parts.map(Number);
		};

		const agentId = intParam('agent_id');
		const projectId = intParam('project_id');
		const resultId = intParam('result_id');
		const id = intParam('id');
		const idIn = intListParam('id__in');
		if (Object.keys(errors).length > 0) return { status: 400, body: errors };

		const successText = params.get('success')?.trim().toLowerCase();
		const success = successText === 'true' || successText === '1' ? true : successText === 'false' || successText === '0' ? false : undefined;
		const status = params.get('status')?.trim() || undefined;
		const statusIn = params.get('status__in')?.split(',').map((s) => s.trim()).filter((s) => s !== '');
		const search = params.get('search')?.trim().toLowerCase() || undefined;

		const runs = [...SEED_RUNS, ...this.apiChat.fullRuns()].filter(
			(run) =>
				(agentId === undefined || run.agent === agentId) &&
				(projectId === undefined || projectOfAgent(run.agent) === projectId) &&
				(resultId === undefined || run.result_id === resultId) &&
				(id === undefined || run.id === id) &&
				(idIn === undefined || idIn.includes(run.id)) &&
				(success === undefined || run.success === success) &&
				(status === undefined || run.status === status) &&
				(statusIn === undefined || statusIn.length === 0 || statusIn.includes(run.status)) &&
				(search === undefined || run.scenario_name.toLowerCase().includes(search) || String(run.id) === search),
		).sort((a, b) => b.timestamp.localeCompare(a.timestamp) || b.id - a.id);

		const pageSize = Math.min(positiveInt(params.get('page_size')) ?? DEFAULT_PAGE_SIZE, this.modes.maxPageSize);
		const pageCount = Math.max(1, Math.ceil(runs.length / pageSize));
		const pageText = params.get('page');
		const page = pageText === null ? 1 : pageText === 'last' ? pageCount : positiveInt(pageText);
		if (page === undefined || page > pageCount) return detail(404, 'Invalid page.');

		const base = `http://${hostHeader}${url.pathname}`;
		return {
			status: 200,
			body: {
				count: runs.length,
				next: page < pageCount ? pageUrl(base, params, page + 1) : null,
				previous: page > 1 ? pageUrl(base, params, page - 1) : null,
				results: runs.slice((page - 1) * pageSize, page * pageSize).map(listRunItem),
			},
		};
	}

	private bulkRuns(params: URLSearchParams, wrongTypes: boolean): Reply {
		const value = params.get('run_ids')?.trim();
		if (value === undefined || value === '') return { status: 400, body: { run_ids: ['This field is required.'] } };
		const parts = value.split(',').map((part) => part.trim());
		if (!parts.every((part) => /^\d{1,15}$/.test(part) && Number(part) > 0)) {
			return { status: 400, body: { run_ids: ['run_ids must be comma-separated integers'] } };
		}
		const agentId = positiveInt(params.get('agent_id'));
		const projectId = positiveInt(params.get('project_id'));
		const resultId = positiveInt(params.get('result_id'));
		const runs: SeedRun[] = [];
		for (const id of new Set(parts.map(Number))) {
			const run = this.findAnyRun(id);
			if (!run) continue;
			if (agentId !== undefined && run.agent !== agentId) continue;
			if (projectId !== undefined && projectOfAgent(run.agent) !== projectId) continue;
			if (resultId !== undefined && run.result_id !== resultId) continue;
			runs.push(run);
		}
		return { status: 200, body: wrongTypes ? runs.map(wrongTyped) : runs };
	}

	private async improve(method: string, raw: string, res: http.ServerResponse): Promise<Reply | undefined> {
		const mode = this.modes.improve;
		if (mode === 'removed-405') return methodNotAllowed(method, 'OPTIONS');
		if (method !== 'POST') return methodNotAllowed(method, 'POST, OPTIONS');
		if (mode === 'forbidden') return detail(403, 'You do not have permission to perform this action.');

		// DRF throttles after authentication and before the view validates anything.
		if (mode === 'throttled' || (mode === 'throttled-once' && !this.throttledOnceUsed)) {
			if (mode === 'throttled-once') this.throttledOnceUsed = true;
			const wait = this.modes.retryAfterSeconds;
			return detail(429, `Request was throttled. Expected available in ${wait} second${wait === 1 ? '' : 's'}.`, { 'Retry-After': String(wait) });
		}

		let data: unknown = {};
		if (raw.trim() !== '') {
			try {
				data = JSON.parse(raw);
			} catch {
				return detail(400, JSON_PARSE_ERROR);
			}
		}
		if (!isObject(data)) {
			return { status: 400, body: { non_field_errors: [`Invalid data. Expected a dictionary, but got ${pythonTypeName(data)}.`] } };
		}
		const checked = this.validateImprove(data);
		if ('errors' in checked) return { status: 400, body: checked.errors };
		const { prompt, runs, categoryIds, workflowMetricIds } = checked;

		switch (mode) {
			case 'server-error':
				return serverError();
			case 'unchanged':
				return { status: 200, body: { improved_prompt: prompt, summary_of_changes: NO_CHANGES_SUMMARY } };
			case 'missing-improved-prompt':
				return { status: 200, body: { summary_of_changes: improvePrompt(prompt, runs, categoryIds, workflowMetricIds).summary_of_changes } };
			case 'slow':
				if (!(await this.loopback.wait(this.modes.delayMs, res))) return undefined;
				break;
			default:
				break;
		}
		return { status: 200, body: improvePrompt(prompt, runs, categoryIds, workflowMetricIds) };
	}

	private validateImprove(
		data: JsonObject,
	): { errors: Record<string, string[]> } | { prompt: string; runs: SeedRun[]; categoryIds?: number[]; workflowMetricIds?: number[] } {
		const errors: Record<string, string[]> = {};

		let prompt = '';
		if (!('prompt' in data)) errors.prompt = ['This field is required.'];
		else if (data.prompt === null) errors.prompt = ['This field may not be null.'];
		else if (typeof data.prompt !== 'string') errors.prompt = ['Not a valid string.'];
		else if (data.prompt.trim() === '') errors.prompt = ['This field may not be blank.'];
		else prompt = data.prompt;

		const runs: SeedRun[] = [];
		if (!('run_ids' in data)) {
			errors.run_ids = ['This field is required.'];
		} else {
			const ids = checkIntList(data.run_ids, false, MAX_IMPROVE_RUNS);
			if ('errors' in ids) {
				errors.run_ids = ids.errors;
			} else {
				const missing: number[] = [];
				for (const id of ids.ids) {
					const run = findRun(id);
					if (run) {
						if (!runs.includes(run)) runs.push(run);
					} else if (!missing.includes(id)) {
						missing.push(id);
					}
				}
				if (missing.length > 0) errors.run_ids = [`Invalid run IDs or runs not found: ${missing.join(', ')}`];
			}
		}

		const optionalList = (name: 'category_ids' | 'workflow_metric_ids'): number[] | undefined => {
			if (!(name in data)) return undefined;
			const ids = checkIntList(data[name], true);
			if ('errors' in ids) {
				errors[name] = ids.errors;
				return undefined;
			}
			return ids.ids;
		};
		const categoryIds = optionalList('category_ids');
		const workflowMetricIds = optionalList('workflow_metric_ids');

		if (Object.keys(errors).length > 0) return { errors };
		return { prompt, runs, categoryIds, workflowMetricIds };
	}
}

export async function startCekuraServer(options: CekuraServerOptions = {}): Promise<CekuraServer> {
	const server = new LocalCekuraServer(options.host, options.apiKeys ?? [DEMO_API_KEY]);
	await server.listen(options.port);
	return server;
}
