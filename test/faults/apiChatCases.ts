import nodeFetch from 'node-fetch';
import { redact } from '../../src/core/redact';
import { CekuraClient } from '../../src/improve/core/cekuraClient';
import { CekuraError } from '../../src/improve/core/cekuraError';
import { runChatTest } from '../../src/improve/core/chatTest/chatTest';
import { renderChatTestMarkdown } from '../../src/improve/core/chatTest/chatTestMarkdown';
import { ModelError } from '../../src/improve/core/modelError';
import { EchoAgent, FakeApiChat, noSleep, quietLog } from '../support/fakeApiChat';
import { KEY, keyShownIn, type FaultCase } from './faultCase';
import { json, startFaultServer, type FaultHandler, type FaultServer } from './faultServer';

/**
 * Cekura's API chat with a hostile or broken server: a key echoed in an error body or in a redirect never reaches a
 * message, a redirect never carries the key elsewhere, a malformed answer gives a clear message, and a key in a
 * model's error never reaches the chat test's outcome or report. Each case starts its own loopback server.
 */
export function apiChatCases(): FaultCase[] {
	return [...echoCases(), ...redirectCases(), ...shapeCases(), { name: 'a key in the model\'s error reaches neither the outcome nor the report', check: modelErrorKey }];
}

const never = new AbortController().signal;
const START = { agent_id: 42, scenarios: [205], frequency: 1, name: 'VS Code: original' };

async function withServer(handler: FaultHandler, act: (client: CekuraClient, server: FaultServer) => Promise<string | undefined>): Promise<string | undefined> {
	const server = await startFaultServer();
	server.handle(handler);
	try {
		return await act(new CekuraClient({ baseUrl: server.url, apiKey: KEY, fetch: (url, init) => nodeFetch(url, init), improveTimeoutMs: 2000, readTimeoutMs: 2000, retryBaseDelayMs: 20 }), server);
	} finally {
		await server.close();
	}
}

/** What went wrong with a call that must fail with a CekuraError of `kind` whose message matches `says` and holds no key. */
async function fails(what: string, call: () => Promise<unknown>, kind: string, says: RegExp): Promise<string | undefined> {
	try {
		await call();
		return 'succeeded';
	} catch (err) {
		if (!(err instanceof CekuraError)) return `threw ${String(err)}`.slice(0, 300);
		const shown = [err.message, ...err.details].join('\n');
		const problem = keyShownIn(what, shown);
		if (problem) return `${problem}: ${shown.slice(0, 300)}`;
		if (err.kind !== kind) return `a ${err.kind} error, not ${kind}: ${err.message.slice(0, 200)}`;
		return says.test(err.message) ? undefined : `an unclear message: ${err.message.slice(0, 300)}`;
	}
}

type Call = (client: CekuraClient) => Promise<unknown>;
const CALLS: Record<string, Call> = {
	'the start': (c) => c.startChats(START, never),
	'a poll': (c) => c.pollTurn(90001, 3, never),
	'a submission': (c) => c.submitTurn(90001, 'Hello', never),
	'end-chat': (c) => c.endChat(90001, 'main_agent_ended_call', never),
	'the result': (c) => c.result(7001, never),
};

function echoCases(): FaultCase[] {
	return Object.entries(CALLS).map(([what, call]) => ({
		name: `API chat, ${what}: a 400 body echoing the key`,
		check: () => withServer((req, res) => json(res, 400, { content: [`Bad value; your key ${String(req.headers['x-cekura-api-key'])} is not allowed here.`] }), (client) => fails(`the message of ${what}`, () => call(client), 'badRequest', /400/)),
	}));
}

function redirectCases(): FaultCase[] {
	return Object.entries(CALLS).map(([what, call]) => ({
		name: `API chat, ${what}: a redirect to another origin, with the key in its address`,
		check: async () => {
			const elsewhere = await startFaultServer();
			elsewhere.handle((_req, res) => json(res, 200, {}));
			try {
				return await withServer(
					(_req, res) => res.writeHead(307, { Location: `${elsewhere.url}/steal?key=${encodeURIComponent(KEY)}` }).end(),
					async (client) => {
						const problem = await fails(`the message of ${what}`, () => call(client), 'redirect', /not followed/);
						if (problem) return problem;
						return elsewhere.requests.length ? `${elsewhere.requests.length} request(s) reached the other origin` : undefined;
					},
				);
			} finally {
				await elsewhere.close();
			}
		},
	}));
}

function shapeCases(): FaultCase[] {
	const cases: [string, unknown, Call, RegExp][] = [
		['the start answers without a result ID', { runs: [{ id: 1 }] }, CALLS['the start'], /start of the simulated chats with an unexpected shape/],
		['the start answers runs keyed by something that is not a run ID', { id: 7, runs: { abc: {} } }, CALLS['the start'], /keyed by run ID/],
		['the start answers no runs', { id: 7, runs: [] }, CALLS['the start'], /no runs were started/],
		['a poll answers an unknown status', { turn_id: 3, status: 'thinking', message: null, ended: false }, CALLS['a poll'], /turn in a simulated chat with an unexpected shape.*status/],
		['a poll answers a message that is not text', { turn_id: 3, status: 'ready', message: { text: 'hi' }, ended: false }, CALLS['a poll'], /message/],
		['a submission answers without a turn ID', { run_id: 90001, status: 'generating' }, CALLS['a submission'], /turn_id/],
		['the result answers without a status', { id: 7001, runs: {} }, CALLS['the result'], /status/],
	];
	return cases.map(([name, body, call, says]) => ({
		name: `API chat: ${name}`,
		check: () => withServer((_req, res) => json(res, 200, body), (client) => fails(name, () => call(client), 'invalidResponse', says)),
	}));
}

async function modelErrorKey(): Promise<string | undefined> {
	const api = new FakeApiChat();
	const agent = new EchoAgent();
	agent.onReply = () => {
		throw new ModelError('badRequest', `The model server rejected the request (400): invalid key ${KEY}`);
	};
	const clean = (text: string): string => redact(text, [KEY]);
	const plan = { scenarios: [{ id: 1, name: 's', agentId: 7, kind: 'failed' as const, fromRunIds: [] }], frequency: 1, maxTurns: 5, original: 'a', proposal: 'b' };
	const outcome = await runChatTest(plan, { api, agent, log: quietLog, sleep: noSleep, clean }, never, () => undefined);
	if (outcome.verdicts[0].verdict !== 'inconclusive') return `verdict ${outcome.verdicts[0].verdict}, not inconclusive`;
	const report = renderChatTestMarkdown(outcome, { sourceName: 'p.md', baseUrl: 'https://api.cekura.ai', projectIdOf: () => 1, clean });
	return keyShownIn('the chat records', JSON.stringify(outcome.chats)) ?? keyShownIn('the inconclusive reason', outcome.verdicts[0].inconclusiveReason ?? '') ?? keyShownIn('the report', report);
}
