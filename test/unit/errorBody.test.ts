import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorBodyLines, parseBody } from '../../src/core/errorBody';
import { parseRetryAfter } from '../../src/core/retryAfter';

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

test('parses JSON bodies and shortens long non-JSON ones', () => {
	assert.deepEqual(parseBody('{"a":1}'), { a: 1 });
	assert.equal(parseBody('<html>x</html>'), '<html>x</html>');
	assert.equal((parseBody('x'.repeat(1000)) as string).length, 301);
});

test('reads Retry-After as seconds or as an HTTP date', () => {
	assert.equal(parseRetryAfter('30'), 30);
	assert.equal(parseRetryAfter(null), undefined);
	assert.equal(parseRetryAfter('soon'), undefined);
	const now = Date.parse('2026-11-28T10:00:00Z');
	assert.equal(parseRetryAfter('Sat, 28 Nov 2026 10:01:30 GMT', now), 90);
	assert.equal(parseRetryAfter('Sat, 28 Nov 2026 09:00:00 GMT', now), 0);
});
