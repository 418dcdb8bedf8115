import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, Settings } from '../../src/constants';
import { startOpenAiServer, type OpenAiServer, type RecordedOpenAiRequest } from '../server/openAiServer';
import { waitFor } from '../support/waitFor';
import { useCekuraSuite, useSuiteServer } from './cekuraSuite';
import { improvePromptFile, openReview } from './improveFlow';
import { activeDiffTab, readExtensionLog, SAMPLE_PROMPT, setSetting } from './support';

const MODEL = 'local-improver';
const MODEL_KEY = 'sk-local-model-key-1234';

interface LmRequest {
	model: string;
	messages: { role: string; text: string }[];
}

function chatRequests(server: OpenAiServer): RecordedOpenAiRequest[] {
	return server.requests.filter((r) => r.path === '/v1/chat/completions');
}

/** The text the model was sent, all messages joined. */
function sentText(request: RecordedOpenAiRequest | undefined): string {
	const messages = (request?.body as { messages?: { content: string }[] } | undefined)?.messages ?? [];
	return messages.map((m) => m.content).join('\n');
}

suite('Improvement engines: a model rewrites the prompt when Cekura does not', () => {
	const { api, server: cekura, user } = useCekuraSuite();
	const model = useSuiteServer(startOpenAiServer, (s) => s.reset(), 'the model server');

	async function useServer(): Promise<void> {
		await setSetting(Settings.openaiBaseUrl, model.url);
		await setSetting(Settings.openaiModel, MODEL);
	}

	test('openaiCompatible: the model gets the prompt and the runs\' evidence, and the review says who wrote the proposal', async () => {
		await useServer();
		await setSetting(Settings.improveEngine, 'openaiCompatible');
		const { source: editor, selected, tab, improved } = await openReview();

		assert.equal(cekura.improveRequests().length, 0, 'Cekura\'s improve_prompt was called although another engine was chosen');
		const [request] = chatRequests(model);
		assert.ok(request, 'no request reached the model server');
		const body = request.body as { model: string; stream: boolean; messages: { role: string }[] };
		assert.equal(body.model, MODEL);
		assert.equal(body.stream, true);
		assert.deepEqual(body.messages.map((m) => m.role), ['system', 'user']);
		const sent = sentText(request);
		assert.ok(sent.includes(selected), 'the prompt was not sent verbatim');
		assert.match(sent, /## Run 5546/);
		assert.match(sent, /Booking confirmed/, 'the failing metric is missing from the evidence');
		assert.match(sent, /Testing Agent|Main Agent/, 'no transcript excerpt was sent');
		assert.equal(request.authorizationPresent, false, 'a key was sent although none is set');

		assert.ok(tab.label.endsWith(`by ${MODEL} (local server)`), tab.label);
		const summary = await user.waitForMessage(/^Proposal by local-improver \(local server\): /);
		assert.deepEqual(summary.actions, ['Apply', 'Discard', 'Show Evidence', 'Test in Simulated Chats…']);
		assert.match(improved.getText(), /read back the date and time/i);

		await vscode.commands.executeCommand(Commands.applyImprovement);
		assert.match(editor.document.getText(), /read back the date and time/i);
		assert.equal(api.reviews.openReviews.length, 0);
		const log = readExtensionLog(api);
		assert.match(log, /evidence of 1 run\(s\), \d+ transcript turns/);
	});

	test('auto: when Cekura answers 404, it says so once, offers the model, remembers the choice, and asks nothing the next time', async () => {
		await useServer();
		cekura.setModes({ improve: 'removed-404' });
		await improvePromptFile();

		const asked = user.messages.filter((m) => m.modal && /does not offer improve_prompt \(HTTP 404\)/.test(m.text));
		assert.equal(asked.length, 1, `expected one question, got ${JSON.stringify(user.messages)}`);
		assert.deepEqual(asked[0].actions, [`Use ${MODEL} (local server)`, 'Use a Language Model in VS Code…', 'Choose Improvement Engine…']);
		assert.equal(cekura.improveRequests().length, 1);
		assert.equal(chatRequests(model).length, 1);
		assert.match(activeDiffTab()?.label ?? '', /by local-improver \(local server\)$/);
		assert.equal(user.messages.filter((m) => m.severity === 'error').length, 0);

		user.messages.length = 0;
		await vscode.commands.executeCommand(Commands.discardImprovement);
		await improvePromptFile();
		assert.equal(user.messages.filter((m) => m.modal).length, 0, 'asked again after the choice was made');
		assert.equal(chatRequests(model).length, 2);
		assert.match(activeDiffTab()?.label ?? '', /by local-improver \(local server\)$/);
	});

	test('auto: when Cekura answers 404 and no model is set up, it says what to set up, with Choose Improvement Engine…', async () => {
		// The test models are installed in this VS Code: naming one that is not makes the VS Code engine "not set up".
		await setSetting(Settings.vscodeLmModel, 'no-such-model');
		cekura.setModes({ improve: 'removed-404' });
		await improvePromptFile();
		const warning = await user.waitForMessage(/does not offer improve_prompt.*No other engine is set up/);
		assert.deepEqual(warning.actions, ['Choose Improvement Engine…']);
		assert.equal(activeDiffTab(), undefined);
	});

	test('the model API key goes to the model server only, and a 401 offers Set Model API Key, then retries', async () => {
		await useServer();
		await setSetting(Settings.improveEngine, 'openaiCompatible');
		model.setModes({ mode: 'unauthorized' });
		user.onInputBox = (options) => (/Set Model API Key/.test(options.title ?? '') ? MODEL_KEY : undefined);
		user.answer = (m) => {
			if (!m.actions.includes('Set Model API Key')) return undefined;
			model.setModes({ mode: 'stream' });
			return 'Set Model API Key';
		};
		await improvePromptFile();

		const error = user.messages.find((m) => m.severity === 'error');
		assert.ok(error, 'no error for the 401');
		assert.match(error.text, /401/);
		assert.deepEqual(error.actions, ['Set Model API Key', 'Show Log']);
		const requests = chatRequests(model);
		assert.equal(requests.length, 2);
		assert.equal(requests[1].authorizationPresent, true, 'the model key was not sent after it was set');
		assert.ok(activeDiffTab(), 'the retry with the key did not reach the review');
		assert.ok(cekura.requests.every((r) => !JSON.stringify(r).includes(MODEL_KEY)), 'the model key reached Cekura');
		assert.ok(!readExtensionLog(api).includes(MODEL_KEY), 'the model key reached the log');
	});

	test('an answer that is not the JSON object is a clear error, with the raw answer in the log', async () => {
		await useServer();
		await setSetting(Settings.improveEngine, 'openaiCompatible');
		model.setModes({ mode: 'not-json' });
		const editor = await improvePromptFile();
		const error = user.messages.find((m) => m.severity === 'error');
		assert.ok(error, 'no error shown');
		assert.match(error.text, /improved_prompt|JSON/);
		assert.ok(error.actions.includes('Retry'));
		assert.equal(activeDiffTab(), undefined);
		assert.equal(editor.document.getText(), SAMPLE_PROMPT);
		await waitFor(() => /not the expected JSON object/.test(readExtensionLog(api)), 'the raw answer in the log');
	});

	test('an answer cut at the model\'s output limit, also when asked again for edits, is never reviewed', async () => {
		await useServer();
		await setSetting(Settings.improveEngine, 'openaiCompatible');
		model.setModes({ mode: 'length-always' });
		await improvePromptFile();
		const error = user.messages.find((m) => m.severity === 'error');
		assert.ok(error, 'no error shown');
		assert.match(error.text, /cut|limit|length/i);
		assert.equal(activeDiffTab(), undefined);
	});

	test('a placeholder the proposal drops is flagged in the summary', async () => {
		await useServer();
		await setSetting(Settings.improveEngine, 'openaiCompatible');
		model.setModes({ mode: 'drop-placeholder' });
		const prompt = 'You are the front-desk assistant for Bright Smiles Dental.\nGreet {{caller_name}} by name.\nKeep calls short.\n';
		await improvePromptFile(prompt, { select: { from: 1, to: 3 } });
		const summary = await user.waitForMessage(/Proposal by/);
		assert.equal(summary.severity, 'warning');
		assert.match(summary.text, /drops the template placeholder \{\{caller_name\}\}/);
	});

	test('Choose Improvement Engine… sets up an OpenAI-compatible server: base URL, optional key, model from its list', async () => {
		user.pick = (items) => items.find((i) => /Set up an OpenAI-compatible server/.test(i.label)) ?? items.find((i) => i.label === MODEL);
		user.onInputBox = (options) => {
			if (/base URL/.test(options.title ?? '')) return model.url;
			if (/Set Model API Key/.test(options.title ?? '')) return '';
			return undefined;
		};
		await vscode.commands.executeCommand(Commands.chooseEngine);
		const config = vscode.workspace.getConfiguration(Settings.section);
		assert.equal(config.get(Settings.improveEngine), 'openaiCompatible');
		assert.equal(config.get(Settings.openaiBaseUrl), model.url);
		assert.equal(config.get(Settings.openaiModel), MODEL);
		assert.deepEqual(user.picks.at(-1)?.labels, ['local-improver', 'local-improver-mini']);
		assert.ok(model.requests.some((r) => r.path === '/v1/models'), 'the model list was not asked for');
	});

	test('an http:// model server on a public host is refused before anything is sent', async () => {
		await setSetting(Settings.improveEngine, 'openaiCompatible');
		await setSetting(Settings.openaiBaseUrl, 'http://models.example.com/v1');
		await setSetting(Settings.openaiModel, MODEL);
		await improvePromptFile();
		const error = user.messages.find((m) => m.severity === 'error');
		assert.ok(error);
		assert.match(error.text, /cekura\.openaiCompatible\.baseUrl must use https:\/\//);
		assert.equal(model.requests.length, 0);
	});

	test('vscodeLm: a language model in VS Code gets the prompt and the evidence, streams the proposal, and is named in the review', async () => {
		await setSetting(Settings.improveEngine, 'vscodeLm');
		await setSetting(Settings.vscodeLmModel, 'cekura-test-model');
		await vscode.commands.executeCommand('cekuraTest.lm.reset');
		const editor = await improvePromptFile();
		const selected = editor.document.getText(editor.selection);

		const requests = (await vscode.commands.executeCommand('cekuraTest.lm.requests')) as LmRequest[];
		assert.equal(requests.length, 1, 'the test model got no request');
		assert.equal(requests[0].model, 'cekura-test-model');
		const text = requests[0].messages.map((m) => m.text).join('\n');
		assert.ok(text.includes(selected), 'the prompt was not sent verbatim');
		assert.match(text, /## Run 5546/);
		assert.match(text, /Booking confirmed/);
		assert.equal(cekura.improveRequests().length, 0);
		assert.match(activeDiffTab()?.label ?? '', /by Cekura Test Model via VS Code/);
		await user.waitForMessage(/^Proposal by Cekura Test Model via VS Code/);
		await vscode.commands.executeCommand(Commands.applyImprovement);
		assert.match(editor.document.getText(), /read back the booked date and time/);
	});

	test('vscodeLm without a model named: asks once which model, and remembers it', async () => {
		await setSetting(Settings.improveEngine, 'vscodeLm');
		user.pick = (items) => items.find((i) => i.label === 'Cekura Test Model');
		await improvePromptFile();
		const asked = user.picks.find((p) => /Which language model/.test(p.title));
		assert.ok(asked, 'no model question');
		assert.ok(asked.labels.includes('Cekura Test Model'), JSON.stringify(asked.labels));
		assert.equal(vscode.workspace.getConfiguration(Settings.section).get(Settings.vscodeLmModel), 'cekura-test-model');
		assert.match(activeDiffTab()?.label ?? '', /by Cekura Test Model via VS Code/);
	});

	test('vscodeLm: a model the extension may not use (no consent) is a clear error that offers another engine', async () => {
		await setSetting(Settings.improveEngine, 'vscodeLm');
		await setSetting(Settings.vscodeLmModel, 'cekura-test-auth-model');
		await improvePromptFile();
		const error = user.messages.find((m) => m.severity === 'error');
		assert.ok(error, 'no error shown');
		assert.match(error.text, /did not let Cekura Prompt Improver use Cekura Test Model \(consent\)/);
		assert.deepEqual(error.actions, ['Choose Improvement Engine…', 'Show Log']);
		assert.equal(activeDiffTab(), undefined);
	});

	test('vscodeLm: a blocked request (quota or policy) is named as such, with Retry', async () => {
		await setSetting(Settings.improveEngine, 'vscodeLm');
		await setSetting(Settings.vscodeLmModel, 'cekura-test-model');
		await improvePromptFile('You are the front-desk assistant.\nKeep calls short. #fail:Blocked\n', { select: { from: 1, to: 2 } });
		const error = user.messages.find((m) => m.severity === 'error');
		assert.ok(error, 'no error shown');
		assert.match(error.text, /quota is used up or a policy blocks it/);
		assert.deepEqual(error.actions, ['Retry', 'Choose Improvement Engine…', 'Show Log']);
	});

	test('vscodeLm: a prompt too large for the model is refused before anything is sent, counted with the model\'s own counter', async () => {
		await setSetting(Settings.improveEngine, 'vscodeLm');
		await setSetting(Settings.vscodeLmModel, 'cekura-test-small');
		await vscode.commands.executeCommand('cekuraTest.lm.reset');
		await improvePromptFile();
		const error = user.messages.find((m) => m.severity === 'error');
		assert.ok(error, 'no error shown');
		assert.match(error.text, /256/);
		const requests = (await vscode.commands.executeCommand('cekuraTest.lm.requests')) as LmRequest[];
		assert.equal(requests.length, 0, 'a request was sent for a prompt that does not fit');
	});

	test('vscodeLm naming a model VS Code does not offer: a clear error that offers another engine, nothing sent', async () => {
		await setSetting(Settings.improveEngine, 'vscodeLm');
		await setSetting(Settings.vscodeLmModel, 'no-such-model');
		await improvePromptFile();
		const error = user.messages.find((m) => m.severity === 'error');
		assert.ok(error, 'no error shown');
		assert.match(error.text, /"no-such-model" \(cekura\.vscodeLm\.model\) is not available in VS Code\. VS Code offers: .*cekura-test-model/);
		assert.deepEqual(error.actions, ['Choose Improvement Engine…', 'Show Log']);
		assert.equal(activeDiffTab(), undefined);
	});
});
