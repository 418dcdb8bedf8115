import nodeFetch from 'node-fetch';
import { CekuraClient } from '../../src/core/cekuraClient';
import { OpenAiCompatibleClient } from '../../src/core/openAiCompatibleClient';
import { requestTimeoutMs } from '../../src/core/requestTimeout';
import { KEY, MODEL_KEY, type FaultCase } from './faultCase';
import { delay, json, startFaultServer, type FaultHandler, type FaultServer } from './faultServer';

/**
 * Keys in fragments and in proposals, and request timeouts from odd settings: each case starts its own loopback
 * server, closed when the case ends.
 */
export function keyCases(): FaultCase[] {
	return [...timeoutCases()];
}

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
