import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CUT_MARGIN_BYTES, MAX_ERROR_BODY_BYTES, readBodyBytes } from '../../src/improve/core/httpBody';
import type { HttpResponse } from '../../src/improve/core/httpTypes';
import { redactAndShorten, redactedPart } from '../../src/improve/core/shownText';

const KEY = 'ck_live_7fQ2/abcdefghijklmnop';

test('a key across the cut is taken out before the text is cut, so none of it shows', () => {
	const text = `${'E'.repeat(90)}${KEY} and more`;
	const shown = redactAndShorten(text, 100, [KEY]);
	assert.equal(shown, `${'E'.repeat(90)}«redacted»…`);
	assert.equal(redactAndShorten('short', 100, [KEY]), 'short');
});

test('a part of a link is shown as it is unless the link held a key; then the whole link, redacted', () => {
	const link = `http://${KEY}/runs/`;
	assert.equal(new URL(link).origin, 'http://ck_live_7fq2', 'the URL parser ends the host inside the key');
	assert.equal(redactedPart(link, new URL(link).origin, 200, [KEY]), 'http://«redacted»/runs/');
	assert.equal(redactedPart('https://other.example/x', 'https://other.example', 200, [KEY]), 'https://other.example');
});

function answer(chunks: string[]): HttpResponse {
	return {
		status: 400,
		headers: { get: () => null },
		text: async () => chunks.join(''),
		body: (async function* () {
			for (const chunk of chunks) yield Buffer.from(chunk, 'utf8');
		})(),
	};
}

test('an error answer cut at its size cap loses its end too, where a key across the cut would be', async () => {
	const padding = ' '.repeat(MAX_ERROR_BODY_BYTES - 12);
	const bytes = await readBodyBytes(answer([padding, `${KEY} rejected`]), MAX_ERROR_BODY_BYTES, new AbortController().signal, { truncate: true });
	assert.equal(bytes.length, MAX_ERROR_BODY_BYTES - CUT_MARGIN_BYTES);
	assert.ok(!bytes.toString('utf8').includes('ck_live'));
	const whole = await readBodyBytes(answer(['{"detail": "no"}']), MAX_ERROR_BODY_BYTES, new AbortController().signal, { truncate: true });
	assert.equal(whole.toString('utf8'), '{"detail": "no"}', 'an answer within the cap is read whole');
});
