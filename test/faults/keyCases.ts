import nodeFetch from 'node-fetch';
import type { Run } from '../../src/core/apiTypes';
import { CekuraClient } from '../../src/improve/core/cekuraClient';
import { CekuraError } from '../../src/improve/core/cekuraError';
import { CekuraEngine } from '../../src/improve/core/engines/cekuraEngine';
import type { Proposal } from '../../src/core/proposal';
import { ModelEngine } from '../../src/improve/core/engines/modelEngine';
import { OpenAiChatModel } from '../../src/improve/core/engines/openAiChatModel';
import { withoutSecrets } from '../../src/improve/core/engines/proposalSecrets';
import { ModelError } from '../../src/improve/core/modelError';
import { OpenAiCompatibleClient } from '../../src/improve/core/openAiCompatibleClient';
import { requestTimeoutMs } from '../../src/improve/core/requestTimeout';
import { SEED_RUNS } from '../server/seedData';
import { KEY, keyShownIn, MODEL_KEY, type FaultCase } from './faultCase';
import { delay, json, startFaultServer, type FaultHandler, type FaultServer } from './faultServer';

/**
 * Keys in fragments and in proposals, and request timeouts from odd settings: each case starts its own loopback
 * server, closed when the case ends.
 */
export function keyCases(): FaultCase[] {
	return [...errorBodyCases(), ...linkCases(), ...contentTypeCases(), ...proposalCases(), ...timeoutCases()];
}

/** So much of a server's text comes before the key that a message cut at 100 or 300 characters cuts the key. */
const before = (cutAt: number, already = 0): string => 'E'.repeat(cutAt - already - 15);

const never = new AbortController().signal;

async function withServer(handler: FaultHandler, act: (server: FaultServer) => Promise<string | undefined>): Promise<string | undefined> {
	const server = await startFaultServer();
	server.handle(handler);
	try {
		return await act(server);
	} finally {
		await server.close();
	}
}

function cekuraAt(server: FaultServer, improveTimeoutMs = 2000): CekuraClient {
	return new CekuraClient({ baseUrl: server.url, apiKey: KEY, fetch: (url, init) => nodeFetch(url, init), improveTimeoutMs, readTimeoutMs: 2000, retryBaseDelayMs: 20 });
}

function modelAt(server: FaultServer, timeoutMs = 2000): OpenAiCompatibleClient {
	return new OpenAiCompatibleClient({ baseUrl: `${server.url}/v1`, apiKey: MODEL_KEY, model: 'm', fetch: (url, init) => nodeFetch(url, init), timeoutMs, retryBaseDelayMs: 20 });
}

/** What a call that should have worked did instead. */
async function works(call: () => Promise<unknown>): Promise<string | undefined> {
	try {
		await call();
		return undefined;
	} catch (err) {
		return `failed: ${err instanceof Error ? err.message : String(err)}`.slice(0, 300);
	}
}

/**
 * What went wrong with a call that must fail with a CekuraError or a ModelError whose message (and details) hold
 * no 10-character fragment of either key.
 */
async function failsWithoutKey(what: string, call: () => Promise<unknown>, kind?: string): Promise<string | undefined> {
	try {
		await call();
		return 'succeeded';
	} catch (err) {
		if (!(err instanceof CekuraError) && !(err instanceof ModelError)) return `threw ${String(err)}`.slice(0, 300);
		const shown = [err.message, ...(err instanceof CekuraError ? err.details : [])].join('\n');
		const problem = keyShownIn(what, shown);
		if (problem) return `${problem}: ${shown.slice(0, 400)}`;
		return kind && err.kind !== kind ? `a ${err.kind} error, not ${kind}: ${err.message.slice(0, 200)}` : undefined;
	}
}

/** A long error answer from Cekura with the key past the first 285 characters, for each status that shows the body. */
function errorBodyCases(): FaultCase[] {
	const kinds: Record<number, string> = { 400: 'badRequest', 401: 'unauthorized', 403: 'forbidden', 500: 'server' };
	return Object.entries(kinds).map(([status, kind]) => ({
		name: `Cekura ${status}, a long text body with the key cut by the 300-character limit`,
		check: () =>
			withServer(
				(req, res) => res.writeHead(Number(status), { 'Content-Type': 'text/plain' }).end(`${before(300)}${String(req.headers['x-cekura-api-key'])} was rejected. ${'E'.repeat(3000)}`),
				(server) => failsWithoutKey('the error', () => cekuraAt(server).improvePrompt({ prompt: 'Be brief.', run_ids: [1] }, never), kind),
			),
	}));
}

/**
 * A next page link and redirect targets that are not valid URLs, with the key where a 100-character cut falls, or
 * that lead to a host the key's start names (a URL parser ends the host at the key's "/").
 */
function linkCases(): FaultCase[] {
	const invalid = (key: string): string => `http://[${before(100, 8)}${key}`;
	return [
		{
			name: 'Cekura: a next page link that is not a URL, holding the key',
			check: () =>
				withServer(
					(req, res) => json(res, 200, { count: 99, next: invalid(String(req.headers['x-cekura-api-key'])), previous: null, results: [{ id: 1 }] }),
					async (server) => {
						const client = cekuraAt(server);
						const page = await client.listRuns({}, never);
						return failsWithoutKey('the error', () => client.nextRunsPage(page.next ?? '', never), 'invalidResponse');
					},
				),
		},
		{
			name: 'Cekura: a redirect to an address that is not a URL, holding the key',
			check: () =>
				withServer(
					(req, res) => res.writeHead(302, { Location: invalid(String(req.headers['x-cekura-api-key'])) }).end(),
					(server) => failsWithoutKey('the error', () => cekuraAt(server).improvePrompt({ prompt: 'Be brief.', run_ids: [1] }, never), 'redirect'),
				),
		},
		{
			name: 'Cekura: a next page link to another server whose host name starts with the key',
			check: () =>
				withServer(
					(req, res) => json(res, 200, { count: 99, next: `http://${String(req.headers['x-cekura-api-key'])}/runs/`, previous: null, results: [{ id: 1 }] }),
					async (server) => {
						const client = cekuraAt(server);
						const page = await client.listRuns({}, never);
						return failsWithoutKey('the error', () => client.nextRunsPage(page.next ?? '', never), 'redirect');
					},
				),
		},
		{
			name: 'Cekura: a redirect to another server whose host name starts with the key',
			check: () =>
				withServer(
					(req, res) => res.writeHead(302, { Location: `http://${String(req.headers['x-cekura-api-key'])}/x` }).end(),
					(server) => failsWithoutKey('the error', () => cekuraAt(server).improvePrompt({ prompt: 'Be brief.', run_ids: [1] }, never), 'redirect'),
				),
		},
		{
			name: 'model server: a redirect to another server whose host name starts with the key',
			check: () =>
				withServer(
					(req, res) => res.writeHead(307, { Location: `http://${String(req.headers.authorization).slice(7)}/x` }).end(),
					(server) => failsWithoutKey('the error', () => modelAt(server).complete([{ role: 'user', content: 'hi' }], never), 'redirect'),
				),
		},
		{
			name: 'model server: a redirect to an address that is not a URL, holding the key',
			check: () =>
				withServer(
					(req, res) => res.writeHead(307, { Location: invalid(String(req.headers.authorization).slice(7)) }).end(),
					(server) => failsWithoutKey('the error', () => modelAt(server).complete([{ role: 'user', content: 'hi' }], never), 'redirect'),
				),
		},
	];
}

/** A 2xx answer that is not JSON, whose Content-Type holds the key (where an 80-character cut falls, for Cekura). */
function contentTypeCases(): FaultCase[] {
	return [
		{
			name: 'Cekura: a content type holding the key',
			check: () =>
				withServer(
					(req, res) => res.writeHead(200, { 'Content-Type': `text/html; x=${before(80, 13)}${String(req.headers['x-cekura-api-key'])}` }).end('<html>login</html>'),
					(server) => failsWithoutKey('the error', () => cekuraAt(server).improvePrompt({ prompt: 'Be brief.', run_ids: [1] }, never), 'invalidResponse'),
				),
		},
		{
			name: 'model server: a content type holding the key',
			check: () =>
				withServer(
					(req, res) => res.writeHead(200, { 'Content-Type': `text/html; token=${String(req.headers.authorization).slice(7)}` }).end('<html>login</html>'),
					(server) => failsWithoutKey('the error', () => modelAt(server).complete([{ role: 'user', content: 'hi' }], never), 'invalidResponse'),
				),
		},
		{
			name: 'model server: the model list in a content type holding the key',
			check: () =>
				withServer(
					(req, res) => res.writeHead(200, { 'Content-Type': `text/html; token=${String(req.headers.authorization).slice(7)}` }).end('<html>login</html>'),
					(server) => failsWithoutKey('the error', () => modelAt(server).listModels(never), 'invalidResponse'),
				),
		},
	];
}

/** What went wrong with a proposal as the review is given it (every engine's goes through `withoutSecrets`). */
function reviewedWithoutKey(proposal: Proposal): string | undefined {
	const reviewed = withoutSecrets(proposal, [KEY, MODEL_KEY]);
	const problem = keyShownIn('the proposal', reviewed.improved_prompt) ?? keyShownIn('the summary', [reviewed.summary_of_changes, ...reviewed.warnings].join('\n'));
	if (problem) return problem;
	if (!reviewed.improved_prompt.includes('Always confirm the date.')) return `the rest of the proposal is lost: ${reviewed.improved_prompt.slice(0, 200)}`;
	return reviewed.warnings.some((w) => /held an API key/.test(w)) ? undefined : `no warning says a key was removed: ${JSON.stringify(reviewed.warnings)}`;
}

/** A server or a model that writes the key it was sent into the improved prompt and the summary. */
function proposalCases(): FaultCase[] {
	const input = { prompt: 'Be brief.', runIds: [1], focus: { workflow_metric_ids: [], category_ids: [] } };
	const echoed = (key: string): { improved_prompt: string; summary_of_changes: string } => ({
		improved_prompt: `Be brief. Authenticate with ${key}.\nAlways confirm the date.`,
		summary_of_changes: `Added the key ${key.toUpperCase()} and a rule.`,
	});
	const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
	return [
		{
			name: "Cekura's engine: improved_prompt and summary holding the key",
			check: () =>
				withServer(
					(req, res) => json(res, 200, echoed(String(req.headers['x-cekura-api-key']))),
					async (server) => reviewedWithoutKey(await new CekuraEngine(cekuraAt(server)).improve(input, never, () => undefined)),
				),
		},
		{
			name: 'a model engine on a model server: improved_prompt and summary holding the model key',
			check: () =>
				withServer(
					(req, res) => json(res, 200, { choices: [{ message: { content: JSON.stringify(echoed(String(req.headers.authorization).slice(7))) }, finish_reason: 'stop' }] }),
					async (server) => {
						const engine = new ModelEngine('openaiCompatible', new OpenAiChatModel(modelAt(server), 'm at loopback', 32_000), async () => [SEED_RUNS[0] as unknown as Run], silent);
						return reviewedWithoutKey(await engine.improve(input, never, () => undefined));
					},
				),
		},
	];
}

/**
 * cekura.requestTimeoutSeconds as a settings.json may hold it: each must give a timeout requests work with. (NaN,
 * which JSON cannot hold, gave the default before too: the unit tests cover it.)
 */
function timeoutCases(): FaultCase[] {
	return [16.1, 1e9].flatMap((seconds): FaultCase[] => [
		{
			name: `requestTimeoutSeconds ${seconds}: Cekura's improve_prompt works`,
			check: () =>
				withServer(
					(_req, res) => json(res, 200, { improved_prompt: 'Be brief and kind.', summary_of_changes: 'Kinder.' }),
					(server) => works(() => cekuraAt(server, requestTimeoutMs(seconds)).improvePrompt({ prompt: 'Be brief.', run_ids: [1] }, never)),
				),
		},
		{
			name: `requestTimeoutSeconds ${seconds}: a model server's answer works`,
			check: () =>
				withServer(
					(_req, res) => json(res, 200, { choices: [{ message: { content: 'hello' }, finish_reason: 'stop' }] }),
					(server) => works(() => modelAt(server, requestTimeoutMs(seconds)).complete([{ role: 'user', content: 'hi' }], never)),
				),
		},
	]).concat({
		name: 'requestTimeoutSeconds 4.5: an answer after 4.7 s is still waited for (5 s is the least)',
		check: () =>
			withServer(
				async (_req, res) => {
					await delay(4700);
					json(res, 200, { improved_prompt: 'Be brief and kind.', summary_of_changes: 'Kinder.' });
				},
				(server) => works(() => cekuraAt(server, requestTimeoutMs(4.5)).improvePrompt({ prompt: 'Be brief.', run_ids: [1] }, never)),
			),
	});
}
