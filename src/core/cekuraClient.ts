import type { ImproveRequest, ImproveResponse, Paginated, Run, RunListFilters, RunListItem } from './apiTypes';
import { cancellableSleep } from './cancellableSleep';
import { CekuraError } from './cekuraError';
import { errorBodyLines, parseBody } from './errorBody';
import type { FetchLike, HttpResponse } from './httpTypes';
import type { Logger } from './logger';
import { parseRetryAfter } from './retryAfter';
import { MAX_RUNS } from './runIds';

export const IMPROVE_PROMPT_PATH = '/test_framework/v1/runs/improve_prompt/';
export const RUNS_PATH = '/test_framework/v2/runs/';
export const RUNS_BULK_PATH = '/test_framework/v2/runs/bulk/';
export const API_KEY_HEADER = 'X-CEKURA-API-KEY';

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface CekuraClientOptions {
	/** Already checked by `checkBaseUrl`, without a trailing slash. */
	baseUrl: string;
	apiKey: string;
	fetch: FetchLike;
	/** Per attempt, for improve_prompt (an LLM job). */
	improveTimeoutMs: number;
	/** Per attempt, for the run list and run details. */
	readTimeoutMs?: number;
	/** Retries of 429/502/503/504 answers. */
	maxRetries?: number;
	/** A Retry-After longer than this is not waited for: the error says when to try again. */
	maxRetryWaitSeconds?: number;
	/** Wait before a retry when the server sends no Retry-After, doubled each time. */
	retryBaseDelayMs?: number;
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
export class CekuraClient {
	private readonly origin: string;
	private readonly maxRetries: number;
	private readonly maxRetryWaitSeconds: number;
	private readonly retryBaseDelayMs: number;
	private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;

	constructor(private readonly options: CekuraClientOptions) {
		this.origin = new URL(options.baseUrl).origin;
		this.maxRetries = options.maxRetries ?? 3;
		this.maxRetryWaitSeconds = options.maxRetryWaitSeconds ?? 60;
		this.retryBaseDelayMs = options.retryBaseDelayMs ?? 1000;
		this.sleep = options.sleep ?? cancellableSleep;
	}

	async improvePrompt(request: ImproveRequest, signal: AbortSignal): Promise<ImproveResponse> {
		if (request.run_ids.length === 0 || request.run_ids.length > MAX_RUNS) {
			throw new CekuraError('badRequest', `Choose between 1 and ${MAX_RUNS} runs.`);
		}
		const body: ImproveRequest = { prompt: request.prompt, run_ids: request.run_ids };
		if (request.category_ids?.length) body.category_ids = request.category_ids;
		if (request.workflow_metric_ids?.length) body.workflow_metric_ids = request.workflow_metric_ids;
		const json = await this.send(
			{ name: 'improve_prompt', method: 'POST', url: this.options.baseUrl + IMPROVE_PROMPT_PATH, body: JSON.stringify(body), timeoutMs: this.options.improveTimeoutMs },
			signal,
		);
		return checkImproveResponse(json);
	}

	async listRuns(filters: RunListFilters, signal: AbortSignal): Promise<Paginated<RunListItem>> {
		const url = new URL(this.options.baseUrl + RUNS_PATH);
		if (filters.agentId !== undefined) url.searchParams.set('agent_id', String(filters.agentId));
		if (filters.projectId !== undefined) url.searchParams.set('project_id', String(filters.projectId));
		url.searchParams.set('page_size', String(filters.pageSize ?? 50));
		return this.runsPage(url.toString(), signal);
	}

	/** Follows a page's `next` link. It must point at the configured server, or the key would go elsewhere. */
	async nextRunsPage(nextUrl: string, signal: AbortSignal): Promise<Paginated<RunListItem>> {
		const url = new URL(nextUrl, this.options.baseUrl);
		if (url.origin !== this.origin) {
			throw new CekuraError('redirect', `The run list's next page is on another server (${url.origin}); it was not requested so that your API key stays with ${this.origin}.`);
		}
		return this.runsPage(url.toString(), signal);
	}

	async bulkRuns(ids: readonly number[], signal: AbortSignal): Promise<Run[]> {
		const url = new URL(this.options.baseUrl + RUNS_BULK_PATH);
		url.searchParams.set('run_ids', ids.join(','));
		const json = await this.send({ name: 'run details', method: 'GET', url: url.toString(), timeoutMs: this.readTimeoutMs }, signal);
		if (!Array.isArray(json) || !json.every(isRunLike)) {
			throw new CekuraError('invalidResponse', 'Cekura answered the run details request with an unexpected shape (expected a list of runs).');
		}
		return json as Run[];
	}

	private get readTimeoutMs(): number {
		return this.options.readTimeoutMs ?? 30_000;
	}

	private async runsPage(url: string, signal: AbortSignal): Promise<Paginated<RunListItem>> {
		const json = await this.send({ name: 'the run list', method: 'GET', url, timeoutMs: this.readTimeoutMs }, signal);
		if (!isObject(json) || !Array.isArray(json.results) || !json.results.every(isRunLike)) {
			throw new CekuraError('invalidResponse', 'Cekura answered the run list request with an unexpected shape (expected {count, next, previous, results}).');
		}
		return {
			count: typeof json.count === 'number' ? json.count : json.results.length,
			next: typeof json.next === 'string' ? json.next : null,
			previous: typeof json.previous === 'string' ? json.previous : null,
			results: json.results as RunListItem[],
		};
	}

	/** Sends with retries of 429/502/503/504, then checks the status and parses the JSON body. */
	private async send(op: Operation, signal: AbortSignal): Promise<unknown> {
		for (let attempt = 0; ; attempt++) {
			const { response, text } = await this.attempt(op, signal);
			if (RETRYABLE_STATUSES.has(response.status) && attempt < this.maxRetries) {
				const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
				if (retryAfter !== undefined && retryAfter > this.maxRetryWaitSeconds) {
					throw statusError(op, response.status, text, retryAfter);
				}
				const waitMs = retryAfter !== undefined ? retryAfter * 1000 : this.retryBaseDelayMs * 2 ** attempt;
				this.options.log?.warn(`${op.method} ${redactUrl(op.url)} answered ${response.status}; retry ${attempt + 1} of ${this.maxRetries} in ${(waitMs / 1000).toFixed(1)} s`);
				await this.sleep(waitMs, signal);
				continue;
			}
			if (response.status < 200 || response.status > 299) {
				throw statusError(op, response.status, text, parseRetryAfter(response.headers.get('retry-after')));
			}
			try {
				return JSON.parse(text);
			} catch {
				const type = response.headers.get('content-type') ?? 'no content type';
				throw new CekuraError('invalidResponse', `Cekura answered ${op.name} with something that is not JSON (${type}). A proxy or a login page may be in the way, or cekura.apiBaseUrl points at the wrong server.`, {
					status: response.status,
				});
			}
		}
	}

	/** One request, following same-origin redirects only, under the operation's timeout and the caller's signal. */
	private async attempt(op: Operation, signal: AbortSignal): Promise<{ response: HttpResponse; text: string }> {
		if (signal.aborted) throw new CekuraError('cancelled', 'Cancelled.');
		const timeout = AbortSignal.timeout(op.timeoutMs);
		const combined = AbortSignal.any([signal, timeout]);
		let url = op.url;
		let method = op.method;
		let body = op.body;
		const started = Date.now();
		try {
			for (let hops = 0; ; hops++) {
				const headers: Record<string, string> = {
					Accept: 'application/json',
					[API_KEY_HEADER]: this.options.apiKey,
					'User-Agent': this.options.userAgent ?? 'cekura-prompt-improver',
				};
				if (body !== undefined) headers['Content-Type'] = 'application/json';
				this.options.log?.debug(`${method} ${redactUrl(url)}`);
				const response = await this.options.fetch(url, { method, headers, body, signal: combined, redirect: 'manual' });
				if (REDIRECT_STATUSES.has(response.status)) {
					const location = response.headers.get('location');
					const target = location ? new URL(location, url) : undefined;
					if (!target || target.origin !== this.origin || hops >= 5) {
						throw new CekuraError(
							'redirect',
							`Cekura's server redirected ${op.name} to ${target ? target.origin : 'an unknown place'}. The redirect was not followed, so your API key was not sent there. Check cekura.apiBaseUrl.`,
							{ status: response.status },
						);
					}
					if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
						method = 'GET';
						body = undefined;
					}
					url = target.toString();
					continue;
				}
				const text = await response.text();
				this.options.log?.debug(`${method} ${redactUrl(url)} → ${response.status} in ${Date.now() - started} ms`);
				return { response, text };
			}
		} catch (err) {
			if (err instanceof CekuraError) throw err;
			if (signal.aborted) throw new CekuraError('cancelled', 'Cancelled.', { cause: err });
			if (timeout.aborted) {
				throw new CekuraError('timeout', `Cekura did not answer ${op.name} within ${Math.round(op.timeoutMs / 1000)} s. Try again, or raise cekura.requestTimeoutSeconds.`, { cause: err });
			}
			throw networkError(op, url, err);
		}
	}
}

function checkImproveResponse(json: unknown): ImproveResponse {
	if (!isObject(json)) {
		throw new CekuraError('invalidResponse', 'Cekura answered improve_prompt with an unexpected shape (expected a JSON object).');
	}
	if (typeof json.improved_prompt !== 'string' || json.improved_prompt.trim() === '') {
		throw new CekuraError('invalidResponse', 'Cekura answered improve_prompt without an improved prompt (the field improved_prompt is missing or empty).');
	}
	return {
		improved_prompt: json.improved_prompt,
		summary_of_changes: typeof json.summary_of_changes === 'string' ? json.summary_of_changes : '',
	};
}

function statusError(op: Operation, status: number, text: string, retryAfterSeconds: number | undefined): CekuraError {
	const details = errorBodyLines(parseBody(text));
	const init = { status, details, retryAfterSeconds };
	const said = details.length ? `: ${details.join(' ')}` : '.';
	switch (status) {
		case 400:
			return new CekuraError('badRequest', `Cekura rejected ${op.name} (400)${said}`, init);
		case 401:
			return new CekuraError('unauthorized', `Cekura rejected the API key (401)${said}`, init);
		case 403:
			return new CekuraError('forbidden', `This API key is not allowed to use ${op.name} (403)${said}`, init);
		case 404:
		case 405:
		case 410:
			return new CekuraError(
				'notOffered',
				`This Cekura server does not offer ${op.name} (HTTP ${status}). Check cekura.apiBaseUrl, or ask Cekura whether your account still has ${op.name}.`,
				init,
			);
		case 429: {
			const when = retryAfterSeconds !== undefined ? ` Try again in ${retryAfterSeconds} s.` : ' Try again in a minute.';
			return new CekuraError('throttled', `Cekura is limiting requests (429) and ${op.name} was not done.${when}`, init);
		}
		default:
			if (status >= 500) {
				return new CekuraError('server', `Cekura's server failed on ${op.name} (HTTP ${status})${said} Try again later.`, init);
			}
			return new CekuraError('badRequest', `Cekura refused ${op.name} (HTTP ${status})${said}`, init);
	}
}

function networkError(op: Operation, url: string, err: unknown): CekuraError {
	const code = isObject(err) && typeof err.code === 'string' ? err.code : undefined;
	const reason = err instanceof Error ? err.message : String(err);
	const host = new URL(url).host;
	return new CekuraError(
		'network',
		`Could not reach Cekura at ${host} for ${op.name}${code ? ` (${code})` : ''}: ${reason}. Check your connection, and VS Code's proxy settings (http.proxy) if you are behind a proxy.`,
		{ cause: err },
	);
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
