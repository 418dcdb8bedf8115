import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkBaseUrl } from '../../src/improve/core/baseUrl';

test('accepts https and strips the trailing slash', () => {
	assert.deepEqual(checkBaseUrl('https://api.cekura.ai/'), { ok: true, url: 'https://api.cekura.ai' });
	assert.deepEqual(checkBaseUrl(' https://proxy.example.com/cekura '), { ok: true, url: 'https://proxy.example.com/cekura' });
});

test('accepts plain http only on loopback hosts', () => {
	for (const url of ['http://127.0.0.1:8080', 'http://localhost:3000', 'http://[::1]:9000', 'http://127.0.0.5']) {
		assert.equal(checkBaseUrl(url).ok, true, url);
	}
	for (const url of ['http://api.cekura.ai', 'http://192.168.1.10:8080', 'http://localhost.evil.com', 'ftp://api.cekura.ai']) {
		const check = checkBaseUrl(url);
		assert.equal(check.ok, false, url);
		assert.match(!check.ok ? check.message : '', /https:\/\//);
	}
});

test('refuses URLs that are not URLs, or carry credentials, queries or fragments', () => {
	assert.match(String(!checkBaseUrl('api.cekura.ai').ok && (checkBaseUrl('api.cekura.ai') as { message: string }).message), /not a valid URL/);
	for (const url of ['https://user:pw@api.cekura.ai', 'https://api.cekura.ai/?x=1', 'https://api.cekura.ai/#a']) {
		assert.equal(checkBaseUrl(url).ok, false, url);
	}
});

test('refuses an empty query or fragment, which URL parsing would silently drop', () => {
	for (const url of ['https://api.cekura.ai/?', 'https://api.cekura.ai/#', 'http://127.0.0.1:11434/v1?']) {
		assert.equal(checkBaseUrl(url).ok, false, url);
	}
});

test('names the setting it checks, so a model server URL is not blamed on cekura.apiBaseUrl', () => {
	const insecure = checkBaseUrl('http://ollama.example:11434/v1', 'cekura.openaiCompatible.baseUrl');
	assert.match(!insecure.ok ? insecure.message : '', /^The setting cekura\.openaiCompatible\.baseUrl must use https:\/\//);
	const withQuery = checkBaseUrl('https://openrouter.ai/api/v1?x=1', 'cekura.openaiCompatible.baseUrl');
	assert.match(!withQuery.ok ? withQuery.message : '', /cekura\.openaiCompatible\.baseUrl must be a plain base URL/);
	assert.deepEqual(checkBaseUrl('http://127.0.0.1:11434/v1/', 'cekura.openaiCompatible.baseUrl'), { ok: true, url: 'http://127.0.0.1:11434/v1' });
	const defaultName = checkBaseUrl('nonsense');
	assert.match(!defaultName.ok ? defaultName.message : '', /cekura\.apiBaseUrl/);
});

test('refuses a base URL with white space or control characters inside, which URL parsing would silently drop', () => {
	for (const url of ['https://api.ceku\tra.ai', 'https://api.cekura.ai/v\n1', 'https://api.cekura.ai/a b', 'https://api.cekura.ai\u0000/']) {
		const check = checkBaseUrl(url);
		assert.equal(check.ok, false, JSON.stringify(url));
		assert.match(!check.ok ? check.message : '', /white space or control characters/);
	}
	for (const url of ['https://api.cekura.ai/?', 'https://api.cekura.ai/#', 'https://api.cekura.ai?', 'https://api.cekura.ai/v1/#top']) {
		const check = checkBaseUrl(url);
		assert.match(!check.ok ? check.message : '', /without credentials, query or fragment/, url);
	}
});
