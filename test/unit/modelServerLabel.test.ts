import assert from 'node:assert/strict';
import { test } from 'node:test';
import { modelOnServer } from '../../src/improve/core/engines/modelServerLabel';

test('a model on a server of this machine is named "(local server)", not by its loopback address and port', () => {
	for (const url of ['http://127.0.0.1:11434/v1', 'http://localhost:1234/v1', 'http://[::1]:8080/v1', 'http://127.0.0.2:5000/v1']) {
		assert.equal(modelOnServer('llama3.1', url), 'llama3.1 (local server)', url);
	}
});

test('a model on another server is named with the server\'s host (and port, when it has one)', () => {
	assert.equal(modelOnServer('gpt-4.1', 'https://api.openai.com/v1'), 'gpt-4.1 at api.openai.com');
	assert.equal(modelOnServer('qwen2.5', 'https://gpu-box.internal:8443/v1'), 'qwen2.5 at gpu-box.internal:8443');
	// Only the loopback hosts themselves: a name that merely starts with one is somebody else's server.
	assert.equal(modelOnServer('m', 'https://localhost.example.com/v1'), 'm at localhost.example.com');
});
