import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/constants';

// The boundary a `vscodeLm` engine will stand on, in the real VS Code: the test provider (test/fixtures/lm-provider,
// vendors `cekura-test` and `cekura-test-auth`) and a second consumer extension (test/fixtures/lm-consumer) are
// installed next to this extension by the harness. This file's `vscode` module is this extension's API object, so its
// requests carry the id cekura.cekura-prompt-improver, as the engine's will.

/** Appended by the test model when the prompt lacks it (keep in sync with test/fixtures/lm-provider/extension.js). */
const READ_BACK_LINE = 'Before ending the call, read back the booked date and time and wait for the caller to confirm.';
const CONSUMER_ID = 'cekura-test.cekura-test-lm-consumer';
const MAIN = { vendor: 'cekura-test', id: 'cekura-test-model' };
const SMALL = { vendor: 'cekura-test', id: 'cekura-test-small' };
const CONSENT = { vendor: 'cekura-test-auth' };

interface RecordedRequest {
	model: string;
	initiator: string;
	modelOptions: Record<string, unknown>;
	tokens: number;
	messages: { role: string; name?: string; text: string }[];
}

interface ErrorSeen {
	name: string;
	code?: string;
	message: string;
	isLanguageModelError: boolean;
	isCancellation: boolean;
}

interface ConsumerResult {
	model?: { id: string; vendor: string; family: string; maxInputTokens: number };
	parts: string[];
	text: string;
	ms: number;
	failedAt?: 'select' | 'send' | 'stream';
	error?: ErrorSeen;
}

interface Outcome {
	parts: string[];
	failedAt?: 'send' | 'stream';
	error?: ErrorSeen;
}

async function recordedRequests(): Promise<RecordedRequest[]> {
	return (await vscode.commands.executeCommand<RecordedRequest[]>('cekuraTest.lm.requests')) ?? [];
}

function consumerRequest(args: Record<string, unknown>): Thenable<ConsumerResult> {
	return vscode.commands.executeCommand<ConsumerResult>('cekuraTest.consumer.request', args);
}

async function selectOne(selector: vscode.LanguageModelChatSelector): Promise<vscode.LanguageModelChat> {
	const models = await vscode.lm.selectChatModels(selector);
	assert.equal(models.length, 1, `expected one model for ${JSON.stringify(selector)}, got ${models.map((m) => `${m.vendor}/${m.id}`).join(', ')}`);
	return models[0];
}

function seen(err: unknown): ErrorSeen {
	const e = err as { name?: unknown; code?: unknown; message?: unknown };
	return {
		name: String(e.name),
		...(typeof e.code === 'string' ? { code: e.code } : {}),
		message: String(e.message),
		isLanguageModelError: err instanceof vscode.LanguageModelError,
		isCancellation: err instanceof vscode.CancellationError,
	};
}

/** Sends one user message from this extension and reads the whole stream, recording where it failed. */
async function send(selector: vscode.LanguageModelChatSelector, text: string, token?: vscode.CancellationToken, onPart?: (part: string) => void): Promise<Outcome> {
	const model = await selectOne(selector);
	const outcome: Outcome = { parts: [] };
	let response: vscode.LanguageModelChatResponse;
	try {
		response = await model.sendRequest([vscode.LanguageModelChatMessage.User(text)], { justification: 'Cekura integration test' }, token);
	} catch (err) {
		return { ...outcome, failedAt: 'send', error: seen(err) };
	}
	try {
		for await (const part of response.text) {
			outcome.parts.push(part);
			onPart?.(part);
		}
	} catch (err) {
		return { ...outcome, failedAt: 'stream', error: seen(err) };
	}
	return outcome;
}

function promptMessage(prompt: string, marker = ''): string {
	return `${marker}Improve this voice agent prompt.\n<prompt>\n${prompt}\n</prompt>`;
}

suite('Language Model API: the cekura-test provider', () => {
	setup(async () => {
		await vscode.commands.executeCommand('cekuraTest.lm.reset');
	});

	test('the harness keeps chat.disableAIFeatures on, and the LM API still works (see the other tests)', () => {
		assert.equal(vscode.workspace.getConfiguration('chat').get('disableAIFeatures'), true);
		assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} is not loaded`);
	});

	test('selectChatModels finds the test models, from this extension and from another one', async () => {
		const started = Date.now();
		const models = await vscode.lm.selectChatModels({ vendor: 'cekura-test' });
		console.log(`      (first selectChatModels, activating the provider: ${Date.now() - started} ms)`);
		assert.deepEqual(
			models.map((m) => ({ id: m.id, vendor: m.vendor, family: m.family, name: m.name, version: m.version, maxInputTokens: m.maxInputTokens })),
			[
				{ id: 'cekura-test-model', vendor: 'cekura-test', family: 'cekura-test', name: 'Cekura Test Model', version: '1.0.0', maxInputTokens: 8192 },
				{ id: 'cekura-test-small', vendor: 'cekura-test', family: 'cekura-test-small', name: 'Cekura Test Model (small)', version: '1.0.0', maxInputTokens: 256 },
			],
		);
		assert.deepEqual((await vscode.lm.selectChatModels({ family: 'cekura-test' })).map((m) => m.id), ['cekura-test-model']);
		assert.deepEqual(await vscode.lm.selectChatModels({ vendor: 'no-such-vendor' }), []);

		const fromConsumer = await vscode.commands.executeCommand<{ id: string }[]>('cekuraTest.consumer.models', { vendor: 'cekura-test' });
		assert.deepEqual(fromConsumer.map((m) => m.id), ['cekura-test-model', 'cekura-test-small']);
	});

	test('sendRequest from this extension streams the deterministic answer in several parts, without consent', async () => {
		const prompt = 'You are the front desk of a dental clinic.\nBook, move and cancel appointments.';
		const outcome = await send(MAIN, promptMessage(prompt));
		assert.equal(outcome.error, undefined, JSON.stringify(outcome.error));
		assert.ok(outcome.parts.length >= 2, `expected a streamed answer, got ${outcome.parts.length} part(s)`);
		const answer: unknown = JSON.parse(outcome.parts.join(''));
		assert.deepEqual(answer, {
			improved_prompt: `${prompt}\n${READ_BACK_LINE}`,
			summary_of_changes: 'Added a closing step: read back the booked date and time and wait for the caller to confirm.',
		});

		const requests = await recordedRequests();
		assert.equal(requests.length, 1);
		assert.equal(requests[0].model, 'cekura-test-model');
		assert.equal(requests[0].initiator, EXTENSION_ID, 'the provider saw another requester');
		assert.deepEqual(requests[0].messages, [{ role: 'user', text: promptMessage(prompt) }]);
	});

	test('a prompt that already reads back gets no change; every message reaches the provider in order', async () => {
		const model = await selectOne(MAIN);
		const prompt = `Greet the caller.\n${READ_BACK_LINE}`;
		const messages = [
			vscode.LanguageModelChatMessage.User('You rewrite voice agent prompts and answer in JSON.'),
			vscode.LanguageModelChatMessage.Assistant('Understood.'),
			vscode.LanguageModelChatMessage.User(promptMessage(prompt)),
		];
		const response = await model.sendRequest(messages, {});
		let text = '';
		for await (const part of response.text) text += part;
		assert.deepEqual(JSON.parse(text), { improved_prompt: prompt, summary_of_changes: 'No changes: the prompt already asks to read back the booked date and time.' });
		const [request] = await recordedRequests();
		assert.deepEqual(
			request.messages.map((m) => [m.role, m.text]),
			[
				['user', 'You rewrite voice agent prompts and answer in JSON.'],
				['assistant', 'Understood.'],
				['user', promptMessage(prompt)],
			],
		);
	});

	test('another extension (the test consumer) gets the same model and answer, also without consent', async () => {
		const result = await consumerRequest({ selector: MAIN, prompt: promptMessage('Say hello.') });
		assert.equal(result.error, undefined, JSON.stringify(result.error));
		assert.equal(result.model?.id, 'cekura-test-model');
		assert.ok(result.parts.length >= 2);
		assert.deepEqual(JSON.parse(result.text), {
			improved_prompt: `Say hello.\n${READ_BACK_LINE}`,
			summary_of_changes: 'Added a closing step: read back the booked date and time and wait for the caller to confirm.',
		});
		const requests = await recordedRequests();
		assert.deepEqual(requests.map((r) => r.initiator), [CONSUMER_ID]);
	});

	test('countTokens and maxInputTokens come from the provider (characters / 4, rounded up)', async () => {
		const model = await selectOne(MAIN);
		assert.equal(model.maxInputTokens, 8192);
		assert.equal(await model.countTokens('hello world!'), 3);
		assert.equal(await model.countTokens('hello world!!'), 4);
		assert.equal(await model.countTokens(vscode.LanguageModelChatMessage.User('abcdefgh')), 2);
		assert.equal(await vscode.commands.executeCommand('cekuraTest.consumer.countTokens', { selector: MAIN, text: 'x'.repeat(41) }), 11);
	});

	test('a prompt too large for the model: countTokens says so before sending; the provider refuses with a plain Error', async () => {
		const model = await selectOne(SMALL);
		const text = promptMessage('x'.repeat(2000));
		const tokens = await model.countTokens(text);
		assert.ok(tokens > model.maxInputTokens, `${tokens} tokens should exceed ${model.maxInputTokens}`);
		const outcome = await send(SMALL, text);
		assert.equal(outcome.failedAt, 'stream');
		assert.deepEqual(outcome.error, {
			name: 'Error',
			message: `cekura-test: the request has ${tokens} tokens; cekura-test-small accepts at most 256`,
			isLanguageModelError: false,
			isCancellation: false,
		});
	});

	suite('errors the consumer sees', () => {
		for (const code of ['NoPermissions', 'Blocked', 'NotFound']) {
			test(`LanguageModelError.${code}() from the provider: the stream rejects with a LanguageModelError, code "${code}"`, async () => {
				const outcome = await send(MAIN, promptMessage('Say hi.', `#fail:${code} `));
				assert.equal(outcome.failedAt, 'stream', 'sendRequest itself resolved; the error comes while reading');
				assert.deepEqual(outcome.parts, []);
				assert.deepEqual(outcome.error, {
					name: 'LanguageModelError',
					code,
					message: `cekura-test: failure ${code} requested by the prompt`,
					isLanguageModelError: true,
					isCancellation: false,
				});
			});
		}

		test('a plain Error from the provider: the stream rejects with an Error of that message, no code', async () => {
			const outcome = await send(MAIN, promptMessage('Say hi.', '#fail:Error '));
			assert.equal(outcome.failedAt, 'stream');
			assert.deepEqual(outcome.error, { name: 'Error', message: 'cekura-test: failure Error requested by the prompt', isLanguageModelError: false, isCancellation: false });
		});

		test('the same errors through another extension look the same', async () => {
			const result = await consumerRequest({ selector: MAIN, prompt: promptMessage('Say hi.', '#fail:Blocked ') });
			assert.equal(result.failedAt, 'stream');
			assert.deepEqual(result.error, { name: 'LanguageModelError', code: 'Blocked', message: 'cekura-test: failure Blocked requested by the prompt', isLanguageModelError: true, isCancellation: false });
		});

		test('a provider that throws synchronously: sendRequest rejects; a LanguageModelError arrives with its code lost ("")', async () => {
			const lmError = await send(MAIN, promptMessage('Say hi.', '#throw:NoPermissions '));
			assert.equal(lmError.failedAt, 'send');
			assert.deepEqual(lmError.error, {
				name: 'LanguageModelError',
				code: '',
				message: 'cekura-test: synchronous NoPermissions requested by the prompt',
				isLanguageModelError: true,
				isCancellation: false,
			});
			const plain = await send(MAIN, promptMessage('Say hi.', '#throw:Error '));
			assert.equal(plain.failedAt, 'send');
			assert.deepEqual(plain.error, { name: 'Error', message: 'cekura-test: synchronous Error requested by the prompt', isLanguageModelError: false, isCancellation: false });
		});

		test('an error after some parts: the stream rejects with the provider\'s code', async () => {
			const outcome = await send(MAIN, promptMessage('Say hi.', '#failmid:Blocked '));
			assert.equal(outcome.failedAt, 'stream');
			assert.equal(outcome.error?.code, 'Blocked');
			assert.equal(outcome.error?.isLanguageModelError, true);
			// Parts reported just before the error may or may not arrive (VS Code batches them); do not rely on them.
			console.log(`      (parts seen before the mid-stream error: ${JSON.stringify(outcome.parts)})`);
		});

		test('cancelling the token mid-stream: the stream rejects with an Error named "Canceled"', async () => {
			const cts = new vscode.CancellationTokenSource();
			const outcome = await send(MAIN, promptMessage('Say hi.', '#hang '), cts.token, () => cts.cancel());
			cts.dispose();
			assert.deepEqual(outcome.parts, ['{']);
			assert.equal(outcome.failedAt, 'stream');
			assert.deepEqual(outcome.error, { name: 'Canceled', message: 'Canceled', isLanguageModelError: false, isCancellation: false });
		});
	});

	suite('consent (a model that requires authorization)', () => {
		// With the `chatProvider` proposal, a provider may mark a model `requiresAuthorization`. Then another extension's
		// first sendRequest asks the user through a modal dialog (ExtHostLanguageModels._getAuthAccess → getSession with
		// forceNewSession → MainThreadAuthentication.loginPrompt → dialogService.prompt): "The extension '<displayName>'
		// wants to access the language models provided by Cekura Test Models." (the provider extension's displayName),
		// detail "Justification: <options.justification>", [Cancel] [Allow]; the UI flow languageModelConsent clicks Allow
		// and VS Code remembers it. In an extension test
		// run the DialogService refuses every prompt ("DialogService: refused to show dialog in tests"), so the request
		// fails with NoPermissions and nothing reaches the provider. The plain `cekura-test` vendor never asks.
		test('the first request from this extension fails with NoPermissions; the provider never sees it', async () => {
			const model = await selectOne(CONSENT);
			assert.equal(model.id, 'cekura-test-auth-model');
			const outcome = await send(CONSENT, promptMessage('Say hi.'));
			assert.equal(outcome.failedAt, 'send');
			assert.deepEqual(outcome.error, {
				name: 'LanguageModelError',
				code: 'NoPermissions',
				message: `Language model 'cekura-test-auth/cekura-test-auth-model' cannot be used by '${EXTENSION_ID}'.`,
				isLanguageModelError: true,
				isCancellation: false,
			});
			assert.deepEqual(await recordedRequests(), []);
		});

		test('the same for another extension', async () => {
			const result = await consumerRequest({ selector: CONSENT, prompt: promptMessage('Say hi.'), justification: 'to improve a prompt' });
			assert.equal(result.failedAt, 'send');
			assert.equal(result.error?.code, 'NoPermissions');
			assert.equal(result.error?.message, `Language model 'cekura-test-auth/cekura-test-auth-model' cannot be used by '${CONSUMER_ID}'.`);
			assert.deepEqual(await recordedRequests(), []);
		});
	});
});
