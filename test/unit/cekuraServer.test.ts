import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { DEMO_API_KEY, startCekuraServer, type CekuraServer, type ListMode } from '../server/cekuraServer';
import { improvePrompt, NO_CHANGES_SUMMARY, RULES_HEADING } from '../server/improver';
import { findRun, listRunItem, SAMPLE_PROMPTS, SEED_RUNS, type SeedRun } from '../server/seedData';
import { waitFor } from '../support/waitFor';

const RUNS = '/test_framework/v2/runs/';
const BULK = '/test_framework/v2/runs/bulk/';
const IMPROVE = '/test_framework/v1/runs/improve_prompt/';
const KEY_HEADER = { 'X-CEKURA-API-KEY': DEMO_API_KEY };
const DENTAL = SAMPLE_PROMPTS['dental-front-desk'];
const CONFIRM_RULE = 'Before ending any call in which an appointment was booked or moved, read back the date and time and wait for the caller to confirm.';
const LIST_KEYS = [
	'id', 'provider_call_id', 'trace_id', 'scenario', 'scenario_name', 'personality', 'personality_name', 'result_id', 'agent', 'agent_name',
	'duration', 'status', 'evaluation_status', 'expected_outcome', 'success', 'timestamp', 'executed_at', 'metadata', 'outbound_number',
	'inbound_number', 'critical_categories', 'metrics', 'error_message', 'run_as_text', 'test_profile_name', 'agent_number', 'run_type', 'agent_version',
];

interface Answer {
	status: number;
	headers: Headers;
	text: string;
	json: unknown;
}

interface Page {
	count: number;
	next: string | null;
	previous: string | null;
	results: Array<Record<string, unknown>>;
}

let server: CekuraServer;

async function call(pathAndQuery: string, init: RequestInit = {}): Promise<Answer> {
	const response = await fetch(server.url + pathAndQuery, { headers: KEY_HEADER, ...init });
	const text = await response.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, text, json };
}

function improve(body: unknown, init: RequestInit = {}): Promise<Answer> {
	return call(IMPROVE, {
		method: 'POST',
		headers: { ...KEY_HEADER, 'Content-Type': 'application/json' },
		body: typeof body === 'string' ? body : JSON.stringify(body),
		...init,
	});
}

async function page(pathAndQuery: string): Promise<Page> {
	const answer = await call(pathAndQuery);
	assert.equal(answer.status, 200, answer.text);
	return answer.json as Page;
}

const okBody = { prompt: DENTAL, run_ids: [5546, 5547] };

before(async () => {
	server = await startCekuraServer();
});

after(async () => {
	await server.close();
});

beforeEach(() => {
	server.reset();
});

describe('authentication and routing', () => {
	it('answers 401 with the documented bodies for a missing or wrong key, and records both', async () => {
		const missing = await call(RUNS, { headers: {} });
		assert.equal(missing.status, 401);
		assert.deepEqual(missing.json, { detail: 'Authentication credentials were not provided.' });
		assert.equal(missing.headers.get('content-type'), 'application/json');
		const wrong = await improve(okBody, { headers: { 'X-CEKURA-API-KEY': 'ck_wrong', 'Content-Type': 'application/json' } });
		assert.equal(wrong.status, 401);
		assert.deepEqual(wrong.json, { detail: 'Invalid API key' });
		assert.deepEqual(
			server.requests.map((r) => [r.method, r.path, r.apiKeyPresent, r.apiKeyValid]),
			[
				['GET', RUNS, false, false],
				['POST', IMPROVE, true, false],
			],
		);
	});

	it('accepts every key given in options.apiKeys', async () => {
		const other = await startCekuraServer({ apiKeys: ['ck_one', 'ck_two'] });
		try {
			const one = await fetch(`${other.url}${RUNS}?page_size=1`, { headers: { 'X-CEKURA-API-KEY': 'ck_two' } });
			assert.equal(one.status, 200);
			const demo = await fetch(`${other.url}${RUNS}`, { headers: KEY_HEADER });
			assert.equal(demo.status, 401);
		} finally {
			await other.close();
		}
	});

	it('answers 404 without the trailing slash, for GET and POST, and for unknown paths', async () => {
		for (const [p, method] of [
			['/test_framework/v2/runs', 'GET'],
			['/test_framework/v2/runs/5546', 'GET'],
			['/test_framework/v1/runs/improve_prompt', 'POST'],
			['/test_framework/v2/runs/improve_prompt/', 'POST'],
			['/test_framework/v1/runs/improve-prompt/', 'POST'],
			['/nothing/here/', 'GET'],
		]) {
			const answer = await call(p, { method, body: method === 'POST' ? JSON.stringify(okBody) : undefined });
			assert.equal(answer.status, 404, `${method} ${p}`);
			assert.deepEqual(answer.json, { detail: 'Not found.' });
		}
	});

	it('answers 405 for a wrong method on a known path', async () => {
		const post = await call(RUNS, { method: 'POST', body: '{}' });
		assert.equal(post.status, 405);
		assert.deepEqual(post.json, { detail: 'Method "POST" not allowed.' });
		const get = await call(IMPROVE);
		assert.equal(get.status, 405);
		assert.deepEqual(get.json, { detail: 'Method "GET" not allowed.' });
	});

	it('refuses a host that is not a loopback address', async () => {
		await assert.rejects(startCekuraServer({ host: '0.0.0.0' }), /loopback/);
	});
});

describe('GET runs list', () => {
	it('paginates 30 per page, newest first, with absolute next/previous links', async () => {
		const first = await page(RUNS);
		assert.equal(first.count, SEED_RUNS.length);
		assert.equal(first.count, 40);
		assert.equal(first.results.length, 30);
		assert.equal(first.next, `${server.url}${RUNS}?page=2`);
		assert.equal(first.previous, null);
		const stamps = first.results.map((r) => String(r.timestamp));
		assert.deepEqual(stamps, [...stamps].sort().reverse());
		assert.equal(first.results[0].id, 5560);

		const last = await page(`${RUNS}?page=2`);
		assert.equal(last.results.length, 10);
		assert.equal(last.next, null);
		assert.equal(last.previous, `${server.url}${RUNS}`);
		assert.equal(new Set([...first.results, ...last.results].map((r) => r.id)).size, 40);
	});

	it('keeps the other parameters, sorted, in the links (like DRF), and serves v1 too', async () => {
		const p2 = await page('/test_framework/v1/runs/?page_size=2&agent_id=42&page=2');
		assert.equal(p2.count, 13);
		assert.equal(p2.next, `${server.url}/test_framework/v1/runs/?agent_id=42&page=3&page_size=2`);
		assert.equal(p2.previous, `${server.url}/test_framework/v1/runs/?agent_id=42&page_size=2`);
		const lastPage = await page(`${RUNS}?agent_id=42&page_size=2&page=7`);
		assert.equal(lastPage.results.length, 1);
		assert.equal(lastPage.next, null);
	});

	it('answers 404 "Invalid page." out of range or for a non-number, and treats a bad page_size as the default', async () => {
		for (const bad of ['3', '0', 'abc', '-1']) {
			const answer = await call(`${RUNS}?page=${bad}`);
			assert.equal(answer.status, 404, bad);
			assert.deepEqual(answer.json, { detail: 'Invalid page.' });
		}
		assert.equal((await page(`${RUNS}?page_size=abc`)).results.length, 30);
		assert.equal((await page(`${RUNS}?page_size=0`)).results.length, 30);
		const capped = await page(`${RUNS}?page_size=500`);
		assert.equal(capped.results.length, 40);
		assert.equal(capped.next, null);
		server.setModes({ maxPageSize: 7 });
		const small = await page(`${RUNS}?page_size=50`);
		assert.equal(small.results.length, 7);
		assert.match(small.next ?? '', /page=2/);
		server.reset();
		const empty = await page(`${RUNS}?agent_id=1`);
		assert.deepEqual(empty, { count: 0, next: null, previous: null, results: [] });
	});

	it('lists RunList items with exactly the documented keys', async () => {
		const found = await page(`${RUNS}?id=5546`);
		assert.equal(found.count, 1);
		const item = found.results[0];
		assert.deepEqual(Object.keys(item), LIST_KEYS);
		assert.deepEqual(item, JSON.parse(JSON.stringify(listRunItem(findRun(5546) as SeedRun))));
		assert.deepEqual(item.metrics, [{ id: 7, name: 'Booking confirmed', type: 'binary_workflow_adherence', score: 0 }]);
		assert.equal(item.scenario_name, 'Reschedule cleaning to next week');
	});

	it('filters by agent_id, project_id, success, status, id__in and search', async () => {
		const dental = await page(`${RUNS}?agent_id=42`);
		assert.equal(dental.count, 13);
		assert.ok(dental.results.every((r) => r.agent === 42));

		assert.equal((await page(`${RUNS}?project_id=742`)).count, 28);
		assert.equal((await page(`${RUNS}?project_id=801`)).count, 12);

		const failing = await page(`${RUNS}?success=false&page_size=100`);
		assert.equal(failing.count, 19);
		assert.ok(failing.results.every((r) => r.success === false));
		assert.equal((await page(`${RUNS}?success=true`)).count, 21);

		const inProgress = await page(`${RUNS}?status=in_progress`);
		assert.deepEqual(inProgress.results.map((r) => [r.id, r.evaluation_status]), [[5560, null], [5558, null]]);

		assert.deepEqual((await page(`${RUNS}?id__in=5545,5546,1`)).results.map((r) => r.id), [5546, 5545]);

		const search = await page(`${RUNS}?search=RESCHEDULE`);
		assert.ok(search.count >= 2);
		assert.ok(search.results.every((r) => String(r.scenario_name).toLowerCase().includes('reschedule')));
		assert.deepEqual((await page(`${RUNS}?search=5546`)).results.map((r) => r.id), [5546]);

		const invalid = await call(`${RUNS}?agent_id=abc`);
		assert.equal(invalid.status, 400);
		assert.deepEqual(invalid.json, { agent_id: ['Enter a number.'] });
	});

	it('follows the runsList mode', async () => {
		const cases: Array<[ListMode, number, unknown]> = [
			['forbidden', 403, { detail: 'You do not have permission to perform this action.' }],
			['removed-404', 404, { detail: 'Not found.' }],
			['server-error', 500, { detail: 'Internal server error' }],
		];
		for (const [mode, status, body] of cases) {
			server.setModes({ runsList: mode });
			const answer = await call(RUNS);
			assert.equal(answer.status, status, mode);
			assert.deepEqual(answer.json, body);
		}
		assert.equal((await call(`${BULK}?run_ids=5546`)).status, 200, 'runsList does not affect bulk');
	});
});

describe('GET runs bulk and detail', () => {
	it('returns full runs for the known ids of a comma list, in request order', async () => {
		const answer = await call(`${BULK}?run_ids=5546,5545,999999`);
		assert.equal(answer.status, 200);
		const runs = answer.json as SeedRun[];
		assert.ok(Array.isArray(runs));
		assert.deepEqual(runs.map((r) => r.id), [5546, 5545]);
		assert.deepEqual(runs[0], JSON.parse(JSON.stringify(findRun(5546))));
		assert.deepEqual(runs[0].evaluation.metrics.map((m) => [m.id, m.type, m.score]), [
			[7, 'binary_workflow_adherence', 0],
			[33, 'numeric', 1840.5],
			[12, 'enum', 0],
		]);
		assert.deepEqual(runs[0].critical_categories.map((c) => c.category_id), [311]);
		assert.ok(runs[0].transcript.startsWith('[00:01] Testing Agent: Hi, I need to move my cleaning.\n[00:03] Main Agent: Sure, what day works?'));
		assert.equal('metrics' in runs[0], false);
		assert.equal((await call('/test_framework/v1/runs/bulk/?run_ids=5546')).status, 200);
	});

	it('answers 400 for a missing run_ids, a JSON array or a non-integer', async () => {
		const missing = await call(BULK);
		assert.equal(missing.status, 400);
		assert.deepEqual(missing.json, { run_ids: ['This field is required.'] });
		for (const bad of ['[5546]', '5546,abc', '5546;5547', '-1']) {
			const answer = await call(`${BULK}?run_ids=${encodeURIComponent(bad)}`);
			assert.equal(answer.status, 400, bad);
			assert.deepEqual(answer.json, { run_ids: ['run_ids must be comma-separated integers'] });
		}
	});

	it('follows the runsBulk mode', async () => {
		server.setModes({ runsBulk: 'forbidden' });
		const answer = await call(`${BULK}?run_ids=5546`);
		assert.equal(answer.status, 403);
		assert.deepEqual(answer.json, { detail: 'You do not have permission to perform this action.' });
		assert.equal((await call(RUNS)).status, 200, 'runsBulk does not affect the list');
	});

	it('serves a single run, or 404', async () => {
		const found = await call('/test_framework/v2/runs/5559/');
		assert.equal(found.status, 200);
		const run = found.json as SeedRun;
		assert.equal(run.status, 'failed');
		assert.equal(run.error_message, "SIP 486 Busy Here: the agent's number +13125550188 did not answer (3 attempts)");
		const missing = await call('/test_framework/v2/runs/1/');
		assert.equal(missing.status, 404);
		assert.deepEqual(missing.json, { detail: 'Not found.' });
	});
});

describe('POST improve_prompt validation', () => {
	const cases: Array<[string, unknown, unknown]> = [
		['empty object', {}, { prompt: ['This field is required.'], run_ids: ['This field is required.'] }],
		['blank prompt', { prompt: '  \n ', run_ids: [5546] }, { prompt: ['This field may not be blank.'] }],
		['prompt not a string', { prompt: 42, run_ids: [5546] }, { prompt: ['Not a valid string.'] }],
		['run_ids a string', { prompt: 'p', run_ids: '5546' }, { run_ids: ['Expected a list of items but got type "str".'] }],
		['run_ids an object', { prompt: 'p', run_ids: { a: 1 } }, { run_ids: ['Expected a list of items but got type "dict".'] }],
		['run_ids empty', { prompt: 'p', run_ids: [] }, { run_ids: ['This list may not be empty.'] }],
		['more than 3 run_ids', { prompt: 'p', run_ids: [5521, 5522, 5523, 5546] }, { run_ids: ['Ensure this field has no more than 3 elements.'] }],
		['non-integer run id', { prompt: 'p', run_ids: [5546, '5547'] }, { run_ids: ['A valid integer is required.'] }],
		['unknown run ids', { prompt: 'p', run_ids: [5546, 999, 1000] }, { run_ids: ['Invalid run IDs or runs not found: 999, 1000'] }],
		['category_ids not a list', { prompt: 'p', run_ids: [5546], category_ids: 311 }, { category_ids: ['Expected a list of items but got type "int".'] }],
		['workflow_metric_ids element', { prompt: 'p', run_ids: [5546], workflow_metric_ids: [7.5] }, { workflow_metric_ids: ['A valid integer is required.'] }],
		[
			'all fields at once',
			{ prompt: '', run_ids: [1], category_ids: 'x', workflow_metric_ids: [null] },
			{
				prompt: ['This field may not be blank.'],
				run_ids: ['Invalid run IDs or runs not found: 1'],
				category_ids: ['Expected a list of items but got type "str".'],
				workflow_metric_ids: ['A valid integer is required.'],
			},
		],
	];
	for (const [name, body, errors] of cases) {
		it(`answers 400 for ${name}`, async () => {
			const answer = await improve(body);
			assert.equal(answer.status, 400);
			assert.deepEqual(answer.json, errors);
		});
	}

	it('answers 400 with a JSON parse error for a body that is not JSON, and records the raw body', async () => {
		const answer = await improve('prompt=hello');
		assert.equal(answer.status, 400);
		assert.deepEqual(answer.json, { detail: 'JSON parse error - Expecting value: line 1 column 1 (char 0)' });
		assert.equal(server.requests[0].body, 'prompt=hello');
	});
});

describe('POST improve_prompt in ok mode', () => {
	it('returns an improved prompt with an in-place rewrite and an appended rule, and records the request', async () => {
		const answer = await improve({ ...okBody, category_ids: [311], workflow_metric_ids: [7] });
		assert.equal(answer.status, 200);
		assert.equal(answer.headers.get('content-type'), 'application/json');
		const result = answer.json as { improved_prompt: string; summary_of_changes: string };
		assert.deepEqual(Object.keys(result), ['improved_prompt', 'summary_of_changes']);
		assert.ok(result.improved_prompt.includes(`\n${RULES_HEADING}\n\n- ${CONFIRM_RULE}\n`));
		assert.ok(result.improved_prompt.includes('- Keep calls short, but never end the call before the caller has confirmed the booking.\n'));
		assert.ok(!result.improved_prompt.includes('Keep calls short.'));
		assert.ok(!result.improved_prompt.includes('alternative slots'), 'metric 9 is filtered out by workflow_metric_ids');
		assert.match(result.summary_of_changes, /"Booking confirmed" \(runs 5546, 5547\)/);
		assert.match(result.summary_of_changes, /"Ends call before confirming booking"/);

		const [recorded] = server.requests;
		assert.equal(recorded.method, 'POST');
		assert.equal(recorded.path, IMPROVE);
		assert.deepEqual(recorded.body, { ...okBody, category_ids: [311], workflow_metric_ids: [7] });
		assert.equal(recorded.apiKeyValid, true);
		assert.equal(recorded.aborted, false);
	});

	it('is idempotent: a second pass changes nothing and says so', async () => {
		const first = (await improve(okBody)).json as { improved_prompt: string };
		const second = await improve({ ...okBody, prompt: first.improved_prompt });
		assert.equal(second.status, 200);
		const result = second.json as { improved_prompt: string; summary_of_changes: string };
		assert.equal(result.improved_prompt, first.improved_prompt);
		assert.match(result.summary_of_changes, /^No changes needed: /);
		assert.equal(result.improved_prompt.split(RULES_HEADING).length, 2);
	});

	it('serves the runs-external twin', async () => {
		const answer = await call('/test_framework/v1/runs-external/improve_prompt/', { method: 'POST', body: JSON.stringify(okBody) });
		assert.equal(answer.status, 200);
	});
});

describe('improvePrompt (pure)', () => {
	const run = (id: number): SeedRun => findRun(id) as SeedRun;

	it('appends under an existing rules heading instead of adding a second one', () => {
		const start = `Intro line.\n\n${RULES_HEADING}\n\n- Existing rule.\n\n## Later section\nText.\n`;
		const result = improvePrompt(start, [run(5522)]);
		assert.equal(result.improved_prompt, `Intro line.\n\n${RULES_HEADING}\n\n- Existing rule.\n- ${CONFIRM_RULE}\n- Never end the call while a booking is still unconfirmed; if the caller hesitates, ask once more whether the new time works.\n\n## Later section\nText.\n`);
	});

	it('keeps CRLF line endings and the missing final newline', () => {
		const start = 'You are a dental receptionist.\r\nKeep calls short.';
		const result = improvePrompt(start, [run(5546)]);
		assert.equal(
			result.improved_prompt,
			`You are a dental receptionist.\r\nKeep calls short, but never end the call before the caller has confirmed the booking.\r\n\r\n${RULES_HEADING}\r\n\r\n- ${CONFIRM_RULE}\r\n- Never end the call while a booking is still unconfirmed; if the caller hesitates, ask once more whether the new time works.`,
		);
	});

	it('ignores wrongly marked and not_a_bug categories, and passing runs', () => {
		const whitening = improvePrompt(DENTAL, [run(5534)]).improved_prompt;
		assert.ok(whitening.includes('insurance has been captured'));
		assert.ok(!whitening.includes('Let the caller finish speaking'), 'category 302 is wrongly_marked');
		const pizza = improvePrompt(SAMPLE_PROMPTS['pizza-order-line'], [run(5535)]).improved_prompt;
		assert.ok(!pizza.includes('Pronounce menu item names'), 'category 318 is not_a_bug');
		assert.ok(pizza.includes('never repeat the offer after the caller declines'));
		assert.deepEqual(improvePrompt(DENTAL, [run(5545)]), { improved_prompt: DENTAL, summary_of_changes: NO_CHANGES_SUMMARY });
	});

	it('filters by category and workflow metric ids', () => {
		const onlyCategory = improvePrompt(DENTAL, [run(5547)], [303], [9]).improved_prompt;
		assert.ok(onlyCategory.includes('suggest the nearest open slots'));
		assert.ok(onlyCategory.includes('offer at least two alternative slots'));
		assert.ok(!onlyCategory.includes(CONFIRM_RULE));
		assert.ok(onlyCategory.includes('Keep calls short.'));
	});
});

describe('improve modes', () => {
	it('removed-404 and removed-405', async () => {
		server.setModes({ improve: 'removed-404' });
		const gone = await improve(okBody);
		assert.equal(gone.status, 404);
		assert.deepEqual(gone.json, { detail: 'Not found.' });
		server.setModes({ improve: 'removed-405' });
		const notAllowed = await improve(okBody);
		assert.equal(notAllowed.status, 405);
		assert.deepEqual(notAllowed.json, { detail: 'Method "POST" not allowed.' });
	});

	it('forbidden: 403 with the DRF permission message', async () => {
		server.setModes({ improve: 'forbidden' });
		const answer = await improve(okBody);
		assert.equal(answer.status, 403);
		assert.deepEqual(answer.json, { detail: 'You do not have permission to perform this action.' });
	});

	it('throttled: always 429 with Retry-After', async () => {
		server.setModes({ improve: 'throttled' });
		for (let i = 0; i < 2; i++) {
			const answer = await improve(okBody);
			assert.equal(answer.status, 429);
			assert.equal(answer.headers.get('retry-after'), '1');
			assert.deepEqual(answer.json, { detail: 'Request was throttled. Expected available in 1 second.' });
		}
		server.setModes({ retryAfterSeconds: 7 });
		const longer = await improve(okBody);
		assert.equal(longer.headers.get('retry-after'), '7');
		assert.deepEqual(longer.json, { detail: 'Request was throttled. Expected available in 7 seconds.' });
	});

	it('throttled-once: 429 then ok', async () => {
		server.setModes({ improve: 'throttled-once', retryAfterSeconds: 2 });
		const first = await improve(okBody);
		assert.equal(first.status, 429);
		assert.equal(first.headers.get('retry-after'), '2');
		const second = await improve(okBody);
		assert.equal(second.status, 200);
		assert.ok((second.json as { improved_prompt: string }).improved_prompt.includes(CONFIRM_RULE));
	});

	it('server-error: 500', async () => {
		server.setModes({ improve: 'server-error' });
		const answer = await improve(okBody);
		assert.equal(answer.status, 500);
		assert.deepEqual(answer.json, { detail: 'Internal server error' });
	});

	it('unavailable-once: 503 without Retry-After, then ok', async () => {
		server.setModes({ improve: 'unavailable-once' });
		const first = await improve(okBody);
		assert.equal(first.status, 503);
		assert.equal(first.headers.get('retry-after'), null);
		assert.equal((await improve(okBody)).status, 200);
	});

	it('slow: answers like ok after delayMs', async () => {
		server.setModes({ improve: 'slow', delayMs: 150 });
		const started = Date.now();
		const answer = await improve(okBody);
		assert.ok(Date.now() - started >= 140, `answered after ${Date.now() - started} ms`);
		assert.equal(answer.status, 200);
		assert.ok((answer.json as { improved_prompt: string }).improved_prompt.includes(CONFIRM_RULE));
	});

	it('slow: a client that disconnects is recorded as aborted and gets no answer', async () => {
		server.setModes({ improve: 'slow', delayMs: 5000 });
		const controller = new AbortController();
		const pending = improve(okBody, { signal: controller.signal });
		await waitFor(() => server.requests.length === 1, 'the request to arrive');
		assert.equal(server.requests[0].aborted, false);
		controller.abort();
		await assert.rejects(pending, { name: 'AbortError' });
		await waitFor(() => server.requests[0].aborted, 'aborted: true');
	});

	it('not-json: 200 with an HTML page', async () => {
		server.setModes({ improve: 'not-json' });
		const answer = await improve(okBody);
		assert.equal(answer.status, 200);
		assert.match(answer.headers.get('content-type') ?? '', /^text\/html/);
		assert.equal(answer.text, '<html><body>Gateway login</body></html>');
	});

	it('missing-improved-prompt: 200 with only summary_of_changes', async () => {
		server.setModes({ improve: 'missing-improved-prompt' });
		const answer = await improve(okBody);
		assert.equal(answer.status, 200);
		const body = answer.json as Record<string, unknown>;
		assert.deepEqual(Object.keys(body), ['summary_of_changes']);
		assert.ok(String(body.summary_of_changes).length > 0);
	});

	it('unchanged: returns the sent prompt', async () => {
		server.setModes({ improve: 'unchanged' });
		const answer = await improve(okBody);
		assert.equal(answer.status, 200);
		assert.deepEqual(answer.json, { improved_prompt: DENTAL, summary_of_changes: NO_CHANGES_SUMMARY });
	});

	it('redirect-other-origin: 307 to 127.0.0.2 on the same port', async () => {
		server.setModes({ improve: 'redirect-other-origin' });
		const answer = await improve(okBody, { redirect: 'manual' });
		assert.equal(answer.status, 307);
		assert.equal(answer.headers.get('location'), `http://127.0.0.2:${server.port}${IMPROVE}`);
	});

	it('setModes rejects unknown values', () => {
		assert.throws(() => server.setModes({ improve: 'bogus' as never }), TypeError);
	});
});

describe('HTTP control endpoints', () => {
	it('switch modes, list requests and reset, without an API key and without being recorded', async () => {
		const set = await fetch(`${server.url}/__control/modes`, { method: 'POST', body: JSON.stringify({ improve: 'throttled', retryAfterSeconds: 3 }) });
		assert.equal(set.status, 200);
		assert.deepEqual(await set.json(), { modes: { improve: 'throttled', runsList: 'ok', runsBulk: 'ok', delayMs: 30000, retryAfterSeconds: 3, maxPageSize: 100, apiChat: 'ok', chatStartMs: 200, callerDelayMs: 50, scoreMs: 100 } });
		assert.equal((await improve(okBody)).status, 429);

		for (const bad of [{ improve: 'bogus' }, { runsList: 'nope' }, { delayMs: -1 }, { unknown: 1 }]) {
			const answer = await fetch(`${server.url}/__control/modes`, { method: 'POST', body: JSON.stringify(bad) });
			assert.equal(answer.status, 400, JSON.stringify(bad));
		}

		const listed = await fetch(`${server.url}/__control/requests`);
		assert.equal(listed.status, 200);
		const requests = (await listed.json()) as Array<{ path: string; apiKeyValid: boolean }>;
		assert.deepEqual(requests.map((r) => [r.path, r.apiKeyValid]), [[IMPROVE, true]]);
		assert.deepEqual(requests, JSON.parse(JSON.stringify(server.requests)));

		const reset = await fetch(`${server.url}/__control/reset`, { method: 'POST' });
		assert.equal(reset.status, 200);
		assert.equal(server.requests.length, 0);
		assert.equal((await improve(okBody)).status, 200);
	});
});

describe('lifecycle', () => {
	it('close() returns promptly while a slow answer is pending', async () => {
		const other = await startCekuraServer();
		other.setModes({ improve: 'slow' });
		const pending = fetch(`${other.url}${IMPROVE}`, { method: 'POST', headers: KEY_HEADER, body: JSON.stringify(okBody) }).then(
			() => 'answered',
			() => 'failed',
		);
		await waitFor(() => other.requests.length === 1, 'the slow request to arrive');
		const started = Date.now();
		await other.close();
		assert.ok(Date.now() - started < 1000, `close took ${Date.now() - started} ms`);
		assert.equal(await pending, 'failed');
	});

	it('main.js serves both local servers, writes a profile\'s user settings on request, and exits cleanly on SIGTERM', async () => {
		const mainJs = path.join(__dirname, '..', 'server', 'main.js');
		assert.ok(existsSync(mainJs), `${mainJs} is missing: build with \`node esbuild.js\` first`);
		const profile = mkdtempSync(path.join(tmpdir(), 'cekura-dev-profile-'));
		const child = spawn(process.execPath, [mainJs, '--port', '0', '--user-data-dir', profile], { stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
		try {
			await waitFor(() => /Cekura local server listening on .*\n/.test(stdout), 'the start line');
			const match = /^Cekura local server listening on (http:\/\/127\.0\.0\.1:(\d+)) \(API key: ck_demo_local\)\n$/m.exec(stdout);
			assert.ok(match, stdout);
			assert.ok(stdout.endsWith(match[0]), 'the start line must come last: the launch configuration waits for it');
			const answer = await fetch(`${match[1]}${RUNS}?page_size=1`, { headers: KEY_HEADER });
			assert.equal(answer.status, 200);
			const settings = JSON.parse(readFileSync(path.join(profile, 'User', 'settings.json'), 'utf8')) as Record<string, string>;
			assert.equal(settings['cekura.apiBaseUrl'], match[1]);
			const models = await fetch(`${settings['cekura.openaiCompatible.baseUrl']}/models`);
			assert.equal(models.status, 200);
			child.kill('SIGTERM');
			assert.equal(await exited, 0);
		} finally {
			child.kill('SIGKILL');
			rmSync(profile, { recursive: true, force: true });
		}
	});
});
