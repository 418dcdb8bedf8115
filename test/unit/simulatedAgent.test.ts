import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startOpenAiServer, type OpenAiServer } from '../server/openAiServer';

/** The local OpenAI-compatible server playing the agent of a simulated chat (test/server/simulatedAgent.ts). */

const ROOT = path.join(__dirname, '..', '..', '..');
const PROMPT = '# Front desk\n\nYou are Riley.\n- Keep calls short.\n1. Ask for the date of birth.\n';
const RECITED = 'Front desk You are Riley. Keep calls short. Ask for the date of birth.';

let server: OpenAiServer;
before(async () => {
	server = await startOpenAiServer();
});
after(() => server.close());

async function complete(messages: Array<{ role: string; content: string }>, stream = false): Promise<{ status: number; content: string; json: unknown }> {
	const response = await fetch(`${server.url}/chat/completions`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ model: 'local-improver', messages, stream }),
	});
	const text = await response.text();
	if (!stream || response.status !== 200) {
		const json = JSON.parse(text) as { choices?: Array<{ message: { content: string } }> };
		return { status: response.status, content: json.choices?.[0].message.content ?? '', json };
	}
	let content = '';
	for (const line of text.split('\n')) {
		if (!line.startsWith('data: {')) continue;
		const chunk = JSON.parse(line.slice(6)) as { choices: Array<{ delta: { content?: string } }> };
		content += chunk.choices[0]?.delta.content ?? '';
	}
	return { status: response.status, content, json: undefined };
}

describe('the local model server as the agent of a simulated chat', () => {
	it('states the instructions of its system prompt first, markdown markers stripped, streamed or not', async () => {
		const opening = [{ role: 'system', content: PROMPT }, { role: 'user', content: 'Hi, I need to move my cleaning.' }];
		assert.equal((await complete(opening)).content, RECITED);
		assert.equal((await complete(opening, true)).content, RECITED);
		assert.equal((await complete([{ role: 'system', content: PROMPT }])).content, RECITED, 'when the agent speaks first');
	});

	it('answers later turns with the caller’s last line', async () => {
		const later = [
			{ role: 'system', content: PROMPT },
			{ role: 'user', content: 'Hi, I need to move my cleaning.' },
			{ role: 'assistant', content: RECITED },
			{ role: 'user', content: 'Jane Smith, March second, 1991.' },
		];
		assert.equal((await complete(later, true)).content, 'Understood: "Jane Smith, March second, 1991.".');
	});

	it('fails with HTTP 500 and an OpenAI-style error when the system prompt says #agent-fail', async () => {
		const failed = await complete([{ role: 'system', content: `${PROMPT}#agent-fail` }, { role: 'user', content: 'Hello?' }], true);
		assert.equal(failed.status, 500);
		assert.match((failed.json as { error: { message: string; type: string } }).error.message, /#agent-fail/);
		assert.equal((failed.json as { error: { type: string } }).error.type, 'server_error');
	});
});

/** The test-only VS Code language model provider, loaded in plain Node with a stub of the few `vscode` names it uses. */
function loadLmProvider(): { respond(messages: Array<{ role: 1 | 2; text: string }>): Promise<string> } {
	class TextPart {
		constructor(readonly value: string) {}
	}
	const providers: Array<{ provideLanguageModelChatResponse: (...args: unknown[]) => Promise<void> }> = [];
	const stub = {
		LanguageModelTextPart: TextPart,
		LanguageModelError: {},
		CancellationError: Error,
		lm: { registerLanguageModelChatProvider: (_vendor: string, provider: (typeof providers)[number]) => (providers.push(provider), { dispose() {} }) },
		commands: { registerCommand: () => ({ dispose() {} }) },
	};
	const requireHere = createRequire(__filename);
	const Module = requireHere('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
	const load = Module._load;
	Module._load = (request: string, ...rest: unknown[]) => (request === 'vscode' ? stub : load(request, ...rest));
	try {
		const file = requireHere.resolve(path.join(ROOT, 'test', 'fixtures', 'lm-provider', 'extension.js'));
		delete requireHere.cache[file];
		(requireHere(file) as { activate(context: { subscriptions: unknown[] }): void }).activate({ subscriptions: [] });
	} finally {
		Module._load = load;
	}
	return {
		async respond(messages) {
			const parts: string[] = [];
			const model = { id: 'cekura-test-model', maxInputTokens: 8192 };
			const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };
			const content = messages.map((m) => ({ role: m.role, content: [new TextPart(m.text)] }));
			await providers[0].provideLanguageModelChatResponse(model, content, {}, { report: (p: TextPart) => parts.push(p.value) }, token);
			return parts.join('');
		},
	};
}

describe('the test language model provider as the agent of a simulated chat', () => {
	const provider = loadLmProvider();

	it('answers as the OpenAI-compatible server does, the system prompt in the first user message', async () => {
		assert.equal(await provider.respond([{ role: 1, text: PROMPT }, { role: 1, text: 'Hi, I need to move my cleaning.' }]), RECITED);
		assert.equal(await provider.respond([{ role: 1, text: PROMPT }]), RECITED, 'when the agent speaks first');
		const later = await provider.respond([{ role: 1, text: PROMPT }, { role: 1, text: 'Hi.' }, { role: 2, text: RECITED }, { role: 1, text: 'Jane Smith.' }]);
		assert.equal(later, 'Understood: "Jane Smith.".');
	});

	it('fails the request when the system prompt says #agent-fail', async () => {
		await assert.rejects(provider.respond([{ role: 1, text: `${PROMPT}#agent-fail` }, { role: 1, text: 'Hello?' }]), /#agent-fail/);
	});
});
