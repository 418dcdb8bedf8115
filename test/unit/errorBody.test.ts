import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorBodyLines, parseBody, shortenLines } from '../../src/improve/core/errorBody';
import { parseRetryAfter } from '../../src/improve/core/retryAfter';

test('reads DRF field errors, detail and non_field_errors', () => {
	assert.deepEqual(errorBodyLines({ run_ids: ['Ensure this field has no more than 3 elements.'], prompt: ['This field may not be blank.'] }), [
		'run_ids: Ensure this field has no more than 3 elements.',
		'prompt: This field may not be blank.',
	]);
	assert.deepEqual(errorBodyLines({ detail: 'Invalid API key' }), ['Invalid API key']);
	assert.deepEqual(errorBodyLines({ non_field_errors: ['Runs belong to another agent.'] }), ['Runs belong to another agent.']);
	assert.deepEqual(errorBodyLines(['a', 'b']), ['a', 'b']);
	assert.deepEqual(errorBodyLines(null), []);
});

test('parses JSON bodies and keeps non-JSON ones whole, for shortenLines to cut once the keys are out', () => {
	assert.deepEqual(parseBody('{"a":1}'), { a: 1 });
	assert.equal(parseBody('<html>x</html>'), '<html>x</html>');
	assert.equal(shortenLines(errorBodyLines(parseBody('x'.repeat(1000))), [])[0].length, 301);
});

test('a key across the cut of a long error line is taken out, not shown in part', () => {
	const key = 'ck_live_7fQ2abcdefghijklmnop';
	for (const body of [`${'E'.repeat(290)}${key} rejected`, `{"detail": "${'E'.repeat(290)}${key} rejected"}`, `{"detail": "${'E'.repeat(290)}${key} rejec`]) {
		const [line] = shortenLines(errorBodyLines(parseBody(body)), [key]);
		assert.ok(!line.includes('ck_live_7f'), line);
		assert.ok(line.startsWith('EEEE'), line);
	}
});

test('reads Retry-After as seconds or as an HTTP date', () => {
	assert.equal(parseRetryAfter('30'), 30);
	assert.equal(parseRetryAfter(null), undefined);
	assert.equal(parseRetryAfter('soon'), undefined);
	const now = Date.parse('2026-11-28T10:00:00Z');
	assert.equal(parseRetryAfter('Sat, 28 Nov 2026 10:01:30 GMT', now), 90);
	assert.equal(parseRetryAfter('Sat, 28 Nov 2026 09:00:00 GMT', now), 0);
});

test('Retry-After is delta-seconds (a non-negative integer) or an HTTP-date; nothing else is read as a date', () => {
	const now = Date.parse('2026-11-28T10:00:00Z');
	for (const bad of ['-5', '1.5', '3, 3', '+3', '3s', '0x10', '', '  ', '2026-11-28T10:01:00Z', 'Sat, 28 Nov 2026 10:01:30', '1e3', 'Sat, 31 Feb 2026 10:00:00 GMT']) {
		assert.equal(parseRetryAfter(bad, now), undefined, JSON.stringify(bad));
	}
	assert.equal(parseRetryAfter('0', now), 0);
	assert.equal(parseRetryAfter(' 120 ', now), 120);
	assert.equal(parseRetryAfter('Sat, 28 Nov 2026 10:00:05 GMT', now), 5, 'IMF-fixdate');
	assert.equal(parseRetryAfter('Saturday, 28-Nov-26 10:00:07 GMT', now), 7, 'RFC 850');
	assert.equal(parseRetryAfter('Sat Nov 28 10:00:09 2026', now), 9, 'asctime, read as GMT');
	assert.equal(parseRetryAfter('Sat Nov  1 10:00:00 2026', Date.parse('2026-11-01T09:59:00Z')), 60, 'asctime with a one-digit day');
	assert.equal(parseRetryAfter('99999999999999999999999', now), undefined, 'not a number of seconds anyone waits');
});

test('long error bodies are shortened: each line, the number of lines and the whole', () => {
	const lines = shortenLines(errorBodyLines({ detail: 'x'.repeat(1_000_000) }), []);
	assert.equal(lines.length, 1);
	assert.ok(lines[0].length <= 301, String(lines[0].length));
	assert.ok(lines[0].endsWith('…'));
	const many = shortenLines(errorBodyLines(Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`f${i}`, ['bad value']]))), []);
	assert.ok(many.length <= 6, String(many.length));
	assert.match(many[many.length - 1], /495 more/);
	assert.ok(many.join(' ').length <= 1000);
	assert.deepEqual(shortenLines(['a', 'b'], []), ['a', 'b']);
});

test('a deeply nested error body does not overflow the stack', () => {
	let body: unknown = 'deep';
	for (let i = 0; i < 100_000; i++) body = [body];
	assert.doesNotThrow(() => errorBodyLines(body));
});

test('a JSON error body cut short still gives its detail', () => {
	const salvaged = parseBody(`{"detail": "Too many \\"runs\\" ${'z'.repeat(5000)}`) as string;
	assert.ok(salvaged.startsWith('Too many "runs" zzz'), salvaged.slice(0, 40));
	assert.ok(shortenLines(errorBodyLines(salvaged), [])[0].length <= 301);
	assert.equal(parseBody('{"error": {"message": "model overloaded'), 'model overloaded');
	assert.equal(parseBody('{"other": 1, '), '{"other": 1, ');
});
