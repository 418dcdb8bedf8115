import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatRunIds, parseRunIds } from '../../src/improve/core/runIds';

test('parses IDs separated by commas, spaces, semicolons and newlines', () => {
	assert.deepEqual(parseRunIds('12, 34 56'), { ok: true, ids: [12, 34, 56] });
	assert.deepEqual(parseRunIds(' 7;\n8 '), { ok: true, ids: [7, 8] });
	assert.deepEqual(parseRunIds('#5546, #5547'), { ok: true, ids: [5546, 5547] });
});

test('drops duplicates but keeps the order typed', () => {
	assert.deepEqual(parseRunIds('34 12 34 12'), { ok: true, ids: [34, 12] });
});

test('refuses more than 3 distinct runs, saying how many were entered', () => {
	const parsed = parseRunIds('1 2 3 4');
	assert.equal(parsed.ok, false);
	assert.match(!parsed.ok ? parsed.message : '', /At most 3 runs.*you entered 4/);
});

test('refuses anything that is not a positive whole number, naming it', () => {
	for (const bad of ['0', '-5', '1.5', 'abc', '12a', '99999999999999999999']) {
		const parsed = parseRunIds(`1 ${bad}`);
		assert.equal(parsed.ok, false, bad);
		assert.match(!parsed.ok ? parsed.message : '', new RegExp(`"${bad.replace('.', '\\.')}"`));
	}
});

test('refuses empty input', () => {
	assert.equal(parseRunIds('  , ').ok, false);
});

test('formats IDs for an input box', () => {
	assert.equal(formatRunIds([5546, 5547]), '5546, 5547');
});

test('200,000 pasted IDs are refused at once, counted before each is checked', () => {
	const text = Array.from({ length: 200_000 }, (_, i) => i + 1).join(', ');
	const parsed = parseRunIds(text);
	assert.equal(parsed.ok, false);
	assert.match(!parsed.ok ? parsed.message : '', /At most 3 runs.*200000/);
});

test('repeats of the same few IDs count once', () => {
	const parsed = parseRunIds('7 8 '.repeat(30));
	assert.deepEqual(parsed, { ok: true, ids: [7, 8] });
});

test('a long token is named shortened', () => {
	const parsed = parseRunIds(`1 ${'x'.repeat(10_000)}`);
	assert.equal(parsed.ok, false);
	assert.ok(!parsed.ok && parsed.message.length < 200, !parsed.ok ? String(parsed.message.length) : '');
});
