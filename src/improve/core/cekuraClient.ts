import * as l10n from '@vscode/l10n';
import type { ImproveRequest, ImproveResponse, Paginated, Run, RunListFilters, RunListItem } from '../../core/apiTypes';
import { checkResultState, checkStarted, checkSubmitted, checkTurnPoll } from './chatTest/apiChatResponses';
import type { ApiChat, ApiChatStart, ResultState, StartedResult, TurnPoll } from './chatTest/chatTestTypes';
import { isObject } from './jsonObject';
import { CekuraError } from './cekuraError';
import { CekuraTransport, type CekuraTransportOptions } from './cekuraTransport';
import { redact } from '../../core/redact';
import { MAX_RUNS } from './runIds';
import { redactedPart } from './shownText';

const IMPROVE_PROMPT_PATH = '/test_framework/v1/runs/improve_prompt/';
const RUNS_PATH = '/test_framework/v2/runs/';
const RUNS_BULK_PATH = '/test_framework/v2/runs/bulk/';
const AGENTS_PATH = '/test_framework/v1/aiagents/';
const API_CHAT_START_PATH = '/test_framework/v2/scenarios/run_scenarios_api_chat/';
const RESULTS_PATH = '/test_framework/v2/results/';

export interface CekuraClientOptions extends CekuraTransportOptions {
	/** One deadline for the whole improve_prompt (an LLM job): every attempt, redirect, retry and wait. */
	improveTimeoutMs: number;
	/** One deadline for a run list page or the run details, retries included; default 30 s. */
	readTimeoutMs?: number;
}

/**
 * Cekura's API: each call's request and the checks of its answer, sent through `CekuraTransport`. Knows nothing of
 * VS Code: it gets a fetch function, a key and a base URL.
 */
export class CekuraClient implements ApiChat {
	private readonly transport: CekuraTransport;

	constructor(private readonly options: CekuraClientOptions) {
		this.transport = new CekuraTransport(options);
	}

	async improvePrompt(request: ImproveRequest, signal: AbortSignal): Promise<ImproveResponse> {
		if (request.run_ids.length === 0 || request.run_ids.length > MAX_RUNS) {
			throw new CekuraError('badRequest', l10n.t('Choose between 1 and {0} runs.', MAX_RUNS));
		}
		const body: ImproveRequest = { prompt: request.prompt, run_ids: request.run_ids };
		if (request.category_ids?.length) body.category_ids = request.category_ids;
		if (request.workflow_metric_ids?.length) body.workflow_metric_ids = request.workflow_metric_ids;
		const json = await this.transport.send(
			{ name: 'improve_prompt', method: 'POST', url: this.options.baseUrl + IMPROVE_PROMPT_PATH, body: JSON.stringify(body), timeoutMs: this.options.improveTimeoutMs },
			signal,
		);
		const answer = checkImproveResponse(json);
		// The summary is shown in notifications and tooltips: a server that echoes the key must not get it there.
		return { ...answer, summary_of_changes: redact(answer.summary_of_changes, [this.options.apiKey]) };
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
			throw new CekuraError('invalidResponse', l10n.t('Cekura\'s run list gave a next page link that is not a valid URL ("{0}"), so no more runs could be loaded.', this.transport.shown(nextUrl, 100)));
		}
		if (url.protocol !== 'http:' && url.protocol !== 'https:') {
			throw new CekuraError('invalidResponse', l10n.t('Cekura\'s run list gave a next page link that is not a web address ({0}), so no more runs could be loaded.', redactedPart(nextUrl, url.protocol, 100, [this.options.apiKey])));
		}
		if (url.origin !== this.transport.origin) {
			throw new CekuraError('redirect', l10n.t('The run list\'s next page is on another server ({0}); it was not requested so that your API key stays with {1}.', redactedPart(nextUrl, url.origin, 200, [this.options.apiKey]), this.transport.origin));
		}
		return this.runsPage(url.toString(), signal);
	}

	async bulkRuns(ids: readonly number[], signal: AbortSignal): Promise<Run[]> {
		const url = new URL(this.options.baseUrl + RUNS_BULK_PATH);
		url.searchParams.set('run_ids', ids.join(','));
		const json = await this.transport.send({ name: l10n.t('run details'), method: 'GET', url: url.toString(), timeoutMs: this.readTimeoutMs }, signal);
		if (!Array.isArray(json) || !json.every(isRunLike)) {
			throw new CekuraError('invalidResponse', l10n.t('Cekura answered the run details request with an unexpected shape (expected a list of runs).'));
		}
		return json as Run[];
	}

	/** The Cekura project an agent belongs to (`GET /test_framework/v1/aiagents/{id}/`); undefined when the answer has none. */
	async agentProject(agentId: number, signal: AbortSignal): Promise<number | undefined> {
		if (!Number.isSafeInteger(agentId) || agentId <= 0) return undefined;
		const json = await this.transport.send({ name: l10n.t('the agent details'), method: 'GET', url: `${this.options.baseUrl}${AGENTS_PATH}${agentId}/`, timeoutMs: this.readTimeoutMs }, signal);
		const project = isObject(json) ? json.project : undefined;
		return typeof project === 'number' && Number.isSafeInteger(project) && project > 0 ? project : undefined;
	}

	/** Starts API chats (pull mode) for `start.scenarios`; a server without API chat gets its own message. */
	async startChats(start: ApiChatStart, signal: AbortSignal): Promise<StartedResult> {
		const body: Record<string, unknown> = { agent_id: start.agent_id, scenarios: start.scenarios, frequency: start.frequency, name: start.name };
		if (start.timeout !== undefined) body.timeout = start.timeout;
		try {
			const json = await this.transport.send({ name: l10n.t('the start of the simulated chats'), method: 'POST', url: this.options.baseUrl + API_CHAT_START_PATH, body: JSON.stringify(body), timeoutMs: this.readTimeoutMs }, signal);
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
		const json = await unknownOn404(this.transport.send({ name: l10n.t('the caller\'s turn in a simulated chat'), method: 'GET', url, timeoutMs: this.readTimeoutMs }, signal), () =>
			l10n.t('Cekura does not know turn {0} of run {1} (HTTP 404): the run may have been deleted, or cekura.apiBaseUrl points at another server.', turnId, runId),
		);
		return checkTurnPoll(json, turnId);
	}

	/** The agent's line; a 409 ("still starting, or already ended") rejects with kind 'conflict'. */
	async submitTurn(runId: number, content: string, signal: AbortSignal): Promise<{ turnId: number; status: string }> {
		const json = await unknownOn404(
			this.transport.send({ name: l10n.t('the agent\'s turn in a simulated chat'), method: 'POST', url: `${this.runUrl(runId)}chat/`, body: JSON.stringify({ content }), timeoutMs: this.readTimeoutMs }, signal),
			() => unknownRun(runId),
		);
		return checkSubmitted(json);
	}

	async endChat(runId: number, reason: string, signal: AbortSignal): Promise<void> {
		await unknownOn404(
			this.transport.send({ name: l10n.t('the end of a simulated chat'), method: 'POST', url: `${this.runUrl(runId)}end-chat/`, body: JSON.stringify({ reason }), timeoutMs: this.readTimeoutMs }, signal),
			() => unknownRun(runId),
		);
	}

	async result(resultId: number, signal: AbortSignal): Promise<ResultState> {
		const url = `${this.options.baseUrl}${RESULTS_PATH}${checkedId(resultId, false)}/`;
		const json = await unknownOn404(this.transport.send({ name: l10n.t('the chat test\'s result'), method: 'GET', url, timeoutMs: this.readTimeoutMs }, signal), () =>
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
		const json = await this.transport.send({ name: l10n.t('the run list'), method: 'GET', url, timeoutMs: this.readTimeoutMs }, signal);
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

function isRunLike(value: unknown): boolean {
	return isObject(value) && typeof value.id === 'number';
}
