import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import * as zlib from 'node:zlib';
import nodeFetch from 'node-fetch';
import { CekuraClient, type CekuraClientOptions } from '../../src/improve/core/cekuraClient';
import { CekuraError, type CekuraErrorKind } from '../../src/improve/core/cekuraError';
import type { FetchLike } from '../../src/improve/core/httpTypes';
import { json, startFaultServer, type FaultServer } from '../faults/faultServer';
import { DEMO_API_KEY, startCekuraServer, type CekuraServer } from '../server/cekuraServer';
import { expectRejection } from '../support/expectRejection';

// The same fetch the extension uses, over loopback to the real local server.
const fetch: FetchLike = (url, init) => nodeFetch(url, init);
const never = new AbortController().signal;

let server: CekuraServer;
let waits: number[];

function client(options: Partial<CekuraClientOptions> = {}): CekuraClient {
	return new CekuraClient({
		baseUrl: server.url,
		apiKey: DEMO_API_KEY,
		fetch,
		improveTimeoutMs: 5000,
		sleep: async (ms) => {
			waits.push(ms);
		},
		...options,
	});
}

const rejection = (promise: Promise<unknown>, kind: CekuraErrorKind): Promise<CekuraError> => expectRejection(promise, CekuraError, kind);

const improveCalls = (): number => server.requests.filter((r) => r.path.endsWith('/improve_prompt/')).length;
const PROMPT = 'You are the front desk of Bright Smiles Dental.\nKeep calls short.\n';

before(async () => {
	server = await startCekuraServer();
});
after(() => server.close());
beforeEach(() => {
	server.reset();
	waits = [];
});

describe('improvePrompt', () => {
	test('sends the documented body and header, and returns the improved prompt', async () => {
		const answer = await client().improvePrompt({ prompt: PROMPT, run_ids: [5546], workflow_metric_ids: [7], category_ids: [] }, never);
		assert.notEqual(answer.improved_prompt, PROMPT);
		assert.ok(answer.summary_of_changes.length > 0);
		const [request] = server.requests;
		assert.equal(request.method, 'POST');
		assert.equal(request.path, '/test_framework/v1/runs/improve_prompt/');
		assert.equal(request.apiKeyValid, true);
		assert.deepEqual(request.body, { prompt: PROMPT, run_ids: [5546], workflow_metric_ids: [7] }, 'empty ID lists must be left out');
	});

	test('refuses more than 3 runs before sending anything', async () => {
		await rejection(client().improvePrompt({ prompt: PROMPT, run_ids: [1, 2, 3, 4] }, never), 'badRequest');
		assert.equal(server.requests.length, 0);
	});

	test('400: the field messages of the server', async () => {
		const err = await rejection(client().improvePrompt({ prompt: PROMPT, run_ids: [999999] }, never), 'badRequest');
		assert.equal(err.status, 400);
		assert.deepEqual(err.details, ['run_ids: Invalid run IDs or runs not found: 999999']);
	});

	test('401: a wrong key', async () => {
		const err = await rejection(client({ apiKey: 'ck_wrong' }).improvePrompt({ prompt: PROMPT, run_ids: [5546] }, never), 'unauthorized');
		assert.match(err.message, /rejected the API key \(401\): Invalid API key/);
	});

	for (const [mode, status] of [['removed-404', 404], ['removed-405', 405]] as const) {
		test(`${status}: this server does not offer improve_prompt`, async () => {
			server.setModes({ improve: mode });
			const err = await rejection(client().improvePrompt({ prompt: PROMPT, run_ids: [5546] }, never), 'notOffered');
			assert.match(err.message, new RegExp(`does not offer improve_prompt \\(HTTP ${status}\\)`));
			assert.equal(improveCalls(), 1, 'a missing endpoint must not be retried');
		});
	}

	test('429 then success: waits the Retry-After seconds and retries', async () => {
		server.setModes({ improve: 'throttled-once', retryAfterSeconds: 2 });
		const answer = await client().improvePrompt({ prompt: PROMPT, run_ids: [5546] }, never);
		assert.ok(answer.improved_prompt);
		assert.deepEqual(waits, [2000]);
		assert.equal(improveCalls(), 2);
	});

	test('429 every time: 3 retries, then an error saying when to try again', async () => {
		server.setModes({ improve: 'throttled', retryAfterSeconds: 3 });
		const err = await rejection(client().improvePrompt({ prompt: PROMPT, run_ids: [5546] }, never), 'throttled');
		assert.deepEqual(waits, [3000, 3000, 3000]);
		assert.equal(improveCalls(), 4);
		assert.match(err.message, /Try again in 3 s/);
	});

	test('a Retry-After over 60 s is not waited for', async () => {
		server.setModes({ improve: 'throttled', retryAfterSeconds: 61 });
		const err = await rejection(client().improvePrompt({ prompt: PROMPT, run_ids: [5546] }, never), 'throttled');
		assert.deepEqual(waits, []);
		assert.equal(err.retryAfterSeconds, 61);
		assert.match(err.message, /Try again in 61 s/);
	});

	test('503 without Retry-After: backs off and retries', async () => {
		server.setModes({ improve: 'unavailable-once' });
		await client().improvePrompt({ prompt: PROMPT, run_ids: [5546] }, never);
		assert.deepEqual(waits, [1000]);
	});

	test('500 is reported, not retried', async () => {
		server.setModes({ improve: 'server-error' });
		const err = await rejection(client().improvePrompt({ prompt: PROMPT, run_ids: [5546] }, never), 'server');
		assert.equal(err.status, 500);
		assert.equal(improveCalls(), 1);
	});

	test('times out after the configured time, and the server sees the request dropped', async () => {
		server.setModes({ improve: 'slow', delayMs: 5000 });
		const started = Date.now();
		const err = await rejection(client({ improveTimeoutMs: 300 }).improvePrompt({ prompt: PROMPT, run_ids: [5546] }, never), 'timeout');
		assert.ok(Date.now() - started < 3000, 'the timeout did not end the request');
		assert.match(err.message, /within 0 s|within 1 s|within \d+ s/);
		for (let i = 0; i < 50 && !server.requests.some((r) => r.aborted); i++) await new Promise((r) => setTimeout(r, 20));
		assert.ok(server.requests.some((r) => r.aborted), 'the server did not see the request aborted');
	});

	test('cancelling aborts the HTTP request', async () => {
		server.setModes({ improve: 'slow', delayMs: 5000 });
		const controller = new AbortController();
		setTimeout(() => controller.abort(), 100);
		await rejection(client().improvePrompt({ prompt: PROMPT, run_ids: [5546] }, controller.signal), 'cancelled');
		for (let i = 0; i < 50 && !server.requests.some((r) => r.aborted); i++) await new Promise((r) => setTimeout(r, 20));
		assert.ok(server.requests.some((r) => r.aborted));
	});

	test('a 200 that is not JSON, or lacks improved_prompt', async () => {
		server.setModes({ improve: 'not-json' });
		const notJson = await rejection(client().improvePrompt({ prompt: PROMPT, run_ids: [5546] }, never), 'invalidResponse');
		assert.match(notJson.message, /not JSON \(text\/html/);
		server.setModes({ improve: 'missing-improved-prompt' });
		const missing = await rejection(client().improvePrompt({ prompt: PROMPT, run_ids: [5546] }, never), 'invalidResponse');
		assert.match(missing.message, /improved_prompt is missing or empty/);
	});

	test('a redirect to another origin is refused and the key is not sent there', async () => {
		const elsewhere: http.IncomingHttpHeaders[] = [];
		const other = http.createServer((req, res) => {
			elsewhere.push(req.headers);
			res.end('{}');
		});
		await new Promise<void>((resolve) => other.listen(server.port, '127.0.0.2', resolve));
		try {
			server.setModes({ improve: 'redirect-other-origin' });
			const err = await rejection(client().improvePrompt({ prompt: PROMPT, run_ids: [5546] }, never), 'redirect');
			assert.match(err.message, /127\.0\.0\.2/);
			assert.equal(elsewhere.length, 0, 'the request (and the key) went to the other origin');
		} finally {
			await new Promise((resolve) => other.close(resolve));
		}
	});

	test('a same-origin redirect is followed', async () => {
		const target = http.createServer((req, res) => {
			if (req.url === '/old/test_framework/v1/runs/improve_prompt/') {
				res.writeHead(308, { Location: '/new/test_framework/v1/runs/improve_prompt/' }).end();
				return;
			}
			let body = '';
			req.on('data', (c: Buffer) => (body += c.toString()));
			req.on('end', () => {
				res.writeHead(200, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify({ improved_prompt: `${JSON.parse(body).prompt}!`, summary_of_changes: `key ${req.headers['x-cekura-api-key'] === DEMO_API_KEY ? 'kept' : 'lost'}` }));
			});
		});
		await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
		try {
			const port = (target.address() as AddressInfo).port;
			const answer = await client({ baseUrl: `http://127.0.0.1:${port}/old` }).improvePrompt({ prompt: 'p', run_ids: [1] }, never);
			assert.deepEqual(answer, { improved_prompt: 'p!', summary_of_changes: 'key kept' });
		} finally {
			await new Promise((resolve) => target.close(resolve));
		}
	});

	test('a closed port is a network error naming the host', async () => {
		const probe = http.createServer();
		await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
		const port = (probe.address() as AddressInfo).port;
		await new Promise((resolve) => probe.close(resolve));
		const err = await rejection(client({ baseUrl: `http://127.0.0.1:${port}` }).improvePrompt({ prompt: PROMPT, run_ids: [5546] }, never), 'network');
		assert.match(err.message, new RegExp(`127\\.0\\.0\\.1:${port}.*ECONNREFUSED`));
	});
});

describe('run list and run details', () => {
	test('lists runs with filters and follows next pages on the same server', async () => {
		const first = await client().listRuns({ agentId: 42, pageSize: 5 }, never);
		assert.equal(first.results.length, 5);
		assert.ok(first.results.every((r) => r.agent === 42));
		assert.ok(first.next, 'expected a next page');
		assert.equal(server.requests[0].query.agent_id, '42');
		const second = await client().nextRunsPage(first.next, never);
		assert.equal(second.results.length > 0, true);
		assert.ok(second.results.every((r) => !first.results.some((f) => f.id === r.id)), 'page 2 repeated page 1');
	});

	test('refuses a next link on another origin', async () => {
		await rejection(client().nextRunsPage('https://evil.example/test_framework/v2/runs/?page=2', never), 'redirect');
		assert.equal(server.requests.length, 0);
	});

	test('403 on the list is reported as forbidden', async () => {
		server.setModes({ runsList: 'forbidden' });
		const err = await rejection(client().listRuns({}, never), 'forbidden');
		assert.match(err.message, /not allowed to use the run list \(403\)/);
	});

	test('bulk returns the full runs with their evaluation and categories', async () => {
		const runs = await client().bulkRuns([5546], never);
		assert.equal(runs.length, 1);
		assert.ok(runs[0].evaluation?.metrics?.some((m) => m.id === 7));
		assert.ok(runs[0].critical_categories?.some((c) => c.category_id === 311));
		assert.equal(server.requests[0].query.run_ids, '5546');
	});

	test('agentProject reads the project of an agent, for links to Cekura\'s dashboard', async () => {
		assert.equal(await client().agentProject(42, never), 742);
		assert.equal(await client().agentProject(63, never), 801);
		assert.equal(server.requests[0].path, '/test_framework/v1/aiagents/42/');
		assert.equal(server.requests[0].apiKeyValid, true);
		const err = await rejection(client().agentProject(999, never), 'notOffered');
		assert.match(err.message, /the agent details \(HTTP 404\)/);
		const before = server.requests.length;
		assert.equal(await client().agentProject(0, never), undefined, 'no request for an ID that cannot be an agent');
		assert.equal(server.requests.length, before);
	});
});

describe('against servers that misbehave', () => {
	const KEY = 'ck_live_Secret/Key+42';
	let faulty: FaultServer;
	const hardened = (options: Partial<CekuraClientOptions> = {}): CekuraClient => client({ baseUrl: faulty.url, apiKey: KEY, ...options });
	const improve = (c: CekuraClient = hardened()): Promise<unknown> => c.improvePrompt({ prompt: 'p', run_ids: [1] }, never);
	const noKey = (text: string): void => {
		for (const form of [KEY, KEY.toLowerCase(), KEY.toUpperCase(), encodeURIComponent(KEY), encodeURIComponent(KEY).toLowerCase()]) {
			assert.ok(!text.includes(form), `the key (${form}) is in: ${text.slice(0, 500)}`);
		}
	};

	before(async () => {
		faulty = await startFaultServer();
	});
	after(() => faulty.close());
	beforeEach(() => {
		faulty.requests.length = 0;
	});

	test('a key echoed in an error body, in any case or URL-encoded, never reaches the message', async () => {
		const echoes: [number, string, string][] = [
			[400, 'application/json', JSON.stringify({ detail: `bad key ${KEY}` })],
			[400, 'application/json', JSON.stringify({ api_key: [`${KEY.toUpperCase()} is not valid`] })],
			[401, 'text/html', `<html><body><h1>401</h1><p>key=${encodeURIComponent(KEY)}</p></body></html>`],
			[403, 'application/json', JSON.stringify({ detail: `forbidden for ${encodeURIComponent(KEY).toLowerCase()}` })],
			[500, 'text/plain', `Traceback\nheaders: {'x-cekura-api-key': '${KEY}', 'accept': 'application/json'}`],
		];
		for (const [status, type, body] of echoes) {
			faulty.handle((_req, res) => res.writeHead(status, { 'Content-Type': type }).end(body));
			const err = await rejection(improve(), status === 400 ? 'badRequest' : status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : 'server');
			noKey(err.message);
			noKey(err.details.join(' '));
		}
		faulty.handle((_req, res) => json(res, 403, { detail: `runs of ${KEY} are private` }));
		const listErr = await rejection(hardened().listRuns({}, never), 'forbidden');
		noKey(listErr.message);
	});

	test('a key echoed in summary_of_changes is taken out', async () => {
		faulty.handle((_req, res) => json(res, 200, { improved_prompt: 'better', summary_of_changes: `Used key ${KEY.toLowerCase()} to read the runs.` }));
		const answer = (await improve()) as { summary_of_changes: string };
		noKey(answer.summary_of_changes);
		assert.match(answer.summary_of_changes, /Used key «redacted» to read the runs\./);
	});

	test('an answer larger than 8 MiB is refused without being read whole', async () => {
		faulty.handle((_req, res) => json(res, 200, { improved_prompt: 'x'.repeat(50 * 1024 * 1024), summary_of_changes: '' }));
		const err = await rejection(improve(), 'invalidResponse');
		assert.match(err.message, /larger than 8 MiB .*not read to the end/);
	});

	test('a gzip bomb is refused once 8 MiB have inflated, with bounded memory', async () => {
		const bomb = zlib.gzipSync(Buffer.alloc(400 * 1024 * 1024, 0x20));
		faulty.handle((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Content-Length': bomb.length }).end(bomb));
		const before = process.memoryUsage().rss;
		const started = Date.now();
		const err = await rejection(improve(), 'invalidResponse');
		assert.match(err.message, /larger than 8 MiB/);
		assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
		assert.ok(process.memoryUsage().rss - before < 200 * 1024 * 1024, `memory grew by ${(process.memoryUsage().rss - before) / 1024 / 1024} MiB`);
	});

	test('the charset of the answer is honoured', async () => {
		const latin1 = Buffer.from(JSON.stringify({ improved_prompt: 'Café crème', summary_of_changes: 'Ça va' }), 'latin1');
		faulty.handle((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json; charset=ISO-8859-1' }).end(latin1));
		assert.deepEqual(await improve(), { improved_prompt: 'Café crème', summary_of_changes: 'Ça va' });
	});

	test('bytes that are not UTF-8 are refused rather than turned into replacement characters', async () => {
		const latin1 = Buffer.from(JSON.stringify({ improved_prompt: 'Café crème', summary_of_changes: '' }), 'latin1');
		faulty.handle((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(latin1));
		const err = await rejection(improve(), 'invalidResponse');
		assert.match(err.message, /not valid utf-8 text/);
	});

	test('a 1 MB error detail is shortened in the message', async () => {
		faulty.handle((_req, res) => json(res, 400, { detail: 'y'.repeat(1024 * 1024) }));
		const err = await rejection(improve(), 'badRequest');
		assert.ok(err.message.length < 1000, String(err.message.length));
	});

	for (const value of ['-5', '1.5', '3, 3']) {
		test(`Retry-After: ${value} is not read as a date: the client backs off on its own`, async () => {
			faulty.handle((_req, res) => json(res, 429, { detail: 'slow down' }, { 'Retry-After': value }));
			await rejection(improve(), 'throttled');
			assert.deepEqual(waits, [1000, 2000, 4000]);
		});
	}

	for (const status of [502, 504]) {
		test(`${status} on improve_prompt is not retried (the job may have started); on a GET it is`, async () => {
			faulty.handle((_req, res) => json(res, status, { detail: 'gateway' }));
			await rejection(improve(), 'server');
			assert.equal(faulty.requests.length, 1);
			faulty.requests.length = 0;
			await rejection(hardened().listRuns({}, never), 'server');
			assert.equal(faulty.requests.length, 4);
		});
	}

	test('one deadline for the whole improve: retries stop when the next wait would pass it', async () => {
		faulty.handle((_req, res) => json(res, 503, { detail: 'busy' }, { 'Retry-After': '1' }));
		const started = Date.now();
		const err = await rejection(hardened({ improveTimeoutMs: 1500, sleep: undefined }).improvePrompt({ prompt: 'p', run_ids: [1] }, never), 'server');
		assert.ok(Date.now() - started < 1500, `took ${Date.now() - started} ms`);
		assert.equal(faulty.requests.length, 2);
		assert.equal(err.status, 503);
	});

	test('one deadline for the whole improve: a stall after a retry ends at the deadline, not a fresh timeout', async () => {
		faulty.handle((_req, res) => {
			if (faulty.requests.length === 1) json(res, 429, {}, { 'Retry-After': '0' });
			// later requests stall
		});
		const started = Date.now();
		const err = await rejection(hardened({ improveTimeoutMs: 800, sleep: (ms) => new Promise((r) => setTimeout(r, Math.max(ms, 500))) }).improvePrompt({ prompt: 'p', run_ids: [1] }, never), 'timeout');
		const elapsed = Date.now() - started;
		assert.ok(elapsed < 1200, `took ${elapsed} ms`);
		assert.match(err.message, /did not answer improve_prompt within 1 s \(2 attempts\)/);
	});

	test('an unparsable next page link, or one that is not a web address, is an invalid answer, not a TypeError', async () => {
		const bad = await rejection(hardened().nextRunsPage('http://[::1', never), 'invalidResponse');
		assert.match(bad.message, /next page link that is not a valid URL \("http:\/\/\[::1"\)/);
		const js = await rejection(hardened().nextRunsPage('javascript:alert(1)', never), 'invalidResponse');
		assert.match(js.message, /not a web address \(javascript:\)/);
		assert.equal(faulty.requests.length, 0);
	});

	test('a same-origin redirect loop says it is a loop (the key stayed on the configured server)', async () => {
		faulty.handle((req, res) => res.writeHead(307, { Location: req.url === '/a' ? '/b' : '/a' }).end());
		const err = await rejection(hardened({ baseUrl: `${faulty.url}` }).improvePrompt({ prompt: 'p', run_ids: [1] }, never), 'redirect');
		assert.match(err.message, /redirect loop/);
		assert.doesNotMatch(err.message, /not sent there/);
		faulty.handle((_req, res) => res.writeHead(302, { Location: `/hop${faulty.requests.length}` }).end());
		const many = await rejection(improve(), 'redirect');
		assert.match(many.message, /more than 5 times/);
		assert.doesNotMatch(many.message, /not sent there/);
	});

	test('a redirect to an invalid address, or without Location, is said as such, not as a network problem', async () => {
		faulty.handle((_req, res) => res.writeHead(302, { Location: 'http://[::1' }).end());
		const bad = await rejection(improve(), 'redirect');
		assert.match(bad.message, /to an address that is not a valid URL \("http:\/\/\[::1"\)/);
		faulty.handle((_req, res) => res.writeHead(301).end());
		const none = await rejection(improve(), 'redirect');
		assert.match(none.message, /no Location header/);
	});

	test('a same-origin 302 repeats the POST with its body; a 303 fetches the answer with GET', async () => {
		faulty.handle((req, res, body) => {
			if (req.url === '/test_framework/v1/runs/improve_prompt/') {
				res.writeHead(faulty.requests.length === 1 ? 302 : 303, { Location: '/moved/' }).end();
				return;
			}
			json(res, 200, { improved_prompt: `${req.method} ${body}`, summary_of_changes: '' });
		});
		const kept = (await improve()) as { improved_prompt: string };
		assert.equal(kept.improved_prompt, 'POST {"prompt":"p","run_ids":[1]}');
		faulty.requests.length = 1;
		const seeOther = (await improve()) as { improved_prompt: string };
		assert.equal(seeOther.improved_prompt, 'GET ');
	});
});
