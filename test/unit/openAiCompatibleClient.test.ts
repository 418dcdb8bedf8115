import assert from 'node:assert/strict';
import * as http from 'node:http';
import { after, before, beforeEach, describe, test } from 'node:test';
import * as zlib from 'node:zlib';
import nodeFetch from 'node-fetch';
import type { StreamingFetchLike } from '../../src/improve/core/httpTypes';
import { parseModelAnswer } from '../../src/improve/core/modelAnswer';
import { ModelError, type ModelErrorKind } from '../../src/improve/core/modelError';
import { buildModelRequest, charBudget } from '../../src/improve/core/modelPrompt';
import { OpenAiCompatibleClient, type ChatMessage, type OpenAiCompatibleOptions } from '../../src/improve/core/openAiCompatibleClient';
import { json as faultJson, startFaultServer, type FaultServer } from '../faults/faultServer';
import { RULES_HEADING } from '../server/improver';
import { NOT_JSON_ANSWER, startOpenAiServer, type OpenAiServer } from '../server/openAiServer';
import { findRun, SAMPLE_PROMPTS } from '../server/seedData';
import { expectRejection } from '../support/expectRejection';
import type { Run } from '../../src/core/apiTypes';

// The same fetch the extension uses, over loopback to the real local server.
const fetch: StreamingFetchLike = (url, init) => nodeFetch(url, init);
const never = new AbortController().signal;
const KEY = 'sk-local-test-key-123';
const PROMPT = SAMPLE_PROMPTS['dental-front-desk'];

let server: OpenAiServer;
let keyed: OpenAiServer;
let waits: number[];

function client(options: Partial<OpenAiCompatibleOptions> = {}, target: OpenAiServer = server): OpenAiCompatibleClient {
	return new OpenAiCompatibleClient({
		baseUrl: target.url,
		model: 'local-improver',
		fetch,
		timeoutMs: 5000,
		sleep: async (ms) => {
			waits.push(ms);
		},
		...options,
	});
}

const rejection = (promise: Promise<unknown>, kind: ModelErrorKind): Promise<ModelError> => expectRejection(promise, ModelError, kind);

/** The messages the extension would send for run 5546 (seeded: "Booking confirmed" failed, category 311). */
async function improveMessages(): Promise<ChatMessage[]> {
	const run = findRun(5546) as unknown as Run;
	const request = await buildModelRequest({ prompt: PROMPT, runs: [run], focus: { workflow_metric_ids: [7], category_ids: [] } }, charBudget(32_000));
	return [
		{ role: 'system', content: request.instructions },
		{ role: 'user', content: request.request },
	];
}

const chatCalls = (): number => server.requests.filter((r) => r.path === '/v1/chat/completions').length;

async function waitForAbort(target: OpenAiServer): Promise<boolean> {
	for (let i = 0; i < 50 && !target.requests.some((r) => r.aborted); i++) await new Promise((r) => setTimeout(r, 20));
	return target.requests.some((r) => r.aborted);
}

before(async () => {
	server = await startOpenAiServer();
	keyed = await startOpenAiServer({ apiKey: KEY });
});
after(async () => {
	await server.close();
	await keyed.close();
});
beforeEach(() => {
	server.reset();
	keyed.reset();
	waits = [];
});

describe('OpenAiCompatibleClient against the local server', () => {
	test('streams an answer that parses into an improved prompt grounded in the run', async () => {
		const deltas: string[] = [];
		let lastCount = 0;
		const result = await client().complete(await improveMessages(), never, (delta, received) => {
			deltas.push(delta);
			lastCount = received;
		});
		assert.equal(result.finishReason, 'stop');
		assert.ok(deltas.length > 10, 'the text arrived in pieces');
		assert.equal(deltas.join(''), result.text);
		assert.equal(lastCount, result.text.length);
		assert.match(result.text, /^Reasoning: the prompt’s wording/);
		const answer = parseModelAnswer(result.text);
		assert.match(answer.improved_prompt, /Keep calls short, but never end the call before the caller has confirmed the booking\./);
		assert.ok(answer.improved_prompt.includes(RULES_HEADING));
		assert.match(answer.summary_of_changes, /"Booking confirmed" \(run 5546\)/);
	});

	test('the server receives the model, stream: true, SSE Accept, the prompt and the run evidence', async () => {
		await client().complete(await improveMessages(), never);
		const [request] = server.requests;
		assert.equal(request.method, 'POST');
		assert.equal(request.path, '/v1/chat/completions');
		assert.match(request.headers.accept, /text\/event-stream/);
		const body = request.body as { model: string; stream: boolean; messages: ChatMessage[] };
		assert.equal(body.model, 'local-improver');
		assert.equal(body.stream, true);
		assert.deepEqual(body.messages.map((m) => m.role), ['system', 'user']);
		const user = body.messages[1].content;
		assert.ok(user.includes(PROMPT), 'the prompt was not sent verbatim');
		assert.match(user, /## Run 5546: "Reschedule cleaning to next week"/);
		assert.match(user, /\[focus\] "Booking confirmed" \(metric 7\): "The agent never read back the new appointment time\./);
		assert.match(user, /\[\d\d:\d\d\] "Testing Agent": "Wait, I wasn't sure about Thursday/);
	});

	test('a plain JSON answer to a stream request is read too (bare JSON content)', async () => {
		server.setModes({ mode: 'no-stream' });
		const deltas: string[] = [];
		const result = await client().complete(await improveMessages(), never, (d) => deltas.push(d));
		assert.equal(typeof result.usage?.promptTokens, 'number');
		assert.match(result.text.trim(), /^\{/);
		assert.equal(deltas.join(''), result.text);
		assert.match(parseModelAnswer(result.text).summary_of_changes, /Booking confirmed/);
	});

	test('the API key is sent as a Bearer token only when one is set, and never recorded', async () => {
		await client().complete(await improveMessages(), never);
		await client({ apiKey: '' }).listModels(never);
		assert.deepEqual(server.requests.map((r) => r.authorizationPresent), [false, false]);
		await client({ apiKey: KEY }, keyed).complete(await improveMessages(), never);
		assert.equal(keyed.requests[0].authorizationPresent, true);
		assert.equal(keyed.requests[0].authorizationMatched, true);
		assert.doesNotMatch(JSON.stringify(keyed.requests), new RegExp(KEY));
	});

	test('401: a missing or wrong key says to set the model API key, without the key', async () => {
		const missing = await rejection(client({}, keyed).complete(await improveMessages(), never), 'unauthorized');
		assert.match(missing.message, /without an API key \(401\): You didn't provide an API key\. Run "Set Model API Key"/);
		server.setModes({ mode: 'unauthorized' });
		const wrong = await rejection(client({ apiKey: 'sk-wrong-key-456' }).complete(await improveMessages(), never), 'unauthorized');
		assert.match(wrong.message, /rejected the model API key \(401\): Incorrect API key provided\./);
		assert.doesNotMatch(wrong.message, /sk-wrong-key-456/);
		assert.equal(wrong.status, 401);
	});

	test('429 then success: waits the Retry-After seconds and retries', async () => {
		server.setModes({ mode: 'throttled-once', retryAfterSeconds: 2 });
		const result = await client().complete(await improveMessages(), never);
		assert.ok(parseModelAnswer(result.text).improved_prompt);
		assert.deepEqual(waits, [2000]);
		assert.equal(chatCalls(), 2);
	});

	test('429 every time: 3 retries, then an error saying when to try again', async () => {
		server.setModes({ mode: 'throttled', retryAfterSeconds: 1 });
		const err = await rejection(client().complete(await improveMessages(), never), 'throttled');
		assert.deepEqual(waits, [1000, 1000, 1000]);
		assert.equal(chatCalls(), 4);
		assert.match(err.message, /limiting requests \(429\).*Try again in 1 s\./);
	});

	test('a Retry-After over 60 s is not waited for', async () => {
		server.setModes({ mode: 'throttled', retryAfterSeconds: 61 });
		const err = await rejection(client().complete(await improveMessages(), never), 'throttled');
		assert.deepEqual(waits, []);
		assert.equal(chatCalls(), 1);
		assert.equal(err.retryAfterSeconds, 61);
		assert.match(err.message, /Try again in 61 s/);
	});

	test('500 is reported with the server\'s message and not retried', async () => {
		server.setModes({ mode: 'server-error' });
		const err = await rejection(client().complete(await improveMessages(), never), 'server');
		assert.match(err.message, /failed \(HTTP 500\): The server had an error/);
		assert.equal(chatCalls(), 1);
	});

	test('a stream cut off mid-answer is an error, never a partial answer, and is not retried', async () => {
		server.setModes({ mode: 'cut-stream' });
		let received = 0;
		const err = await rejection(client().complete(await improveMessages(), never, (_d, n) => (received = n)), 'network');
		assert.ok(received > 0, 'some text had arrived before the cut');
		assert.match(err.message, /broke in the middle of the answer \(\d+ characters received\)/);
		assert.equal(chatCalls(), 1);
	});

	test('finish_reason "length" is reported as truncated, not returned as a cut answer', async () => {
		server.setModes({ mode: 'length' });
		const err = await rejection(client().complete(await improveMessages(), never), 'truncated');
		assert.match(err.message, /stopped at its output limit after \d+ characters/);
	});

	test('a prose answer passes through complete but fails parseModelAnswer', async () => {
		server.setModes({ mode: 'not-json' });
		const result = await client().complete(await improveMessages(), never);
		assert.equal(result.text, NOT_JSON_ANSWER);
		assert.throws(() => parseModelAnswer(result.text), (err: unknown) => err instanceof ModelError && err.kind === 'invalidResponse');
	});

	test('an unknown model is a 404 naming the model and the base URL', async () => {
		const err = await rejection(client({ model: 'gpt-nonexistent' }).complete(await improveMessages(), never), 'modelNotFound');
		assert.ok(err.message.includes('no model "gpt-nonexistent"'), err.message);
		assert.ok(err.message.includes(server.url), err.message);
		assert.match(err.message, /cekura\.openaiCompatible\.baseUrl \(it usually ends in \/v1\)/);
		server.setModes({ mode: 'unknown-model' });
		await rejection(client().complete(await improveMessages(), never), 'modelNotFound');
	});

	test('cancelling while waiting for the first token aborts the request at once', async () => {
		server.setModes({ mode: 'slow-first-token', delayMs: 10_000 });
		const controller = new AbortController();
		setTimeout(() => controller.abort(), 150);
		const started = Date.now();
		await rejection(client().complete(await improveMessages(), controller.signal), 'cancelled');
		assert.ok(Date.now() - started < 1500, `cancelling took ${Date.now() - started} ms`);
		assert.ok(await waitForAbort(server), 'the server did not see the request dropped');
	});

	test('the overall deadline ends a slow answer as a timeout', async () => {
		server.setModes({ mode: 'slow-first-token', delayMs: 10_000 });
		const err = await rejection(client({ timeoutMs: 300 }).complete(await improveMessages(), never), 'timeout');
		assert.match(err.message, /within 0 s|within 1 s/);
		assert.ok(await waitForAbort(server));
	});

	test('a redirect to another origin is not followed, so the key does not travel there', async () => {
		const elsewhere: http.IncomingHttpHeaders[] = [];
		const other = http.createServer((req, res) => {
			elsewhere.push(req.headers);
			res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"choices":[{"message":{"content":"stolen"},"finish_reason":"stop"}]}');
		});
		await new Promise<void>((resolve) => other.listen(server.port, '127.0.0.2', resolve));
		try {
			server.setModes({ mode: 'redirect-other-origin' });
			const err = await rejection(client({ apiKey: KEY }).complete(await improveMessages(), never), 'redirect');
			assert.match(err.message, /127\.0\.0\.2/);
			assert.doesNotMatch(err.message, new RegExp(KEY));
			assert.equal(elsewhere.length, 0, 'the request (and the key) went to the other origin');
			// The other server does answer when asked directly, so the check above is meaningful.
			const direct = await nodeFetch(`http://127.0.0.2:${server.port}/v1/chat/completions`, { method: 'POST' });
			assert.equal(direct.status, 200);
			assert.equal(elsewhere.length, 1);
		} finally {
			await new Promise((resolve) => other.close(resolve));
		}
	});

	test('an answer larger than the cap is refused', async () => {
		const err = await rejection(client({ maxResponseBytes: 2048 }).complete(await improveMessages(), never), 'invalidResponse');
		assert.match(err.message, /larger than 2 KiB .*not read to the end/);
	});

	test('a stream delivered 1–3 bytes at a time, splitting lines and UTF-8 characters, reads the same', async () => {
		const whole = await client().complete(await improveMessages(), never);
		assert.match(whole.text, /’|“|—/, 'the answer should hold multi-byte characters');
		server.setModes({ chunkBytes: 5 });
		const rechunking: StreamingFetchLike = async (url, init) => {
			const response = await nodeFetch(url, init);
			const source = response.body;
			async function* tiny(): AsyncGenerator<Uint8Array> {
				if (!source) return;
				let n = 0;
				for await (const chunk of source) {
					const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
					for (let i = 0; i < bytes.length; ) {
						const size = 1 + (n++ % 3);
						yield bytes.subarray(i, i + size);
						i += size;
					}
				}
			}
			return { status: response.status, headers: response.headers, text: () => response.text(), body: source ? tiny() : null };
		};
		const split = await client({ fetch: rechunking }).complete(await improveMessages(), never);
		assert.equal(split.text, whole.text);
		assert.doesNotMatch(split.text, /\uFFFD/, 'a split character was decoded as a replacement character');
	});

	test('modes can be switched over HTTP too, and requests read back without the key', async () => {
		const set = await nodeFetch(`${keyed.url.replace(/\/v1$/, '')}/__control/modes`, { method: 'POST', body: JSON.stringify({ mode: 'server-error' }) });
		assert.equal(set.status, 200);
		await rejection(client({ apiKey: KEY }, keyed).complete(await improveMessages(), never), 'server');
		const recorded = await (await nodeFetch(`${keyed.url.replace(/\/v1$/, '')}/__control/requests`)).text();
		assert.match(recorded, /"authorizationPresent":true/);
		assert.doesNotMatch(recorded, new RegExp(KEY));
		const unknown = await nodeFetch(`${keyed.url.replace(/\/v1$/, '')}/__control/modes`, { method: 'POST', body: JSON.stringify({ mode: 'sleepy' }) });
		assert.equal(unknown.status, 400);
	});

	test('listModels returns the ids of GET /models', async () => {
		assert.deepEqual(await client().listModels(never), ['local-improver', 'local-improver-mini']);
		assert.equal(server.requests[0].method, 'GET');
		assert.equal(server.requests[0].path, '/v1/models');
	});

	test('a closed port is a network error naming the host and proxy settings', async () => {
		const probe = http.createServer();
		await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
		const address = probe.address();
		const port = typeof address === 'object' && address ? address.port : 0;
		await new Promise((resolve) => probe.close(resolve));
		const err = await rejection(client({ baseUrl: `http://127.0.0.1:${port}/v1` }).complete(await improveMessages(), never), 'network');
		assert.match(err.message, new RegExp(`127\\.0\\.0\\.1:${port}.*ECONNREFUSED.*http\\.proxy`));
	});

	test('a prompt too large for the model is refused before any request is sent', async () => {
		const run = findRun(5546) as unknown as Run;
		await assert.rejects(
			(async () => {
				const request = await buildModelRequest({ prompt: PROMPT.repeat(40), runs: [run], focus: { workflow_metric_ids: [], category_ids: [] } }, charBudget(4096));
				await client().complete([{ role: 'user', content: request.request }], never);
			})(),
			(err: unknown) => err instanceof ModelError && err.kind === 'tooLarge' && /accepts 4096/.test(err.message),
		);
		assert.equal(server.requests.length, 0);
	});
});

describe('OpenAiCompatibleClient against servers that misbehave', () => {
	const MODEL_KEY = 'sk-proj-Model/Key+77';
	let faulty: FaultServer;
	const hardened = (options: Partial<OpenAiCompatibleOptions> = {}): OpenAiCompatibleClient =>
		new OpenAiCompatibleClient({ baseUrl: `${faulty.url}/v1`, apiKey: MODEL_KEY, model: 'm', fetch, timeoutMs: 5000, sleep: async (ms) => void waits.push(ms), ...options });
	const ask = (c: OpenAiCompatibleClient = hardened()): Promise<unknown> => c.complete([{ role: 'user', content: 'hi' }], never);
	const answer = (text: string): unknown => ({ choices: [{ message: { content: text }, finish_reason: 'stop' }] });

	before(async () => {
		faulty = await startFaultServer();
	});
	after(() => faulty.close());
	beforeEach(() => {
		faulty.requests.length = 0;
	});

	test('the charset of a JSON answer is honoured; bytes that are not text are refused', async () => {
		faulty.handle((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json; charset=iso-8859-1' }).end(Buffer.from(JSON.stringify(answer('Café crème')), 'latin1')));
		assert.equal(((await ask()) as { text: string }).text, 'Café crème');
		faulty.handle((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(Buffer.from(JSON.stringify(answer('Café crème')), 'latin1')));
		const err = await rejection(ask(), 'invalidResponse');
		assert.match(err.message, /not valid utf-8 text/);
	});

	test('Retry-After: -5 is not read as a date in 2001: the client backs off on its own', async () => {
		faulty.handle((_req, res) => faultJson(res, 429, { error: { message: 'slow down' } }, { 'Retry-After': '-5' }));
		await rejection(ask(), 'throttled');
		assert.deepEqual(waits, [1000, 2000, 4000]);
	});

	test('a model key echoed upper-cased or URL-encoded, at any length of body, stays out of the message', async () => {
		for (const echo of [MODEL_KEY.toUpperCase(), encodeURIComponent(MODEL_KEY).toLowerCase(), `${'x'.repeat(260)}${MODEL_KEY}`]) {
			faulty.handle((_req, res) => faultJson(res, 401, { error: { message: `Incorrect API key provided: ${echo}` } }));
			const err = await rejection(ask(), 'unauthorized');
			for (const form of [MODEL_KEY.toLowerCase(), encodeURIComponent(MODEL_KEY).toLowerCase(), MODEL_KEY.slice(0, 12).toLowerCase()]) {
				assert.ok(!err.message.toLowerCase().includes(form), err.message);
			}
		}
	});

	test('a redirect loop, a redirect without Location and one to an invalid address each say what happened', async () => {
		faulty.handle((req, res) => res.writeHead(308, { Location: req.url === '/v1/chat/completions' ? '/v1/x' : '/v1/chat/completions' }).end());
		const loop = await rejection(ask(), 'redirect');
		assert.match(loop.message, /redirect loop/);
		assert.doesNotMatch(loop.message, /not sent there/);
		faulty.handle((_req, res) => res.writeHead(302, { Location: 'http://[::1' }).end());
		assert.match((await rejection(ask(), 'redirect')).message, /not a valid URL/);
		faulty.handle((_req, res) => res.writeHead(307).end());
		assert.match((await rejection(ask(), 'redirect')).message, /no Location header/);
	});

	test('a gzip bomb is refused at the cap, quickly', async () => {
		const bomb = zlib.gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x20));
		faulty.handle((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }).end(bomb));
		const started = Date.now();
		const err = await rejection(ask(), 'invalidResponse');
		assert.match(err.message, /larger than 8 MiB/);
		assert.ok(Date.now() - started < 2000);
	});
});
