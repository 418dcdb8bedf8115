import * as net from 'node:net';
import * as zlib from 'node:zlib';
import nodeFetch from 'node-fetch';
import { checkBaseUrl } from '../../src/improve/core/baseUrl';
import { CekuraClient, type CekuraClientOptions } from '../../src/improve/core/cekuraClient';
import { CekuraError } from '../../src/improve/core/cekuraError';
import type { FetchLike, StreamingFetchLike } from '../../src/improve/core/httpTypes';
import { ModelError } from '../../src/improve/core/modelError';
import { OpenAiCompatibleClient, type OpenAiCompatibleOptions } from '../../src/improve/core/openAiCompatibleClient';
import { parseRunIds } from '../../src/improve/core/runIds';
import { detectEncoding, isRefusal } from '../../src/improve/core/promptEncoding';
import { textForFile } from '../../src/improve/core/textForFile';
import { markedPlace } from '../support/markedApply';
import { apiChatCases } from './apiChatCases';
import { evidenceCases } from './evidenceCases';
import { exactnessCases } from './exactnessCases';
import { KEY, MODEL_KEY, observed, showsKey, type FaultCase } from './faultCase';
import { delay, json, startFaultServer, type FaultHandler, type FaultServer } from './faultServer';
import { keyCases } from './keyCases';
import { languageCases } from './languageCases';
import { quickInputCases } from './quickInputCases';
import { editsCases } from './editsCases';
import { sizeCases } from './sizeCases';

/**
 * `npm run test:faults`: drives the real CekuraClient and OpenAiCompatibleClient, with node-fetch as the extension
 * does, against loopback servers that inject faults (resets at each phase, stalls, drips, truncation, odd bodies,
 * charsets, Retry-After forms, 429/5xx storms, redirects, bad next links, key echoes), then feeds bad inputs to
 * the pure checks (run IDs, base URLs, prompt selections and their encodings). Each fault and each bad input is one
 * check; what it observed is summed in the last line.
 */

const fetch: FetchLike = (url, init) => nodeFetch(url, init);
const streamingFetch: StreamingFetchLike = (url, init) => nodeFetch(url, init);
/** No check may take longer than this; a hung one fails (and the suite goes on). */
const HANG_MS = 10_000;
const MiB = 1024 * 1024;

process.on('unhandledRejection', (reason) => {
	observed.unhandledRejections++;
	console.log(`  unhandled rejection: ${String(reason)}`);
});

// ── servers ────────────────────────────────────────────────────────────────────────────────────────────────────

let server: FaultServer; // the configured Cekura (or model) server
let elsewhere: FaultServer; // another origin: nothing should reach it with a key
let raw: net.Server; // byte-level faults
let rawPort = 0;
let rawHandler: (socket: net.Socket, request: string) => void = (socket) => socket.destroy();
/** 'connect': the raw handler runs as soon as a connection is accepted, before any request arrives. */
let rawWhen: 'connect' | 'request' = 'request';
const rawSockets = new Set<net.Socket>();

async function startServers(): Promise<void> {
	server = await startFaultServer();
	elsewhere = await startFaultServer();
	elsewhere.handle((_req, res) => json(res, 200, { improved_prompt: 'from elsewhere', summary_of_changes: '', results: [] }));
	raw = net.createServer((socket) => {
		rawSockets.add(socket);
		socket.on('close', () => rawSockets.delete(socket));
		socket.on('error', () => undefined);
		let request = '';
		let handled = false;
		socket.on('data', (chunk: Buffer) => {
			request += chunk.toString('latin1');
			if (!handled && request.includes('\r\n\r\n')) {
				handled = true;
				rawHandler(socket, request);
			}
		});
		if (rawWhen === 'connect') {
			handled = true;
			rawHandler(socket, '');
		}
	});
	await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
	rawPort = (raw.address() as net.AddressInfo).port;
}

async function stopServers(): Promise<void> {
	for (const socket of rawSockets) socket.destroy();
	await Promise.all([server.close(), elsewhere.close(), new Promise((resolve) => raw.close(resolve))]);
}

function cekura(options: Partial<CekuraClientOptions> = {}): CekuraClient {
	return new CekuraClient({ baseUrl: server.url, apiKey: KEY, fetch, improveTimeoutMs: 1500, readTimeoutMs: 1500, retryBaseDelayMs: 20, ...options });
}
function rawCekura(options: Partial<CekuraClientOptions> = {}): CekuraClient {
	return cekura({ baseUrl: `http://127.0.0.1:${rawPort}`, ...options });
}
function model(options: Partial<OpenAiCompatibleOptions> = {}): OpenAiCompatibleClient {
	return new OpenAiCompatibleClient({ baseUrl: `${server.url}/v1`, apiKey: MODEL_KEY, model: 'm', fetch: streamingFetch, timeoutMs: 1500, retryBaseDelayMs: 20, ...options });
}
const never = new AbortController().signal;
const improve = (client: CekuraClient = cekura()): Promise<unknown> => client.improvePrompt({ prompt: 'Be brief.', run_ids: [1] }, never);
const listRuns = (client: CekuraClient = cekura()): Promise<unknown> => client.listRuns({}, never);
const ask = (client: OpenAiCompatibleClient = model()): Promise<unknown> => client.complete([{ role: 'user', content: 'hi' }], never);
const improved = (text: string, summary = 'Shorter.'): unknown => ({ improved_prompt: text, summary_of_changes: summary });
const modelAnswer = (text: string): unknown => ({ choices: [{ message: { content: text }, finish_reason: 'stop' }] });

/** Records the waits a client asks for, without waiting: for the Retry-After checks. */
function recordingSleep(): { waits: number[]; sleep: (ms: number) => Promise<void> } {
	const waits: number[] = [];
	return { waits, sleep: async (ms) => void waits.push(ms) };
}

// ── faults ─────────────────────────────────────────────────────────────────────────────────────────────────────

type Expectation =
	| { error: 'cekura' | 'model'; kind: string; message: RegExp }
	| { ok: (value: unknown) => string | undefined };

interface Fault {
	name: string;
	/** Installs the fault (a handler on the server, or on the raw socket server) and returns the call to make. */
	setup(): () => Promise<unknown>;
	expect: Expectation;
	/** How long handling it may take. */
	maxMs?: number;
	/** How much the heap (and buffers) may grow while handling it. */
	maxGrowthMiB?: number;
	/** Something else it must have observed: undefined when fine, else what went wrong. */
	also?: () => string | undefined;
	/** The improved prompt the server meant, when the call may succeed: any other text accepted would corrupt the file. */
	meant?: string;
}

const onServer = (handler: FaultHandler) => server.handle(handler);
const onRaw = (handler: (socket: net.Socket, request: string) => void, when: 'connect' | 'request' = 'request') => {
	rawHandler = handler;
	rawWhen = when;
};
const requestsTo = (count: number) => () => (server.requests.length === count ? undefined : `expected ${count} request(s), the server saw ${server.requests.length}`);
const cekuraError = (kind: string, message: RegExp): Expectation => ({ error: 'cekura', kind, message });
const modelError = (kind: string, message: RegExp): Expectation => ({ error: 'model', kind, message });
const okImproved = (text: string): Expectation => ({
	ok: (value) => ((value as { improved_prompt?: string }).improved_prompt === text ? undefined : `got ${JSON.stringify(value).slice(0, 200)}`),
});

/** The case files past the network faults and bad inputs above, each a section of the output. */
interface FaultSection {
	title: string;
	cases(): FaultCase[];
}
const SECTIONS: FaultSection[] = [
	{ title: 'run evidence', cases: evidenceCases },
	{ title: 'keys in fragments and proposals, odd timeouts', cases: keyCases },
	{ title: 'exactness of Apply', cases: exactnessCases },
	{ title: 'prompts in other languages', cases: languageCases },
	{ title: 'sizes and answers that are not text', cases: sizeCases },
	{ title: 'quick picks a picker builds itself', cases: quickInputCases },
	{ title: 'API chat (simulated chats)', cases: apiChatCases },
	{ title: 'answers in the edit format', cases: editsCases },
];

function faults(): Fault[] {
	const list: Fault[] = [];
	const add = (fault: Fault): void => void list.push(fault);

	// Resets and cuts at each phase of the exchange.
	add({ name: 'reset as soon as connected', setup: () => (onRaw((s) => s.destroy(), 'connect'), () => improve(rawCekura())), expect: cekuraError('network', /Cekura at 127\.0\.0\.1:\d+/) });
	add({ name: 'reset after the request arrived', setup: () => (onRaw((s) => s.resetAndDestroy()), () => improve(rawCekura())), expect: cekuraError('network', /broke before it answered improve_prompt|Could not reach Cekura/) });
	add({ name: 'closed mid status line', setup: () => (onRaw((s) => s.end('HTTP/1.1 2')), () => improve(rawCekura())), expect: cekuraError('network', /improve_prompt/) });
	add({ name: 'closed mid headers', setup: () => (onRaw((s) => s.end('HTTP/1.1 200 OK\r\nContent-Type: applic')), () => improve(rawCekura())), expect: cekuraError('network', /improve_prompt/) });
	add({ name: 'answers with bytes that are not HTTP', setup: () => (onRaw((s) => s.end('SSH-2.0-OpenSSH_9.6\r\n\r\n')), () => improve(rawCekura())), expect: cekuraError('network', /improve_prompt/) });
	add({
		name: 'reset after the headers, before the body',
		setup: () => (onRaw((s) => s.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n', () => s.resetAndDestroy())), () => improve(rawCekura())),
		expect: cekuraError('network', /broke while its answer to improve_prompt was arriving/),
	});
	add({
		name: 'body shorter than Content-Length',
		setup: () => (onRaw((s) => s.end('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"improved_prompt": "cut')), () => improve(rawCekura())),
		expect: cekuraError('network', /broke while its answer to improve_prompt was arriving \(\d+ bytes received\)/),
	});
	add({
		name: 'chunked body cut mid-chunk',
		setup: () => (onRaw((s) => s.end('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n{"improved_prompt": "cut')), () => improve(rawCekura())),
		expect: cekuraError('network', /broke while its answer to improve_prompt was arriving/),
	});
	add({ name: 'stall before the headers', setup: () => (onServer(() => undefined), () => improve()), expect: cekuraError('timeout', /did not answer improve_prompt within 2 s/), maxMs: 2500 });
	add({
		name: 'stall after the headers',
		setup: () => (onServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).write('{"improved_prompt": ')), () => improve()),
		expect: cekuraError('timeout', /did not answer improve_prompt within 2 s/),
		maxMs: 2500,
	});
	add({
		name: 'slow drip past the deadline',
		setup: () => (onServer(async (_req, res) => {
			res.writeHead(200, { 'Content-Type': 'application/json' });
			for (let i = 0; i < 100 && !res.destroyed; i++) {
				res.write(' ');
				await delay(50);
			}
			res.end();
		}), () => improve()),
		expect: cekuraError('timeout', /within 2 s/),
		maxMs: 2500,
	});
	add({
		name: 'slow drip that ends in time',
		setup: () => (onServer(async (_req, res) => {
			const body = JSON.stringify(improved('Dripped.'));
			res.writeHead(200, { 'Content-Type': 'application/json' });
			for (let i = 0; i < body.length; i += 8) {
				res.write(body.slice(i, i + 8));
				await delay(10);
			}
			res.end();
		}), () => improve()),
		expect: okImproved('Dripped.'),
		meant: 'Dripped.',
	});

	// Bodies.
	add({ name: 'HTML login page with 200', setup: () => (onServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><form>Sign in</form></html>')), () => improve()), expect: cekuraError('invalidResponse', /not JSON \(text\/html\)/) });
	add({ name: 'empty 200', setup: () => (onServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end()), () => improve()), expect: cekuraError('invalidResponse', /empty body/) });
	const huge = Buffer.from(JSON.stringify(improved('x'.repeat(50 * MiB))));
	add({
		name: '50 MB improved_prompt',
		setup: () => (onServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(huge)), () => improve()),
		expect: cekuraError('invalidResponse', /larger than 8 MiB/),
		maxGrowthMiB: 48,
	});
	const member = zlib.gzipSync(Buffer.alloc(MiB, 0x20));
	const bomb = Buffer.concat(Array.from({ length: 400 }, () => member)); // 400 MB of spaces in a few hundred KB
	add({
		name: `gzip bomb (${Math.round(bomb.length / 1024)} KB inflating to 400 MB)`,
		setup: () => (onServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Content-Length': bomb.length }).end(bomb)), () => improve()),
		expect: cekuraError('invalidResponse', /larger than 8 MiB/),
		maxMs: 1500,
		maxGrowthMiB: 48,
	});
	add({
		name: 'Content-Length of 1 GB',
		setup: () => (onServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 1024 * MiB }).write('{')), () => improve()),
		expect: cekuraError('invalidResponse', /larger than 8 MiB/),
		maxMs: 500,
	});
	add({
		name: 'ISO-8859-1 body',
		setup: () => (onServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json; charset=ISO-8859-1' }).end(Buffer.from(JSON.stringify(improved('Café crème')), 'latin1'))), () => improve()),
		expect: okImproved('Café crème'),
		meant: 'Café crème',
	});
	add({
		name: 'Latin-1 bytes declared as UTF-8',
		setup: () => (onServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' }).end(Buffer.from(JSON.stringify(improved('Café crème')), 'latin1'))), () => improve()),
		expect: cekuraError('invalidResponse', /not valid utf-8 text/),
	});
	add({
		name: 'unknown charset (read as UTF-8)',
		setup: () => (onServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json; charset=x-klingon' }).end(JSON.stringify(improved('Qapla’')))), () => improve()),
		expect: okImproved('Qapla’'),
		meant: 'Qapla’',
	});
	add({
		name: 'UTF-16LE body with its charset',
		setup: () => (onServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-16le' }).end(Buffer.from(JSON.stringify(improved('Grüße ✓')), 'utf16le'))), () => improve()),
		expect: okImproved('Grüße ✓'),
		meant: 'Grüße ✓',
	});
	add({ name: 'a JSON list instead of the object', setup: () => (onServer((_req, res) => json(res, 200, [improved('x')])), () => improve()), expect: cekuraError('invalidResponse', /unexpected shape/) });
	add({ name: 'improved_prompt missing', setup: () => (onServer((_req, res) => json(res, 200, { summary_of_changes: 'x' })), () => improve()), expect: cekuraError('invalidResponse', /improved_prompt is missing or empty/) });
	add({
		name: '1 MB error detail',
		setup: () => (onServer((_req, res) => json(res, 400, { detail: 'y'.repeat(MiB) })), () => improve()),
		expect: cekuraError('badRequest', /^Cekura rejected improve_prompt \(400\): y{300}…$/),
	});
	add({
		name: 'error body nested 100,000 deep',
		setup: () => (onServer((_req, res) => res.writeHead(400, { 'Content-Type': 'application/json' }).end(`${'['.repeat(100_000)}"deep"${']'.repeat(100_000)}`)), () => improve()),
		expect: cekuraError('badRequest', /rejected improve_prompt \(400\)/),
	});

	// Retry-After in every form: the waits the client asks for.
	const retryAfter = (value: string | (() => string), check: (waits: number[]) => string | undefined, name = `Retry-After: ${String(value)}`): void => {
		let recorder = recordingSleep();
		add({
			name,
			setup: () => {
				recorder = recordingSleep();
				// A date is written when the fault runs, so that it is still 5 s ahead.
				const header = typeof value === 'string' ? value : value();
				onServer((_req, res) => (server.requests.length === 1 ? json(res, 429, { detail: 'slow down' }, { 'Retry-After': header }) : json(res, 200, improved('After the wait.'))));
				return () => improve(cekura({ sleep: recorder.sleep, improveTimeoutMs: 30_000 }));
			},
			expect: okImproved('After the wait.'),
			meant: 'After the wait.',
			also: () => check(recorder.waits),
		});
	};
	const waited = (expected: (ms: number) => boolean, what: string) => (waits: number[]) => (waits.length === 1 && expected(waits[0]) ? undefined : `expected to wait ${what}, waited ${JSON.stringify(waits)}`);
	retryAfter('-5', waited((ms) => ms === 20, 'its own back-off (20 ms)'));
	retryAfter('1.5', waited((ms) => ms === 20, 'its own back-off (20 ms)'));
	retryAfter('3, 3', waited((ms) => ms === 20, 'its own back-off (20 ms)'));
	retryAfter('2', waited((ms) => ms === 2000, '2 s'));
	const ahead = (): Date => new Date(Date.now() + 5000);
	const fiveSeconds = waited((ms) => ms >= 4000 && ms <= 6000, '5 s');
	retryAfter(() => ahead().toUTCString(), fiveSeconds, 'Retry-After: an IMF-fixdate 5 s ahead');
	retryAfter(() => {
		const d = ahead();
		const [, day, month, year, time] = /^\w+, (\d\d) (\w+) \d\d(\d\d) (\S+) GMT$/.exec(d.toUTCString()) ?? [];
		return `${['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][d.getUTCDay()]}, ${day}-${month}-${year} ${time} GMT`;
	}, fiveSeconds, 'Retry-After: an RFC 850 date 5 s ahead');
	retryAfter(() => {
		const d = ahead();
		const [, weekday, month, time] = /^(\w+), \d\d (\w+) \d{4} (\S+) GMT$/.exec(d.toUTCString()) ?? [];
		return `${weekday} ${month} ${String(d.getUTCDate()).padStart(2, ' ')} ${time} ${d.getUTCFullYear()}`;
	}, fiveSeconds, 'Retry-After: an asctime date 5 s ahead');
	retryAfter('2026-01-01T00:00:00Z', waited((ms) => ms === 20, 'its own back-off (20 ms)'), 'Retry-After: an ISO date (not HTTP)');
	add({
		name: 'Retry-After: 3600 is not waited for',
		setup: () => (onServer((_req, res) => json(res, 429, {}, { 'Retry-After': '3600' })), () => improve()),
		expect: cekuraError('throttled', /Try again in 3600 s/),
		maxMs: 500,
		also: requestsTo(1),
	});
	add({
		name: 'Retry-After longer than what is left of the deadline',
		setup: () => (onServer((_req, res) => json(res, 503, { detail: 'busy' }, { 'Retry-After': '5' })), () => improve()),
		expect: cekuraError('server', /HTTP 503/),
		maxMs: 500,
		also: requestsTo(1),
	});

	// Storms.
	add({ name: '429 storm', setup: () => (onServer((_req, res) => json(res, 429, {}, { 'Retry-After': '0' })), () => improve()), expect: cekuraError('throttled', /limiting requests \(429\)/), also: requestsTo(4) });
	add({ name: '503 storm', setup: () => (onServer((_req, res) => json(res, 503, { detail: 'down' })), () => improve()), expect: cekuraError('server', /HTTP 503\): down/), also: requestsTo(4) });
	for (const status of [502, 504]) {
		add({ name: `${status} on the improve POST is not sent again`, setup: () => (onServer((_req, res) => json(res, status, {})), () => improve()), expect: cekuraError('server', new RegExp(`HTTP ${status}`)), also: requestsTo(1) });
	}
	add({ name: '502 storm on the run list (a GET: retried)', setup: () => (onServer((_req, res) => json(res, 502, {})), () => listRuns()), expect: cekuraError('server', /the run list \(HTTP 502\)/), also: requestsTo(4) });
	add({ name: '500 is not retried', setup: () => (onServer((_req, res) => json(res, 500, { detail: 'boom' })), () => improve()), expect: cekuraError('server', /HTTP 500\): boom/), also: requestsTo(1) });

	// Redirects of every code, same origin and cross origin.
	for (const status of [301, 302, 303, 307, 308]) {
		add({
			name: `${status} to the same origin is followed`,
			setup: () => (onServer((req, res, body) => {
				if (req.url?.startsWith('/test_framework/')) res.writeHead(status, { Location: '/moved/' }).end();
				else json(res, 200, improved(`${req.method}${body ? ' with body' : ''}, key ${req.headers['x-cekura-api-key'] === KEY ? 'kept' : 'lost'}`));
			}), () => improve()),
			expect: okImproved(`${status === 303 ? 'GET' : 'POST with body'}, key kept`),
			meant: `${status === 303 ? 'GET' : 'POST with body'}, key kept`,
		});
		add({
			name: `${status} to another origin is refused`,
			setup: () => (onServer((_req, res) => res.writeHead(status, { Location: `${elsewhere.url}/steal/` }).end()), () => improve()),
			expect: cekuraError('redirect', new RegExp(`redirected improve_prompt to ${elsewhere.url.replace(/\./g, '\\.')}\\. .*not sent there`)),
		});
	}
	add({
		name: 'redirect from http to https on the same host',
		setup: () => (onServer((req, res) => res.writeHead(301, { Location: `https://127.0.0.1:${server.port}${req.url}` }).end()), () => improve()),
		expect: cekuraError('redirect', /to https:\/\/127\.0\.0\.1:\d+\. .*not sent there/),
	});
	add({ name: 'redirect to a javascript: address', setup: () => (onServer((_req, res) => res.writeHead(302, { Location: 'javascript:alert(1)' }).end()), () => improve()), expect: cekuraError('redirect', /to a javascript: address/) });
	add({ name: 'same-origin redirect loop', setup: () => (onServer((req, res) => res.writeHead(307, { Location: req.url === '/a' ? '/b' : '/a' }).end()), () => improve()), expect: cekuraError('redirect', /a redirect loop/) });
	add({ name: 'endless same-origin redirects', setup: () => (onServer((_req, res) => res.writeHead(308, { Location: `/hop/${server.requests.length}` }).end()), () => improve()), expect: cekuraError('redirect', /more than 5 times/), also: requestsTo(6) });
	add({ name: 'redirect to an invalid URL', setup: () => (onServer((_req, res) => res.writeHead(302, { Location: 'http://[::1' }).end()), () => improve()), expect: cekuraError('redirect', /not a valid URL \("http:\/\/\[::1"\)/) });
	add({ name: 'redirect without Location', setup: () => (onServer((_req, res) => res.writeHead(307).end()), () => improve()), expect: cekuraError('redirect', /no Location header/) });

	// Next page links.
	add({ name: 'next page link that is not a URL', setup: () => () => cekura().nextRunsPage('http://[oops', never), expect: cekuraError('invalidResponse', /next page link that is not a valid URL/) });
	add({ name: 'next page link on another origin', setup: () => () => cekura().nextRunsPage(`${elsewhere.url}/test_framework/v2/runs/?page=2`, never), expect: cekuraError('redirect', /on another server/) });
	add({ name: 'next page link that is not a web address', setup: () => () => cekura().nextRunsPage('file:///etc/passwd', never), expect: cekuraError('invalidResponse', /not a web address \(file:\)/) });
	add({
		name: 'next page link that redirects elsewhere',
		setup: () => (onServer((_req, res) => res.writeHead(302, { Location: `${elsewhere.url}/runs/` }).end()), () => cekura().nextRunsPage(`${server.url}/test_framework/v2/runs/?page=2`, never)),
		expect: cekuraError('redirect', /redirected the run list to/),
	});

	// The key echoed back.
	const echo = (name: string, status: number, type: string, body: (key: string) => string, kind: string, act: () => Promise<unknown> = () => improve()): void =>
		add({ name, setup: () => (onServer((req, res) => res.writeHead(status, { 'Content-Type': type }).end(body(String(req.headers['x-cekura-api-key'])))), act), expect: cekuraError(kind, /«redacted»|\(\d{3}\)/) });
	echo('400 {"detail": "bad key <key>"}', 400, 'application/json', (k) => JSON.stringify({ detail: `bad key ${k}` }), 'badRequest');
	echo('401 HTML page with the key upper-cased', 401, 'text/html', (k) => `<html><p>Key ${k.toUpperCase()} rejected</p></html>`, 'unauthorized');
	echo('403 with the key URL-encoded', 403, 'application/json', (k) => JSON.stringify({ detail: `not for ${encodeURIComponent(k)}` }), 'forbidden');
	echo('500 header dump', 500, 'text/plain', (k) => `Internal error\nX-CEKURA-API-KEY: ${k}\nAccept: application/json`, 'server');
	echo('run list error with the key', 400, 'application/json', (k) => JSON.stringify({ agent_id: [`no agent for key ${k.toLowerCase()}`] }), 'badRequest', () => listRuns());
	add({
		name: 'summary_of_changes with the key',
		setup: () => (onServer((req, res) => json(res, 200, improved('Kept.', `Read with ${String(req.headers['x-cekura-api-key'])}.`))), () => improve()),
		expect: { ok: (value) => ((value as { summary_of_changes: string }).summary_of_changes === 'Read with «redacted».' ? undefined : `summary ${JSON.stringify(value)}`) },
		meant: 'Kept.',
	});

	// The model server.
	add({
		name: 'model: stream cut mid-answer',
		setup: () => (onServer((_req, res) => {
			res.writeHead(200, { 'Content-Type': 'text/event-stream' });
			res.write('data: {"choices":[{"delta":{"content":"Half an ans"}}]}\n\n', () => res.socket?.destroy());
		}), () => ask()),
		expect: modelError('network', /broke in the middle of the answer|incomplete/),
	});
	add({
		name: 'model: stream that ends without a finish',
		setup: () => (onServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/event-stream' }).end('data: {"choices":[{"delta":{"content":"Half"}}]}\n\n')), () => ask()),
		expect: modelError('truncated', /ended before the answer was complete/),
	});
	add({
		name: 'model: gzip bomb',
		setup: () => (onServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }).end(bomb)), () => ask()),
		expect: modelError('invalidResponse', /larger than 8 MiB/),
		maxGrowthMiB: 48,
	});
	add({
		name: 'model: 401 echoing the key',
		setup: () => (onServer((req, res) => json(res, 401, { error: { message: `Incorrect API key provided: ${String(req.headers.authorization).slice(7).toUpperCase()}` } })), () => ask()),
		expect: modelError('unauthorized', /Incorrect API key provided: «redacted»/),
	});
	add({
		name: 'model: ISO-8859-1 JSON answer',
		setup: () => (onServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json; charset=iso-8859-1' }).end(Buffer.from(JSON.stringify(modelAnswer('Café crème')), 'latin1'))), () => ask()),
		expect: { ok: (value) => ((value as { text: string }).text === 'Café crème' ? undefined : `text ${JSON.stringify(value)}`) },
	});
	add({ name: 'model: 502 on the POST is not sent again', setup: () => (onServer((_req, res) => json(res, 502, {})), () => ask()), expect: modelError('server', /HTTP 502/), also: requestsTo(1) });
	add({ name: 'model: redirect loop', setup: () => (onServer((req, res) => res.writeHead(307, { Location: req.url === '/v1/a' ? '/v1/b' : '/v1/a' }).end()), () => ask()), expect: modelError('redirect', /redirect loop/) });
	add({
		name: 'model: stall before the headers',
		setup: () => (onServer(() => undefined), () => ask(model({ timeoutMs: 800 }))),
		expect: modelError('timeout', /did not finish answering within 1 s/),
		maxMs: 1300,
	});
	return list;
}

function heapAndBuffers(): number {
	const m = process.memoryUsage();
	return m.heapUsed + m.arrayBuffers;
}

async function runFault(fault: Fault): Promise<string | undefined> {
	server.requests.length = 0;
	elsewhere.requests.length = 0;
	onRaw((s) => s.destroy());
	const call = fault.setup();
	const baseline = heapAndBuffers();
	let peak = baseline;
	const sampler = setInterval(() => (peak = Math.max(peak, heapAndBuffers())), 5);
	const started = Date.now();
	let outcome: { value?: unknown; error?: unknown; hung?: boolean };
	let hang: NodeJS.Timeout | undefined;
	try {
		outcome = await Promise.race([
			call().then(
				(value) => ({ value }),
				(error: unknown) => ({ error }),
			),
			new Promise<{ hung: boolean }>((resolve) => (hang = setTimeout(() => resolve({ hung: true }), HANG_MS))),
		]);
	} finally {
		clearTimeout(hang);
		clearInterval(sampler);
	}
	peak = Math.max(peak, heapAndBuffers());
	const ms = Date.now() - started;
	const problems: string[] = [];
	if (outcome.hung) return `no answer within ${HANG_MS / 1000} s`;
	if (ms > (fault.maxMs ?? 3000)) problems.push(`took ${ms} ms (at most ${fault.maxMs ?? 3000})`);
	const growth = (peak - baseline) / MiB;
	if (fault.maxGrowthMiB !== undefined && growth > fault.maxGrowthMiB) problems.push(`memory grew by ${growth.toFixed(0)} MiB (at most ${fault.maxGrowthMiB})`);

	const shown: string[] = [];
	const expect = fault.expect;
	if ('error' in expect) {
		const err = outcome.error;
		const ours = expect.error === 'cekura' ? err instanceof CekuraError : err instanceof ModelError;
		if (!ours) {
			problems.push(outcome.error === undefined ? `resolved ${JSON.stringify(outcome.value)?.slice(0, 200)}` : `rejected with ${String(err)}`);
		} else {
			const e = err as CekuraError | ModelError;
			shown.push(e.message, ...(e instanceof CekuraError ? e.details : []));
			if (e.kind !== expect.kind) problems.push(`kind ${e.kind}, expected ${expect.kind}: ${e.message}`);
			else if (!expect.message.test(e.message)) problems.push(`message does not match ${expect.message}: ${e.message.slice(0, 300)}`);
			if (e.message.length > 1200) problems.push(`message of ${e.message.length} characters`);
		}
	} else if (outcome.error !== undefined) {
		problems.push(`rejected with ${String(outcome.error).slice(0, 300)}`);
	} else {
		const problem = expect.ok(outcome.value);
		if (problem) problems.push(problem);
		const value = outcome.value as { summary_of_changes?: string; improved_prompt?: string };
		if (typeof value?.summary_of_changes === 'string') shown.push(value.summary_of_changes);
		if (typeof value?.improved_prompt === 'string' && fault.meant !== undefined && value.improved_prompt !== fault.meant) observed.filesCorrupted++;
	}
	if (shown.some(showsKey)) {
		observed.keyShown++;
		problems.push('the key is in what would be shown');
	}
	const leaked = elsewhere.requests.filter((r) => showsKey(JSON.stringify(r.headers)) || showsKey(r.body)).length;
	if (leaked) {
		observed.keySentElsewhere += leaked;
		problems.push(`the key went to another origin (${leaked} request(s))`);
	}
	const also = fault.also?.();
	if (also) problems.push(also);
	return problems.length ? problems.join('; ') : undefined;
}

// ── bad inputs ─────────────────────────────────────────────────────────────────────────────────────────────────

/** Undefined when the input got a clear answer (or, for a prompt's encoding, went through unchanged). */
type BadInput = FaultCase;

function refused(result: { ok: true } | { ok: false; message: string }, pattern: RegExp): string | undefined {
	if (result.ok) return 'accepted';
	if (!pattern.test(result.message)) return `message does not match ${pattern}: ${result.message.slice(0, 200)}`;
	if (result.message.length > 400) return `message of ${result.message.length} characters`;
	return undefined;
}

function badInputs(): BadInput[] {
	const list: BadInput[] = [];
	const runIds = (name: string, text: string, pattern: RegExp): void =>
		void list.push({
			name: `run IDs: ${name}`,
			// How fast parsing is belongs to the bench; here, what the user is told.
			check: () => refused(parseRunIds(text), pattern),
		});
	const notARunId = /is not a run ID: run IDs are positive whole numbers/;
	runIds('nothing', '', /Enter at least one run ID/);
	runIds('only separators', ' ,; \n', /Enter at least one run ID/);
	runIds('zero', '0', notARunId);
	runIds('negative', '-5', notARunId);
	runIds('decimal', '1.5', notARunId);
	runIds('letters', 'abc', notARunId);
	runIds('digits and letters', '12a', notARunId);
	runIds('exponent', '1e3', notARunId);
	runIds('hexadecimal', '0x10', notARunId);
	runIds('beyond 2^53', '99999999999999999999', notARunId);
	runIds('Arabic-Indic digits', '١٢٣', notARunId);
	runIds('full-width digits', '５５４６', notARunId);
	runIds('a lone #', '#', /Enter at least one run ID/);
	runIds('two #', '##5546', notARunId);
	runIds('Infinity', 'Infinity', notARunId);
	runIds('a NUL inside', '5546\u0000', notARunId);
	runIds('a 10,000-character token', `1 ${'9'.repeat(10_000)}`, notARunId);
	runIds('four runs', '1 2 3 4', /At most 3 runs can be used at once; you entered 4/);
	runIds('200,000 pasted IDs', Array.from({ length: 200_000 }, (_, i) => i + 1).join(', '), /At most 3 runs.*you entered 200000/);
	runIds('a megabyte of one ID repeated', '7 '.repeat(500_000), /you entered 500000/);

	const baseUrl = (name: string, text: string, pattern: RegExp): void => void list.push({ name: `base URL: ${name}`, check: () => refused(checkBaseUrl(text), pattern) });
	baseUrl('no scheme', 'api.cekura.ai', /not a valid URL/);
	baseUrl('empty', '', /not a valid URL/);
	baseUrl('scheme only', 'https://', /not a valid URL/);
	baseUrl('plain http elsewhere', 'http://api.cekura.ai', /must use https:\/\//);
	baseUrl('ftp', 'ftp://api.cekura.ai', /must use https:\/\//);
	baseUrl('javascript:', 'javascript:alert(1)', /must use https:\/\//);
	baseUrl('a private address over http', 'http://192.168.1.10:8080', /must use https:\/\//);
	baseUrl('localhost as a subdomain', 'http://localhost.evil.com', /must use https:\/\//);
	baseUrl('credentials', 'https://user:pw@api.cekura.ai', /without credentials, query or fragment/);
	baseUrl('a query', 'https://api.cekura.ai/?x=1', /without credentials, query or fragment/);
	baseUrl('an empty query', 'https://api.cekura.ai/?', /without credentials, query or fragment/);
	baseUrl('an empty fragment', 'https://api.cekura.ai/#', /without credentials, query or fragment/);
	baseUrl('a fragment', 'http://127.0.0.1:8000/#x', /without credentials, query or fragment/);
	baseUrl('a tab inside', 'https://api.ceku\tra.ai', /white space or control characters/);
	baseUrl('a line break inside', 'https://api.cekura.ai/v\n1', /white space or control characters/);

	// Prompts as they stand in files: writing back the reviewed text unchanged must leave the file as it was, and an
	// edit must read back as the edit. Anything else would corrupt the file on Apply.
	const prompt = (name: string, languageId: string, file: string, eol: '\n' | '\r\n' = '\n'): void =>
		void list.push({
			name: `prompt: ${name}`,
			check: () => {
				const place = markedPlace(languageId, file);
				const detected = detectEncoding(place);
				// Refusing, with the reason, is a clear answer: nothing is written.
				if (isRefusal(detected)) return detected.reason ? undefined : 'refused without a reason';
				const encoding = detected;
				const decoded = encoding.decode(place.selected);
				// Unchanged, the file keeps its text (an escape may be written another way, e.g. \u00e9 as é, but it
				// must mean the same); edited, it reads back as the edit.
				const same = textForFile(decoded, decoded, encoding, eol, place.selected);
				const edited = `${decoded}\nAdded line with "quotes", \`ticks\`, \${x} and \\.`;
				const written = textForFile(edited, decoded, encoding, eol, place.selected);
				const norm = (t: string): string => t.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
				if (!same.ok) return `unchanged text is refused: ${same.reason}`;
				if (encoding.decode(same.text) !== decoded || (encoding.kind !== 'jsonString' && same.text !== place.selected)) {
					observed.filesCorrupted++;
					return `unchanged text is written back as ${JSON.stringify(same.text.slice(0, 80))} (${encoding.kind})`;
				}
				if (!written.ok) return written.reason ? undefined : 'an edit is refused without a reason';
				const back = encoding.decode(written.text);
				if (norm(back) !== norm(edited)) {
					observed.filesCorrupted++;
					return `an edit reads back as ${JSON.stringify(back.slice(0, 120))} (${encoding.kind})`;
				}
				return undefined;
			},
		});
	prompt('JSON string with escapes and a surrogate pair', 'json', '{"p": "«Say \\"hi\\"\\n\\t\\u00e9 \\ud83d\\ude00»"}');
	prompt('JSON string with an escaped slash and backslash', 'json', '{"p": "«a\\/b \\\\ c»"}');
	prompt('whole JSON string literal', 'jsonc', '{"p": «"line 1\\nline 2"»}');
	prompt('JSON string of unicode text', 'json', '{"p": "«Café crème, 東京, مرحبا»"}');
	prompt('YAML block indented with tabs', 'yaml', 'p: |\n«\tfirst\n\tsecond\n»');
	prompt('YAML block with CRLF', 'yaml', 'p: |\r\n«    a\r\n    b\r\n»', '\r\n');
	prompt('YAML block with deeper lines', 'yaml', 'p: |\n«  top\n    nested\n  back\n»');
	prompt('template literal with ${ and backticks', 'typescript', 'const p = `«Use \\${name} and \\`code\\`.»`;');
	prompt('template literal with a backslash', 'javascript', 'const p = `«C:\\\\path\\\\file»`;');
	prompt('plain Markdown with CRLF', 'markdown', '«# Prompt\r\nBe brief.\r\n»', '\r\n');
	prompt('plain text with a BOM and NULs', 'plaintext', '«\ufeffHello\u0000 world»');
	prompt('plain text of one very long line', 'plaintext', `«${'word '.repeat(200_000)}»`);
	return list;
}

/** Runs one case; a case that throws, or does not finish within HANG_MS, fails with what happened. */
async function runCase(input: FaultCase): Promise<string | undefined> {
	let hang: NodeJS.Timeout | undefined;
	try {
		const started = Date.now();
		const pending = input.check();
		if (typeof pending !== 'object') {
			const ms = Date.now() - started;
			return ms > HANG_MS ? `blocked for ${(ms / 1000).toFixed(1)} s (a hang: at most ${HANG_MS / 1000} s)` : pending;
		}
		return await Promise.race([pending, new Promise<string>((resolve) => (hang = setTimeout(() => resolve(`no answer within ${HANG_MS / 1000} s`), HANG_MS)))]);
	} catch (err) {
		return `threw ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`.slice(0, 600);
	} finally {
		clearTimeout(hang);
	}
}

// ── main ───────────────────────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<number> {
	const started = Date.now();
	await startServers();
	const faultList = faults();
	let handled = 0;
	console.log(`faults (${faultList.length}):`);
	for (const fault of faultList) {
		let problem: string | undefined;
		try {
			problem = await runFault(fault);
		} catch (err) {
			problem = `the check itself failed: ${String(err)}`;
		}
		if (!problem) handled++;
		console.log(`  ${problem ? '✗' : '✓'} ${fault.name}${problem ? `: ${problem}` : ''}`);
	}
	await stopServers();

	const sections: FaultSection[] = [{ title: 'bad inputs', cases: badInputs }, ...SECTIONS];
	let cases = 0;
	let clear = 0;
	for (const section of sections) {
		const list = section.cases();
		cases += list.length;
		console.log(`${section.title} (${list.length}):`);
		for (const input of list) {
			const problem = await runCase(input);
			if (!problem) clear++;
			console.log(`  ${problem ? '✗' : '✓'} ${input.name}${problem ? `: ${problem}` : ''}`);
		}
	}
	// Let a rejection nobody handled surface before counting.
	await delay(50);
	const failed = faultList.length - handled + (cases - clear) + observed.unhandledRejections;
	console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
	console.log(`faults: ${handled + clear} passed, ${failed} failed`);
	console.log(
		`faults: ${handled}/${faultList.length} handled; other cases: ${clear}/${cases} clear; key shown or sent elsewhere: ${observed.keyShown + observed.keySentElsewhere}; files corrupted: ${observed.filesCorrupted}; unhandled rejections: ${observed.unhandledRejections}`,
	);
	return failed > 0 || observed.keyShown + observed.keySentElsewhere + observed.filesCorrupted > 0 ? 1 : 0;
}

main().then(
	(code) => {
		process.exitCode = code;
		// Sockets a fault left half-open must not keep the process alive.
		setTimeout(() => process.exit(code), 100).unref();
	},
	(err: unknown) => {
		console.error(err);
		console.log('faults: 0 passed, 1 failed');
		process.exitCode = 1;
	},
);
