/**
 * A local, deterministic OpenAI-compatible Chat Completions server for tests and the demo. It answers like a model:
 * it reads the prompt and the run evidence that `buildModelRequest` wrote, runs the local improver on the prompt and
 * the runs named in the evidence, and returns `{"improved_prompt", "summary_of_changes"}` as text, or, when the
 * instructions ask for edits, the same change as `{"edits": [{"find", "replace"}], "summary_of_changes"}`
 * (`editAnswers.ts`; 'edits' pauses after each edit; the `edit-…`/`edits-overlap` modes spoil the first answer, and
 * with `-twice` the second). 'length' cuts a whole-prompt answer at the output limit, 'length-always' every answer;
 * 'structured-refused' answers 400 to a request with `response_format`. A request without
 * the prompt markers is an agent turn of a simulated chat: the deterministic agent of simulatedAgent.ts answers it
 * (its system prompt the prompt under test; `#agent-fail` in it answers HTTP 500). It binds to loopback only and can
 * be switched into failure modes (`POST /__control/modes`), like the local Cekura server.
 */
import type * as http from 'node:http';
import { CORRECTION_HEADING, EDITS_SHAPE, EVIDENCE_BEGIN, EVIDENCE_END } from '../../src/improve/core/modelInstructions';
import { PROMPT_BEGIN, PROMPT_END } from '../../src/improve/core/modelPrompt';
import { editEnds, editsAnswer, SPOILED_EDIT_MODES, type SpoiledEditMode } from './editAnswers';
import { improvePrompt } from './improver';
import { LoopbackServer, trackResponse, parseRecordedBody, sendJson, type ApiRequest, type JsonReply, type LoopbackListenOptions } from './loopbackServer';
import { findRun, type SeedRun } from './seedData';
import { agentReply, AGENT_FAIL_MARKER, type AgentTurnMessage } from './simulatedAgent';

export type OpenAiMode =
	| 'stream'
	| 'no-stream'
	| 'unauthorized'
	| 'throttled'
	| 'throttled-once'
	| 'server-error'
	| 'cut-stream'
	| 'length'
	| 'length-always'
	| 'not-json'
	| 'slow-first-token'
	| 'unknown-model'
	| 'redirect-other-origin'
	| 'drop-placeholder'
	| 'edits'
	| SpoiledEditMode
	| 'structured-refused';

export const OPENAI_MODES: readonly OpenAiMode[] = [
	'stream',
	'no-stream',
	'unauthorized',
	'throttled',
	'throttled-once',
	'server-error',
	'cut-stream',
	'length',
	'length-always',
	'not-json',
	'slow-first-token',
	'unknown-model',
	'redirect-other-origin',
	'drop-placeholder',
	'edits',
	...SPOILED_EDIT_MODES,
	'structured-refused',
];

export interface OpenAiServerModes {
	mode: OpenAiMode;
	/** For 'slow-first-token'. */
	delayMs: number;
	/** For 'throttled' and 'throttled-once'. */
	retryAfterSeconds: number;
	/** Bytes per write of a streamed answer; small values split lines and UTF-8 characters across writes. */
	chunkBytes: number;
	/** For 'edits': the pause after each edit of a streamed answer, so each arrives on its own. */
	editPauseMs: number;
	/**
	 * For 'edits': how fast the answer is written, in characters per second (a model at 50 tokens/s writes about 200);
	 * 0, the default, writes all that precedes each pause at once.
	 */
	charsPerSecond: number;
}

export interface OpenAiServerOptions extends LoopbackListenOptions {
	/** When set, requests must carry `Authorization: Bearer <apiKey>`; none by default, like Ollama. */
	apiKey?: string;
	/** Default ['local-improver', 'local-improver-mini']. */
	models?: string[];
}

export interface RecordedOpenAiRequest {
	method: string;
	path: string;
	/** Lower-case header names; the Authorization value is never kept. */
	headers: Record<string, string>;
	authorizationPresent: boolean;
	/** Whether the Bearer token equals the configured key; true when no key is required (any or none is accepted). */
	authorizationMatched: boolean;
	/** Parsed JSON, the raw text when it is not JSON, or undefined without a body. */
	body: unknown;
	aborted: boolean;
	at: number;
	/** When the answer was sent in full (Date.now()). */
	answeredAt?: number;
	/** In 'edits', when each edit had been written, before the pause after it (Date.now()). */
	editsWrittenAt?: number[];
}

export interface OpenAiServer {
	/** E.g. 'http://127.0.0.1:43210/v1', without a trailing slash. */
	readonly url: string;
	readonly port: number;
	/** Every API request, oldest first (not the /__control/ ones). */
	readonly requests: readonly RecordedOpenAiRequest[];
	setModes(modes: Partial<OpenAiServerModes>): void;
	/** Modes back to their defaults, requests cleared. */
	reset(): void;
	/** Closes the server and destroys open sockets, pending slow answers included. */
	close(): Promise<void>;
}

export const NOT_JSON_ANSWER = 'I looked at the runs. The agent should confirm bookings before it ends a call, and verify callers first.';

const DEFAULT_MODES: Readonly<OpenAiServerModes> = { mode: 'stream', delayMs: 30_000, retryAfterSeconds: 1, chunkBytes: 24, editPauseMs: 40, charsPerSecond: 0 };
const DEFAULT_MODELS = ['local-improver', 'local-improver-mini'];
const CREATED = 1_786_000_000;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function apiError(status: number, message: string, type: string, code: string | null, headers?: Record<string, string>): JsonReply {
	return { status, body: { error: { message, type, param: null, code } }, headers };
}

function checkModes(input: unknown): Partial<OpenAiServerModes> | string {
	if (!isObject(input)) return 'Expected a JSON object of modes.';
	const modes: Partial<OpenAiServerModes> = {};
	for (const [key, value] of Object.entries(input)) {
		switch (key) {
			case 'mode':
				if (!OPENAI_MODES.includes(value as OpenAiMode)) return `Unknown mode: ${JSON.stringify(value)}. Expected one of ${OPENAI_MODES.join(', ')}.`;
				modes.mode = value as OpenAiMode;
				break;
			case 'delayMs':
			case 'retryAfterSeconds':
			case 'editPauseMs':
			case 'charsPerSecond':
				if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return `${key} must be a non-negative integer.`;
				modes[key] = value;
				break;
			case 'chunkBytes':
				if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) return `${key} must be a positive integer.`;
				modes[key] = value;
				break;
			default:
				return `Unknown mode: ${key}.`;
		}
	}
	return modes;
}

/** Whether the instructions ask for the edit format (`modelInstructions('edits')`). */
function asksForEdits(messages: readonly JsonObject[]): boolean {
	return messages.some((m) => typeof m.content === 'string' && m.content.includes(EDITS_SHAPE));
}

/** An agent turn of a simulated chat: no message carries the improve request's prompt marker. */
function agentMessages(messages: readonly JsonObject[]): AgentTurnMessage[] | undefined {
	if (messages.some((m) => typeof m.content === 'string' && m.content.includes(PROMPT_BEGIN))) return undefined;
	return messages.map((m) => ({ role: m.role === 'system' || m.role === 'assistant' ? m.role : 'user', content: typeof m.content === 'string' ? m.content : '' }));
}

/** What a model would make of the messages: the prompt between the markers, the runs and the focus in the evidence. */
function answerFor(messages: readonly JsonObject[]): { prompt: string; runs: SeedRun[]; answer: { improved_prompt: string; summary_of_changes: string } } | undefined {
	const text = messages.map((m) => (typeof m.content === 'string' ? m.content : '')).join('\n');
	const begin = text.indexOf(`${PROMPT_BEGIN}\n`);
	const end = text.lastIndexOf(`\n${PROMPT_END}`);
	if (begin < 0 || end < begin) return undefined;
	const prompt = text.slice(begin + PROMPT_BEGIN.length + 1, end);
	const from = text.indexOf(`\n${EVIDENCE_BEGIN}\n`, end);
	const to = text.lastIndexOf(`\n${EVIDENCE_END}\n`);
	// Recorded texts are JSON strings: only what is outside them is the request's structure (run headings, tags).
	const evidence = from < 0 || to < from ? '' : text.slice(from, to).replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
	const runs: SeedRun[] = [];
	for (const m of evidence.matchAll(/^## Run (\d+)/gm)) {
		const run = findRun(Number(m[1]));
		if (run && !runs.includes(run)) runs.push(run);
	}
	const metricIds = [...evidence.matchAll(/\[focus\] "" \(metric (\d+)\)/g)].map((m) => Number(m[1]));
	const categoryIds = [...evidence.matchAll(/\[focus\] "" \(category (\d+)[,)]/g)].map((m) => Number(m[1]));
	return { prompt, runs, answer: improvePrompt(prompt, runs, categoryIds, metricIds) };
}

class LocalOpenAiServer implements OpenAiServer {
	private readonly loopback: LoopbackServer<OpenAiServerModes>;
	private readonly models: readonly string[];
	private modes: OpenAiServerModes = { ...DEFAULT_MODES };
	private log: RecordedOpenAiRequest[] = [];
	private throttledOnceUsed = false;

	constructor(
		host: string | undefined,
		private readonly apiKey: string | undefined,
		models: readonly string[],
	) {
		this.models = models;
		this.loopback = new LoopbackServer({
			host,
			name: 'local OpenAI-compatible server',
			handle: (request, res) => this.handle(request, res),
			internalError: apiError(500, 'Internal error of the test server.', 'server_error', null),
			control: {
				modes: () => this.modes,
				checkModes,
				setModes: (modes) => this.setModes(modes),
				reset: () => this.reset(),
				requests: () => this.log,
				notJsonDetail: 'Expected a JSON object of modes.',
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
		return `${this.loopback.origin}/v1`;
	}

	get requests(): readonly RecordedOpenAiRequest[] {
		return [...this.log];
	}

	setModes(modes: Partial<OpenAiServerModes>): void {
		const checked = checkModes(modes);
		if (typeof checked === 'string') throw new TypeError(checked);
		this.modes = { ...this.modes, ...checked };
		if (checked.mode !== undefined) this.throttledOnceUsed = false;
	}

	reset(): void {
		this.modes = { ...DEFAULT_MODES };
		this.log = [];
		this.throttledOnceUsed = false;
	}

	close(): Promise<void> {
		return this.loopback.close();
	}

	private async handle({ method, url, body: raw, headers: requestHeaders, at }: ApiRequest, res: http.ServerResponse): Promise<void> {
		const authorization = requestHeaders.authorization;
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(requestHeaders)) {
			if (name !== 'authorization' && value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
		}
		const record: RecordedOpenAiRequest = {
			method,
			path: url.pathname,
			headers,
			authorizationPresent: authorization !== undefined,
			authorizationMatched: this.apiKey === undefined || authorization === `Bearer ${this.apiKey}`,
			body: parseRecordedBody(raw),
			aborted: false,
			at,
		};
		this.log.push(record);
		trackResponse(record, res);
		await this.api(method, url.pathname, record, res);
	}

	private async api(method: string, path: string, record: RecordedOpenAiRequest, res: http.ServerResponse): Promise<void> {
		const mode = this.modes.mode;
		if (path !== '/v1/chat/completions' && path !== '/v1/models') {
			sendJson(res, apiError(404, `Unknown request URL: ${method} ${path}.`, 'invalid_request_error', 'unknown_url'));
			return;
		}
		if (mode === 'redirect-other-origin') {
			res.writeHead(307, { Location: `http://127.0.0.2:${this.loopback.port}${path}`, 'Content-Length': '0' }).end();
			return;
		}
		if (mode === 'unauthorized' || !record.authorizationMatched) {
			const message = record.authorizationPresent ? 'Incorrect API key provided.' : "You didn't provide an API key.";
			sendJson(res, apiError(401, message, 'invalid_request_error', 'invalid_api_key'));
			return;
		}
		if (path === '/v1/models') {
			if (method !== 'GET') return sendJson(res, apiError(405, 'Use GET.', 'invalid_request_error', null));
			sendJson(res, { status: 200, body: { object: 'list', data: this.models.map((id) => ({ id, object: 'model', created: CREATED, owned_by: 'local' })) } });
			return;
		}
		if (method !== 'POST') return sendJson(res, apiError(405, 'Use POST.', 'invalid_request_error', null));
		if (mode === 'throttled' || (mode === 'throttled-once' && !this.throttledOnceUsed)) {
			if (mode === 'throttled-once') this.throttledOnceUsed = true;
			const wait = this.modes.retryAfterSeconds;
			sendJson(res, apiError(429, `Rate limit reached for requests. Please try again in ${wait}s.`, 'requests', 'rate_limit_exceeded', { 'Retry-After': String(wait) }));
			return;
		}
		if (mode === 'server-error') {
			sendJson(res, apiError(500, 'The server had an error while processing your request. Sorry about that!', 'server_error', null));
			return;
		}
		const body = isObject(record.body) ? record.body : {};
		const model = typeof body.model === 'string' ? body.model : '';
		if (mode === 'unknown-model' || !this.models.includes(model)) {
			sendJson(res, apiError(404, `The model \`${model}\` does not exist or you do not have access to it.`, 'invalid_request_error', 'model_not_found'));
			return;
		}
		if (mode === 'structured-refused' && body.response_format !== undefined) {
			sendJson(res, apiError(400, "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.", 'invalid_request_error', null));
			return;
		}
		const messages = Array.isArray(body.messages) ? body.messages.filter(isObject) : [];
		const agent = agentMessages(messages);
		let content: string;
		let pauses: number[] = [];
		let cut = mode === 'length' || mode === 'length-always';
		if (agent) {
			const reply = agentReply(agent);
			if (reply === undefined) {
				sendJson(res, apiError(500, `The agent failed: its system prompt asks for it (${AGENT_FAIL_MARKER}).`, 'server_error', null));
				return;
			}
			content = reply;
		} else {
			({ content, pauses } = this.content(mode, messages));
			// 'length' cuts a whole-prompt answer only: asked again for edits, the model fits.
			cut &&= mode === 'length-always' || !asksForEdits(messages);
		}
		if (mode === 'no-stream' || body.stream !== true) {
			const finish = cut ? 'length' : 'stop';
			sendJson(res, {
				status: 200,
				body: {
					id: 'chatcmpl-local',
					object: 'chat.completion',
					created: CREATED,
					model,
					choices: [{ index: 0, message: { role: 'assistant', content: cut ? content.slice(0, Math.floor(content.length / 2)) : content }, finish_reason: finish }],
					usage: { prompt_tokens: Math.ceil(JSON.stringify(messages).length / 4), completion_tokens: Math.ceil(content.length / 4) },
				},
			});
			return;
		}
		await this.stream(mode, model, content, res, cut, pauses, record);
	}

	/**
	 * The answer text: brief reasoning, then the JSON in a ```json fence when streamed, bare otherwise; the edit format
	 * when the request asks for it (`pauses`: where each edit ends, for 'edits').
	 */
	private content(mode: OpenAiMode, messages: readonly JsonObject[]): { content: string; pauses: number[] } {
		if (mode === 'not-json') return { content: NOT_JSON_ANSWER, pauses: [] };
		const found = answerFor(messages);
		if (!found) return { content: 'I could not find a prompt between the markers in your message.', pauses: [] };
		if (mode === 'drop-placeholder') {
			// A careless model: the first {{placeholder}} becomes plain words.
			found.answer.improved_prompt = found.answer.improved_prompt.replace(/\{\{\s*(\w+)\s*\}\}/, (_m, name: string) => `the ${name.replace(/_/g, ' ')}`);
		}
		const edits = asksForEdits(messages) ? editsAnswer(found.prompt, found.answer, mode, messages.some((m) => typeof m.content === 'string' && m.content.includes(CORRECTION_HEADING))) : undefined;
		const json = JSON.stringify(edits ?? found.answer, null, 2);
		if (mode === 'no-stream') return { content: json, pauses: [] };
		const runs = found.runs.map((r) => r.id).join(', ') || 'none';
		const content = `Reasoning: the prompt’s wording caused the failures in runs ${runs}; small, targeted edits fix them — keeping “placeholders” as written.\n\n\`\`\`json\n${json}\n\`\`\`\n`;
		return { content, pauses: mode === 'edits' && edits ? editEnds(content, edits.edits) : [] };
	}

	private async stream(mode: OpenAiMode, model: string, content: string, res: http.ServerResponse, cut: boolean, pauses: readonly number[], record: RecordedOpenAiRequest): Promise<void> {
		res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
		res.flushHeaders();
		if (mode === 'slow-first-token' && !(await this.loopback.wait(this.modes.delayMs, res))) return;
		const chunk = (delta: JsonObject, finish: string | null): string =>
			`data: ${JSON.stringify({ id: 'chatcmpl-local', object: 'chat.completion.chunk', created: CREATED, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
		const text = cut ? content.slice(0, Math.floor(content.length / 2)) : content;
		let events = ': keep-alive\n\n' + chunk({ role: 'assistant', content: '' }, null);
		if (pauses.length > 0) {
			// Each edit arrives on its own: what precedes its end is written (at the pace set, if any), then a pause.
			const pieceMs = this.modes.charsPerSecond > 0 ? (12 * 1000) / this.modes.charsPerSecond : 0;
			let from = 0;
			for (const end of [...pauses, text.length]) {
				for (const piece of text.slice(from, end).match(/[\s\S]{1,12}/gu) ?? []) {
					events += chunk({ content: piece }, null);
					if (pieceMs === 0) continue;
					if (!(await this.loopback.wait(pieceMs, res))) return;
					res.write(events);
					events = '';
				}
				from = end;
				res.write(events);
				events = '';
				if (end < text.length) (record.editsWrittenAt ??= []).push(Date.now());
				if (end < text.length && !(await this.loopback.wait(this.modes.editPauseMs, res))) return;
			}
		} else {
			for (const piece of text.match(/[\s\S]{1,12}/gu) ?? []) events += chunk({ content: piece }, null);
		}
		events += chunk({}, cut ? 'length' : 'stop');
		events += `data: ${JSON.stringify({ id: 'chatcmpl-local', object: 'chat.completion.chunk', created: CREATED, model, choices: [], usage: { prompt_tokens: 100, completion_tokens: Math.ceil(text.length / 4) } })}\n\n`;
		events += 'data: [DONE]\n\n';
		const bytes = Buffer.from(events, 'utf8');
		const stopAt = mode === 'cut-stream' ? Math.floor(bytes.length / 2) : bytes.length;
		const size = this.modes.chunkBytes;
		for (let i = 0; i < stopAt; i += size) {
			if (res.destroyed) return;
			res.write(bytes.subarray(i, Math.min(i + size, stopAt)));
			if (i % (size * 64) === 0) await new Promise((resolve) => setImmediate(resolve));
		}
		if (mode === 'cut-stream') {
			// Give the written half time to leave, then drop the connection without ending the chunked body.
			await new Promise((resolve) => setTimeout(resolve, 20));
			res.socket?.destroy();
			return;
		}
		res.end();
	}
}

export async function startOpenAiServer(options: OpenAiServerOptions = {}): Promise<OpenAiServer> {
	const server = new LocalOpenAiServer(options.host, options.apiKey, options.models ?? DEFAULT_MODELS);
	await server.listen(options.port);
	return server;
}
