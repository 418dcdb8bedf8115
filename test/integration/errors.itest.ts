import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import * as vscode from 'vscode';
import { Commands, Settings } from '../../src/constants';
import type { ServerModes } from '../server/cekuraServer';
import { DEMO_API_KEY } from '../server/cekuraServer';
import { waitFor } from '../support/waitFor';
import { useCekuraSuite } from './cekuraSuite';
import { activeDiffTab, openPromptFile, pressing, readExtensionLog, SAMPLE_PROMPT, setSetting } from './support';

/** Every error of the improve request: a clear message, the actions that help, nothing changed, and a log line. */
suite('Errors from Cekura', () => {
	const { api, server, user } = useCekuraSuite();
	let source: vscode.TextEditor;
	setup(async () => {
		source = await openPromptFile(SAMPLE_PROMPT, { from: 3, to: 6 });
	});

	async function improveExpectingError(modes: Partial<ServerModes>, pattern: RegExp, actions: string[]): Promise<void> {
		server.setModes(modes);
		await vscode.commands.executeCommand(Commands.improvePrompt);
		const errors = user.messages.filter((m) => m.severity === 'error');
		assert.equal(errors.length, 1, `expected one error message, got ${JSON.stringify(user.messages)}`);
		assert.match(errors[0].text, pattern);
		assert.deepEqual(errors[0].actions, actions);
		assert.equal(source.document.getText(), SAMPLE_PROMPT, 'the prompt changed');
		assert.equal(activeDiffTab(), undefined, 'a review opened after an error');
		await waitFor(() => readExtensionLog(api).includes(errors[0].text.replace(/^Cekura: /, '').slice(0, 40)), 'the error in the Cekura log');
	}

	test('400: the server\'s field messages', async () => {
		user.runIds = [999999];
		await improveExpectingError({}, /rejected improve_prompt \(400\): run_ids: Invalid run IDs or runs not found: 999999/, ['Show Log']);
	});

	test('401: the key was rejected, with Set API Key, and a new key retries', async () => {
		user.apiKeyAnswers.push('ck_wrong_key');
		await vscode.commands.executeCommand(Commands.setApiKey);
		user.runIds = [5546];
		await improveExpectingError({}, /rejected the API key \(401\)/, ['Set API Key', 'Show Log']);

		user.messages.length = 0;
		user.apiKeyAnswers.push(DEMO_API_KEY);
		user.answer = pressing('Set API Key');
		await vscode.commands.executeCommand(Commands.improvePrompt);
		assert.ok(activeDiffTab(), 'entering a good key after the 401 did not lead to the review');
		const log = readExtensionLog(api);
		assert.ok(!log.includes('ck_wrong_key') && !log.includes(DEMO_API_KEY), 'a key reached the log');
	});

	test('403: the key may not use improve_prompt, with Set API Key', async () => {
		await improveExpectingError({ improve: 'forbidden' }, /not allowed to use improve_prompt \(403\): You do not have permission/, ['Set API Key', 'Show Log']);
	});

	test('404 with the Cekura engine chosen: this server does not offer improve_prompt, and another engine can be chosen', async () => {
		await setSetting(Settings.improveEngine, 'cekura');
		await improveExpectingError({ improve: 'removed-404' }, /does not offer improve_prompt \(HTTP 404\)/, ['Choose Improvement Engine…', 'Open Settings', 'Show Log']);
	});

	test('405 with the Cekura engine chosen: this server does not offer improve_prompt', async () => {
		await setSetting(Settings.improveEngine, 'cekura');
		await improveExpectingError({ improve: 'removed-405' }, /does not offer improve_prompt \(HTTP 405\)/, ['Choose Improvement Engine…', 'Open Settings', 'Show Log']);
	});

	test('429: retried with Retry-After, then an error saying when to try again', async () => {
		await improveExpectingError({ improve: 'throttled', retryAfterSeconds: 1 }, /limiting requests \(429\).*Try again in 1 s/, ['Retry', 'Show Log']);
		assert.equal(server.improveRequests().length, 4, 'expected the first try and 3 retries');
	});

	test('429 with a Retry-After over 60 s is not waited for', async () => {
		await improveExpectingError({ improve: 'throttled', retryAfterSeconds: 600 }, /Try again in 600 s/, ['Retry', 'Show Log']);
		assert.equal(server.improveRequests().length, 1);
	});

	test('429 once: the retry succeeds without bothering the user', async () => {
		server.setModes({ improve: 'throttled-once', retryAfterSeconds: 1 });
		await vscode.commands.executeCommand(Commands.improvePrompt);
		assert.ok(activeDiffTab(), 'no review after a single 429');
		assert.equal(user.messages.filter((m) => m.severity === 'error').length, 0);
	});

	test('5xx: a server error with Retry, and Retry succeeds once the server recovers', async () => {
		await improveExpectingError({ improve: 'server-error' }, /server failed on improve_prompt \(HTTP 500\)/, ['Retry', 'Show Log']);
		user.messages.length = 0;
		user.answer = (m) => {
			if (!m.actions.includes('Retry')) return undefined;
			server.setModes({ improve: 'ok' });
			return 'Retry';
		};
		server.setModes({ improve: 'server-error' });
		await vscode.commands.executeCommand(Commands.improvePrompt);
		assert.equal(user.messages.filter((m) => m.severity === 'error').length, 1);
		assert.ok(activeDiffTab(), 'Retry did not lead to the review');
	});

	test('timeout: says how long it waited and offers Retry and the setting; a setting under 5 s counts as 5 s', async () => {
		await setSetting(Settings.requestTimeoutSeconds, 1.5);
		await improveExpectingError({ improve: 'slow', delayMs: 8000 }, /did not answer improve_prompt within 5 s\./, ['Retry', 'Open Settings', 'Show Log']);
		await waitFor(() => server.requests.some((r) => r.aborted), 'the server to see the request aborted');
	});

	test('network error: names the host and mentions the proxy settings', async () => {
		const closedPort = await new Promise<number>((resolve) => {
			const probe = net.createServer().listen(0, '127.0.0.1', () => {
				const port = (probe.address() as net.AddressInfo).port;
				probe.close(() => resolve(port));
			});
		});
		await setSetting(Settings.apiBaseUrl, `http://127.0.0.1:${closedPort}`);
		user.runIds = [5546];
		user.focus = 'none';
		await improveExpectingError({}, new RegExp(`Could not reach Cekura at 127\\.0\\.0\\.1:${closedPort}.*ECONNREFUSED.*proxy`), ['Retry', 'Show Log']);
	});

	test('a 200 that is not JSON', async () => {
		await improveExpectingError({ improve: 'not-json' }, /not JSON \(text\/html/, ['Open Settings', 'Show Log']);
	});

	test('a 200 without improved_prompt', async () => {
		await improveExpectingError({ improve: 'missing-improved-prompt' }, /without an improved prompt/, ['Open Settings', 'Show Log']);
	});

	test('a redirect to another origin is not followed with the key', async () => {
		await improveExpectingError({ improve: 'redirect-other-origin' }, /redirected improve_prompt to http:\/\/127\.0\.0\.2:\d+.*not sent there/, ['Open Settings', 'Show Log']);
	});

	test('an http:// base URL on a public host is refused before anything is sent', async () => {
		await setSetting(Settings.apiBaseUrl, 'http://api.cekura.ai');
		await vscode.commands.executeCommand(Commands.improvePrompt);
		const [error] = user.messages.filter((m) => m.severity === 'error');
		assert.ok(error, 'no error shown');
		assert.match(error.text, /must use https:\/\//);
		assert.deepEqual(error.actions, ['Open Settings']);
		assert.equal(server.requests.length, 0);
	});
});
