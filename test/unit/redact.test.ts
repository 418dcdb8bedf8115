import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redact, redactSecrets } from '../../src/core/redact';

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

test('catches the key in upper or lower case, and URL-encoded (either hex case, or encoded twice)', () => {
	const key = 'ck_Live/ab+cd=EF';
	const shown = [
		key,
		key.toUpperCase(),
		key.toLowerCase(),
		encodeURIComponent(key),
		encodeURIComponent(key).toLowerCase(),
		encodeURIComponent(encodeURIComponent(key)),
		`key=${encodeURIComponent(key).replace(/%2B/g, '%2b')}`,
	];
	for (const text of shown) {
		const out = redact(`bad key ${text} here`, [key]);
		assert.ok(!out.toLowerCase().includes(key.toLowerCase()), `${text} → ${out}`);
		assert.ok(!out.toLowerCase().includes(encodeURIComponent(key).toLowerCase()), `${text} → ${out}`);
		assert.match(out, /^bad key .*«redacted» here$/, `${text} → ${out}`);
	}
});

test('catches a key with regex characters, also at the end of a megabyte of text', () => {
	const key = 'a.b*c(d)[e]$^';
	assert.equal(redact(`x ${key} y axbxc`, [key]), 'x «redacted» y axbxc');
	const big = `${'z'.repeat(1_000_000)} ${'ck_live_abcdef'.toUpperCase()}`;
	const out = redact(big, ['ck_live_abcdef', 'sk-other-1234']);
	assert.ok(out.endsWith('«redacted»'));
});

test('redactSecrets takes out the known secrets only, not what follows a header name', () => {
	assert.equal(redactSecrets('X-CEKURA-API-KEY: <your key>, then ck_live_abcdef', ['ck_live_abcdef']), 'X-CEKURA-API-KEY: <your key>, then «redacted»');
});
