import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redact } from '../../src/core/redact';

test('replaces every known secret and any X-CEKURA-API-KEY header value', () => {
	const line = 'sent key ck_live_abcdef twice: ck_live_abcdef; headers {"X-CEKURA-API-KEY": "other_secret"} x-cekura-api-key: raw123';
	const out = redact(line, ['ck_live_abcdef']);
	assert.ok(!out.includes('ck_live_abcdef'));
	assert.ok(!out.includes('other_secret'));
	assert.ok(!out.includes('raw123'));
	assert.equal(out.split('«redacted»').length - 1, 4);
});

test('leaves text without secrets alone and ignores empty or very short secrets', () => {
	assert.equal(redact('nothing here', ['', undefined, 'ab']), 'nothing here');
});
