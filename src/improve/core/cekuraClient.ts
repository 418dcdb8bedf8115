import * as l10n from '@vscode/l10n';
import type { ImproveRequest, ImproveResponse, Paginated, Run, RunListFilters, RunListItem } from '../../core/apiTypes';
import { checkResultState, checkStarted, checkSubmitted, checkTurnPoll } from './chatTest/apiChatResponses';
import type { ApiChat, ApiChatStart, ResultState, StartedResult, TurnPoll } from './chatTest/chatTestTypes';
import { cancellableSleep } from './cancellableSleep';
import { CekuraError } from './cekuraError';
import { errorBodyLines, parseBody, shortenLines } from './errorBody';
import { BodyCharsetError, BodyCutError, BodyTooLargeError, decodeBody, formatBytes, MAX_ERROR_BODY_BYTES, MAX_RESPONSE_BYTES, readBodyBytes } from './httpBody';
import type { FetchLike, HttpResponse } from './httpTypes';
import type { Logger } from '../../core/logger';
import { redact } from '../../core/redact';
import { parseRetryAfter } from './retryAfter';
import { MAX_RUNS } from './runIds';
import { redactAndShorten, redactedPart } from './shownText';
import { errorMessage } from '../../core/errorMessage';

const IMPROVE_PROMPT_PATH = '/test_framework/v1/runs/improve_prompt/';
const RUNS_PATH = '/test_framework/v2/runs/';
const RUNS_BULK_PATH = '/test_framework/v2/runs/bulk/';
const AGENTS_PATH = '/test_framework/v1/aiagents/';
const API_CHAT_START_PATH = '/test_framework/v2/scenarios/run_scenarios_api_chat/';
const RESULTS_PATH = '/test_framework/v2/results/';
const API_KEY_HEADER = 'X-CEKURA-API-KEY';

/** A GET can be sent again after any of these. */
const RETRYABLE_GET_STATUSES = new Set([429, 502, 503, 504]);
/**
 * A POST only after these, which say the server did not process it: a 502 or 504 may come from a gateway whose
 * server went on to start the LLM job, and sending it again would start a second one.
 */
const RETRYABLE_POST_STATUSES = new Set([429, 503]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

export interface CekuraClientOptions {
	/** Already checked by `checkBaseUrl`, without a trailing slash. */
	baseUrl: string;
	apiKey: string;
	fetch: FetchLike;
	/** One deadline for the whole improve_prompt (an LLM job): every attempt, redirect, retry and wait. */
	improveTimeoutMs: number;
	/** One deadline for a run list page or the run details, retries included; default 30 s. */
	readTimeoutMs?: number;
	/** Retries of 429/503 answers, and of 502/504 to a GET. */
	maxRetries?: number;
	/** A Retry-After longer than this is not waited for: the error says when to try again. */
	maxRetryWaitSeconds?: number;
	/** Wait before a retry when the server sends no Retry-After, doubled each time. */
	retryBaseDelayMs?: number;
	/** A larger answer (after decompression) is refused; default `MAX_RESPONSE_BYTES`, 8 MiB. */
	maxResponseBytes?: number;
	userAgent?: string;
	log?: Logger;
	sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

interface Operation {
	/** For messages: "improve_prompt", "the run list". */
	name: string;
	method: 'GET' | 'POST';
	url: string;
	body?: string;
	timeoutMs: number;
}

/** Talks to Cekura's API. Knows nothing of VS Code: it gets a fetch function, a key and a base URL. */
export class CekuraClient implements ApiChat {
	private readonly origin: string;
	private readonly maxRetries: number;
	private readonly maxRetryWaitSeconds: number;
	private readonly retryBaseDelayMs: number;
	private readonly maxResponseBytes: number;
	private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;

	constructor(private readonly options: CekuraClientOptions) {
		this.origin = new URL(options.baseUrl).origin;
		this.maxRetries = options.maxRetries ?? 3;
		this.maxRetryWaitSeconds = options.maxRetryWaitSeconds ?? 60;
		this.retryBaseDelayMs = options.retryBaseDelayMs ?? 1000;
		this.maxResponseBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
		this.sleep = options.sleep ?? cancellableSleep;
	}

	async improvePrompt(request: ImproveRequest, signal: AbortSignal): Promise<ImproveResponse> {
		if (request.run_ids.length === 0 || request.run_ids.length > MAX_RUNS) {
			throw new CekuraError('badRequest', l10n.t('Choose between 1 and {0} runs.', MAX_RUNS));
		}
		const body: ImproveRequest = { prompt: request.prompt, run_ids: request.run_ids };
		if (request.category_ids?.length) body.category_ids = request.category_ids;
		if (request.workflow_metric_ids?.length) body.workflow_metric_ids = request.workflow_metric_ids;
		const json = await this.send(
			{ name: 'improve_prompt', method: 'POST', url: this.options.baseUrl + IMPROVE_PROMPT_PATH, body: JSON.stringify(body), timeoutMs: this.options.improveTimeoutMs },
			signal,
		);
		const answer = checkImproveResponse(json);
		// The summary is shown in notifications and tooltips: a server that echoes the key must not get it there.
		return { ...answer, summary_of_changes: this.clean(answer.summary_of_changes) };
	}

	async listRuns(filters: RunListFilters, signal: AbortSignal): Promise<Paginated<RunListItem>> {
		const url = new URL(this.options.baseUrl + RUNS_PATH);
		if (filters.agentId !== undefined) url.searchParams.set('agent_id', String(filters.agentId));
		if (filters.projectId !== undefined) url.searchParams.set('project_id', String(filters.projectId));
		if (filters.resultId !== undefined) url.searchParams.set('result_id', String(filters.resultId));
		if (filters.success !== undefined) url.searchParams.set('success', String(filters.success));
		url.searchParams.set('page_size', String(filters.pageSize ?? 50));
		return this.runsPage(url.toString(), signal);
	}

	/** Follows a page's `next` link. It must point at the configured server, or the key would go elsewhere. */
	async nextRunsPage(nextUrl: string, signal: AbortSignal): Promise<Paginated<RunListItem>> {
		let url: URL;
		try {
			url = new URL(nextUrl, this.options.baseUrl);
		} catch {
			throw new CekuraError('invalidResponse', l10n.t('Cekura\'s run list gave a next page link that is not a valid URL ("{0}"), so no more runs could be loaded.', this.shown(nextUrl, 100)));
		}
		if (url.protocol !== 'http:' && url.protocol !== 'https:') {
			throw new CekuraError('invalidResponse', l10n.t('Cekura\'s run list gave a next page link that is not a web address ({0}), so no more runs could be loaded.', redactedPart(nextUrl, url.protocol, 100, [this.options.apiKey])));
		}
		if (url.origin !== this.origin) {
			throw new CekuraError('redirect', l10n.t('The run list\'s next page is on another server ({0}); it was not requested so that your API key stays with {1}.', redactedPart(nextUrl, url.origin, 200, [this.options.apiKey]), this.origin));
		}
		return this.runsPage(url.toString(), signal);
	}

	async bulkRuns(ids: readonly number[], signal: AbortSignal): Promise<Run[]> {
		const url = new URL(this.options.baseUrl + RUNS_BULK_PATH);
		url.searchParams.set('run_ids', ids.join(','));
		const json = await this.send({ name: l10n.t('run details'), method: 'GET', url: url.toString(), timeoutMs: this.readTimeoutMs }, signal);
		if (!Array.isArray(json) || !json.every(isRunLike)) {
			throw new CekuraError('invalidResponse', l10n.t('Cekura answered the run details request with an unexpected shape (expected a list of runs).'));
		}
		return json as Run[];
	}

	/** The Cekura project an agent belongs to (`GET /test_framework/v1/aiagents/{id}/`); undefined when the answer has none. */
	async agentProject(agentId: number, signal: AbortSignal): Promise<number | undefined> {
		if (!Number.isSafeInteger(agentId) || agentId <= 0) return undefined;
		const json = await this.send({ name: l10n.t('the agent details'), method: 'GET', url: `${this.options.baseUrl}${AGENTS_PATH}${agentId}/`, timeoutMs: this.readTimeoutMs }, signal);
		const project = isObject(json) ? json.project : undefined;
		return typeof project === 'number' && Number.isSafeInteger(project) && project > 0 ? project : undefined;
	}

	/** Starts API chats (pull mode) for `start.scenarios`; a server without API chat gets its own message. */
	async startChats(start: ApiChatStart, signal: AbortSignal): Promise<StartedResult> {
		const body: Record<string, unknown> = { agent_id: start.agent_id, scenarios: start.scenarios, frequency: start.frequency, name: start.name };
		if (start.timeout !== undefined) body.timeout = start.timeout;
		try {
			const json = await this.send({ name: l10n.t('the start of the simulated chats'), method: 'POST', url: this.options.baseUrl + API_CHAT_START_PATH, body: JSON.stringify(body), timeoutMs: this.readTimeoutMs }, signal);
			return checkStarted(json);
		} catch (err) {
			if (!(err instanceof CekuraError) || err.kind !== 'notOffered') throw err;
			throw new CekuraError(
				'notOffered',
				l10n.t('This Cekura server does not offer API chat (HTTP {0}), which testing a proposal in simulated chats needs. Check cekura.apiBaseUrl, or ask Cekura whether your account has API chat.', err.status ?? 404),
				{ status: err.status, details: err.details, cause: err },
			);
		}
	}

	async pollTurn(runId: number, turnId: number, signal: AbortSignal): Promise<TurnPoll> {
		const url = `${this.runUrl(runId)}chat/${checkedId(turnId, true)}/`;
		const json = await unknownOn404(this.send({ name: l10n.t('the caller\'s turn in a simulated chat'), method: 'GET', url, timeoutMs: this.readTimeoutMs }, signal), () =>
			l10n.t('Cekura does not know turn {0} of run {1} (HTTP 404): the run may have been deleted, or cekura.apiBaseUrl points at another server.', turnId, runId),
		);
		return checkTurnPoll(json, turnId);
	}

	/** The agent's line; a 409 ("still starting, or already ended") rejects with kind 'conflict'. */
	async submitTurn(runId: number, content: string, signal: AbortSignal): Promise<{ turnId: number; status: string }> {
		const json = await unknownOn404(
			this.send({ name: l10n.t('the agent\'s turn in a simulated chat'), method: 'POST', url: `${this.runUrl(runId)}chat/`, body: JSON.stringify({ content }), timeoutMs: this.readTimeoutMs }, signal),
			() => unknownRun(runId),
		);
		return checkSubmitted(json);
	}

	async endChat(runId: number, reason: string, signal: AbortSignal): Promise<void> {
		await unknownOn404(
			this.send({ name: l10n.t('the end of a simulated chat'), method: 'POST', url: `${this.runUrl(runId)}end-chat/`, body: JSON.stringify({ reason }), timeoutMs: this.readTimeoutMs }, signal),
			() => unknownRun(runId),
		);
	}

	async result(resultId: number, signal: AbortSignal): Promise<ResultState> {
		const url = `${this.options.baseUrl}${RESULTS_PATH}${checkedId(resultId, false)}/`;
		const json = await unknownOn404(this.send({ name: l10n.t('the chat test\'s result'), method: 'GET', url, timeoutMs: this.readTimeoutMs }, signal), () =>
			l10n.t('Cekura does not know result {0} (HTTP 404): it may have been deleted, or cekura.apiBaseUrl points at another server.', resultId),
		);
		return checkResultState(json);
	}

	private runUrl(runId: number): string {
		return `${this.options.baseUrl}${RUNS_PATH}${checkedId(runId, false)}/`;
	}

	private get readTimeoutMs(): number {
		return this.options.readTimeoutMs ?? 30_000;
	}

	private async runsPage(url: string, signal: AbortSignal): Promise<Paginated<RunListItem>> {
		const json = await this.send({ name: l10n.t('the run list'), method: 'GET', url, timeoutMs: this.readTimeoutMs }, signal);
		if (!isObject(json) || !Array.isArray(json.results) || !json.results.every(isRunLike)) {
			throw new CekuraError('invalidResponse', l10n.t('Cekura answered the run list request with an unexpected shape (expected {0}).', '{count, next, previous, results}'));
		}
		return {
			count: typeof json.count === 'number' ? json.count : json.results.length,
			next: typeof json.next === 'string' ? json.next : null,
			previous: typeof json.previous === 'string' ? json.previous : null,
			results: json.results as RunListItem[],
		};
	}

	/**
	 * Sends under one deadline (`op.timeoutMs`) for every attempt, redirect, retry and wait: retries 429 and 503
	 * (and 502/504 of a GET) while the wait fits before the deadline, then checks the status and parses the JSON body.
	 */
	private async send(op: Operation, signal: AbortSignal): Promise<unknown> {
		if (signal.aborted) throw new CekuraError('cancelled', 'Cancelled.');
		const deadline = Date.now() + op.timeoutMs;
		const timeout = AbortSignal.timeout(op.timeoutMs);
		const combined = AbortSignal.any([signal, timeout]);
		const retryable = op.method === 'POST' ? RETRYABLE_POST_STATUSES : RETRYABLE_GET_STATUSES;
		let url = op.url;
		let retries = 0;
		try {
			for (let attempt = 0; ; attempt++) {
				const result = await this.attempt(op, combined);
				url = result.url;
				const { response, text } = result;
				if (retryable.has(response.status) && attempt < this.maxRetries) {
					const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
					const waitMs = retryAfter !== undefined ? retryAfter * 1000 : this.retryBaseDelayMs * 2 ** attempt;
					// A wait longer than allowed, or past the deadline, is not waited for: the error says when to try again.
					if ((retryAfter === undefined || retryAfter <= this.maxRetryWaitSeconds) && Date.now() + waitMs < deadline) {
						this.options.log?.warn(`${op.method} ${redactUrl(url)} answered ${response.status}; retry ${attempt + 1} of ${this.maxRetries} in ${(waitMs / 1000).toFixed(1)} s`);
						await this.sleep(waitMs, combined);
						retries++;
						continue;
					}
				}
				if (response.status < 200 || response.status > 299) {
					throw this.statusError(op, response.status, text, parseRetryAfter(response.headers.get('retry-after')));
				}
				if (text.trim() === '') {
					throw new CekuraError('invalidResponse', l10n.t('Cekura answered {0} with an empty body (HTTP {1}). A proxy may be in the way, or cekura.apiBaseUrl points at the wrong server.', op.name, response.status), {
						status: response.status,
					});
				}
				try {
					return JSON.parse(text);
				} catch {
					const type = response.headers.get('content-type') ?? l10n.t('no content type');
					throw new CekuraError('invalidResponse', l10n.t('Cekura answered {0} with something that is not JSON ({1}). A proxy or a login page may be in the way, or cekura.apiBaseUrl points at the wrong server.', op.name, this.shown(type, 80)), {
						status: response.status,
					});
				}
			}
		} catch (err) {
			if (signal.aborted) throw err instanceof CekuraError && err.kind === 'cancelled' ? err : new CekuraError('cancelled', l10n.t('Cancelled.'), { cause: err });
			if (timeout.aborted && (!(err instanceof CekuraError) || err.kind === 'cancelled')) {
				const tries = retries ? ` ${l10n.t('({0} attempts)', retries + 1)}` : '';
				throw new CekuraError('timeout', l10n.t('Cekura did not answer {0} within {1} s{2}. Try again, or raise cekura.requestTimeoutSeconds.', op.name, Math.round(op.timeoutMs / 1000), tries), { cause: err });
			}
			if (err instanceof CekuraError) throw err;
			throw this.networkError(op, url, err);
		}
	}

	/**
	 * One request, following same-origin redirects only, under `signal` (the caller's and the deadline). A 2xx body
	 * is read whole up to the size cap; of an error answer, only the start. Errors other than CekuraErrors are the
	 * transport's, for `send` to name.
	 */
	private async attempt(op: Operation, signal: AbortSignal): Promise<{ response: HttpResponse; text: string; url: string }> {
		let url = op.url;
		let method = op.method;
		let body = op.body;
		const started = Date.now();
		const visited = new Set<string>([url]);
		for (let hops = 0; ; hops++) {
			const headers: Record<string, string> = {
				Accept: 'application/json',
				[API_KEY_HEADER]: this.options.apiKey,
				'User-Agent': this.options.userAgent ?? 'cekura-prompt-improver',
			};
			if (body !== undefined) headers['Content-Type'] = 'application/json';
			this.options.log?.debug(`${method} ${redactUrl(url)}`);
			const response = await this.options.fetch(url, { method, headers, body, signal, redirect: 'manual' });
			if (REDIRECT_STATUSES.has(response.status)) {
				const target = this.redirectTarget(op, response, url, hops, visited);
				// 303 means "see the answer there": a GET. 301/302/307/308 repeat the request as it was (RFC 9110 §15.4).
				if (response.status === 303) {
					method = 'GET';
					body = undefined;
				}
				url = target;
				visited.add(url);
				continue;
			}
			const ok = response.status >= 200 && response.status <= 299;
			let text: string;
			try {
				const bytes = await readBodyBytes(response, ok ? this.maxResponseBytes : MAX_ERROR_BODY_BYTES, signal, { truncate: !ok });
				const decoded = decodeBody(bytes, response.headers.get('content-type'), ok);
				if (decoded.unknownCharset) this.options.log?.warn(`${method} ${redactUrl(url)}: unknown charset "${this.shown(decoded.unknownCharset, 40)}", read as UTF-8`);
				text = decoded.text;
			} catch (err) {
				throw this.bodyError(op, response.status, url, err);
			}
			this.options.log?.debug(`${method} ${redactUrl(url)} → ${response.status} in ${Date.now() - started} ms, ${text.length} characters`);
			return { response, text, url };
		}
	}

	/** Where a redirect leads, if it may be followed; otherwise the CekuraError that says why it is not. */
	private redirectTarget(op: Operation, response: HttpResponse, from: string, hops: number, visited: Set<string>): string {
		const init = { status: response.status };
		const location = response.headers.get('location');
		if (!location || location.trim() === '') {
			throw new CekuraError('redirect', l10n.t('Cekura\'s server answered {0} with a redirect (HTTP {1}) but did not say where to (no Location header). Check cekura.apiBaseUrl.', op.name, response.status), init);
		}
		let target: URL;
		try {
			target = new URL(location, from);
		} catch {
			throw new CekuraError(
				'redirect',
				l10n.t('Cekura\'s server redirected {0} (HTTP {1}) to an address that is not a valid URL ("{2}"). It was not followed. Check cekura.apiBaseUrl.', op.name, response.status, this.shown(location, 100)),
				init,
			);
		}
		if (target.origin !== this.origin || (target.protocol !== 'http:' && target.protocol !== 'https:')) {
			const part = (text: string, max: number): string => redactedPart(location, text, max, [this.options.apiKey]);
			const where = target.origin !== 'null' ? part(target.origin, 200) : l10n.t('a {0} address', part(target.protocol, 100));
			throw new CekuraError(
				'redirect',
				l10n.t('Cekura\'s server redirected {0} to {1}. The redirect was not followed, so your API key was not sent there. Check cekura.apiBaseUrl.', op.name, where),
				init,
			);
		}
		const next = target.toString();
		if (visited.has(next) || hops >= MAX_REDIRECTS) {
			const message = visited.has(next)
				? l10n.t('Cekura\'s server redirected {0} back to an address it had already redirected from (a redirect loop), on {1}; it was not followed further. Check cekura.apiBaseUrl.', op.name, this.origin)
				: l10n.t('Cekura\'s server redirected {0} more than {1} times, on {2}; it was not followed further. Check cekura.apiBaseUrl.', op.name, MAX_REDIRECTS, this.origin);
			throw new CekuraError('redirect', message, init);
		}
		return next;
	}

	private bodyError(op: Operation, status: number, url: string, err: unknown): unknown {
		const init = { status, cause: err };
		if (err instanceof BodyTooLargeError) {
			return new CekuraError(
				'invalidResponse',
				l10n.t('Cekura\'s answer to {0} is larger than {1} (the most the extension reads), so it was not read to the end. Check cekura.apiBaseUrl; a proxy may be in the way.', op.name, formatBytes(err.limitBytes)),
				init,
			);
		}
		if (err instanceof BodyCharsetError) {
			return new CekuraError('invalidResponse', l10n.t('Cekura\'s answer to {0} is not valid {1} text (the character set it declares, or UTF-8), so it was not used.', op.name, err.charset), init);
		}
		if (err instanceof BodyCutError) {
			return new CekuraError(
				'network',
				l10n.t('The connection to Cekura at {0} broke while its answer to {1} was arriving ({2} bytes received), so the answer is incomplete. Try again.', new URL(url).host, op.name, err.receivedBytes),
				init,
			);
		}
		return err;
	}

	private statusError(op: Operation, status: number, text: string, retryAfterSeconds: number | undefined): CekuraError {
		const details = shortenLines(errorBodyLines(parseBody(text)), [this.options.apiKey]);
		return statusError(op, status, details, retryAfterSeconds);
	}

	private networkError(op: Operation, url: string, err: unknown): CekuraError {
		const code = errorCode(err);
		const reason = this.shown(errorMessage(err), 300);
		const host = new URL(url).host;
		const proxy = l10n.t('Check your connection, and VS Code\'s proxy settings (http.proxy) if you are behind a proxy.');
		if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/i.test(reason)) {
			return new CekuraError('network', `${l10n.t('The connection to Cekura at {0} broke before it answered {1}{2}: {3}. Try again.', host, op.name, code ? ` (${code})` : '', reason)} ${proxy}`, { cause: err });
		}
		return new CekuraError('network', `${l10n.t('Could not reach Cekura at {0} for {1}{2}: {3}.', host, op.name, code ? ` (${code})` : '', reason)} ${proxy}`, { cause: err });
	}

	/** Takes the key out of anything a server wrote that goes into a message. */
	private clean(text: string): string {
		return redact(text, [this.options.apiKey]);
	}

	/** `clean`, then cut to `max` characters: never the other way round. */
	private shown(text: string, max: number): string {
		return redactAndShorten(text, max, [this.options.apiKey]);
	}
}

function checkImproveResponse(json: unknown): ImproveResponse {
	if (!isObject(json)) {
		throw new CekuraError('invalidResponse', l10n.t('Cekura answered improve_prompt with an unexpected shape (expected a JSON object).'));
	}
	if (typeof json.improved_prompt !== 'string' || json.improved_prompt.trim() === '') {
		throw new CekuraError('invalidResponse', l10n.t('Cekura answered improve_prompt without an improved prompt (the field improved_prompt is missing or empty).'));
	}
	return {
		improved_prompt: json.improved_prompt,
		summary_of_changes: typeof json.summary_of_changes === 'string' ? json.summary_of_changes : '',
	};
}

function statusError(op: Operation, status: number, details: string[], retryAfterSeconds: number | undefined): CekuraError {
	const init = { status, details, retryAfterSeconds };
	const said = details.length ? `: ${details.join(' ')}` : '.';
	switch (status) {
		case 400:
			return new CekuraError('badRequest', l10n.t('Cekura rejected {0} (400){1}', op.name, said), init);
		case 401:
			return new CekuraError('unauthorized', l10n.t('Cekura rejected the API key (401){0}', said), init);
		case 403:
			return new CekuraError('forbidden', l10n.t('This API key is not allowed to use {0} (403){1}', op.name, said), init);
		case 404:
		case 405:
		case 410:
			return new CekuraError(
				'notOffered',
				l10n.t('This Cekura server does not offer {0} (HTTP {1}). Check cekura.apiBaseUrl, or ask Cekura whether your account still has {0}.', op.name, status),
				init,
			);
		case 409:
			return new CekuraError('conflict', l10n.t('Cekura refused {0} (409): the run is still starting, or has already ended{1}', op.name, said), init);
		case 429: {
			const when = retryAfterSeconds !== undefined ? l10n.t('Try again in {0} s.', retryAfterSeconds) : l10n.t('Try again in a minute.');
			return new CekuraError('throttled', `${l10n.t('Cekura is limiting requests (429) and {0} was not done.', op.name)} ${when}`, init);
		}
		default:
			if (status >= 500) {
				return new CekuraError('server', l10n.t('Cekura\'s server failed on {0} (HTTP {1}){2} Try again later.', op.name, status, said), init);
			}
			return new CekuraError('badRequest', l10n.t('Cekura refused {0} (HTTP {1}){2}', op.name, status, said), init);
	}
}

/**
 * A 404 about a run, turn or result that the test itself started names what Cekura does not know; "this server does
 * not offer …" (the generic 404) would be wrong, since it just offered API chat.
 */
async function unknownOn404<T>(request: Promise<T>, message: () => string): Promise<T> {
	try {
		return await request;
	} catch (err) {
		if (err instanceof CekuraError && err.kind === 'notOffered' && err.status === 404) throw new CekuraError('notOffered', message(), { status: 404, details: err.details, cause: err });
		throw err;
	}
}

function unknownRun(runId: number): string {
	return l10n.t('Cekura does not know run {0} (HTTP 404): it may have been deleted, or cekura.apiBaseUrl points at another server.', runId);
}

/** An ID that goes into a path: a safe integer, positive (or 0 where `zero` allows it, for the opening turn). */
function checkedId(id: number, zero: boolean): number {
	if (!Number.isSafeInteger(id) || id < (zero ? 0 : 1)) throw new CekuraError('badRequest', l10n.t('{0} is not a valid Cekura ID.', String(id)));
	return id;
}

function errorCode(err: unknown): string | undefined {
	if (!isObject(err)) return undefined;
	if (typeof err.code === 'string') return err.code;
	if (typeof err.errno === 'string') return err.errno;
	return isObject(err.cause) && typeof err.cause.code === 'string' ? err.cause.code : undefined;
}

/** Query strings carry nothing secret, but keep logs short and free of accidental tokens. */
function redactUrl(url: string): string {
	return url.replace(/([?&](?:api_key|key|token)=)[^&]*/gi, '$1***');
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRunLike(value: unknown): boolean {
	return isObject(value) && typeof value.id === 'number';
}
