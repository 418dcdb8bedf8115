import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { Commands, Settings } from '../../src/constants';
import { json, startFaultServer } from '../faults/faultServer';
import { useCekuraSuite, useSuiteServer } from './cekuraSuite';
import { improvePromptFile, openReview } from './improveFlow';
import { readExtensionLog, SAMPLE_PROMPT, setSetting, storeKey } from './support';

const CEKURA_KEY = 'ck_live_Echoed/Key+2026';
const MODEL_KEY = 'sk-proj-Echoed/Model+Key';

/** Every form in which a server may echo `key`: as is, upper and lower case, URL-encoded. */
function forms(key: string): string[] {
	return [key, key.toUpperCase(), key.toLowerCase(), encodeURIComponent(key), encodeURIComponent(key).toLowerCase()];
}

function assertNoKey(shown: string[], what: string): void {
	for (const text of shown) {
		for (const form of [...forms(CEKURA_KEY), ...forms(MODEL_KEY)]) {
			assert.ok(!text.includes(form), `${what} shows a key (${form}): ${text}`);
		}
	}
}

/** Servers that echo the keys they are sent, in every place a user could read them. */
suite('A key echoed by a server never reaches the screen', () => {
	const { api, user } = useCekuraSuite();
	const echo = useSuiteServer(startFaultServer, (s) => {
		s.requests.length = 0;
	}, 'the echoing server');

	const shownToUser = (): string[] => [
		...user.messages.map((m) => m.text),
		...user.inputBoxes.flatMap((b) => [b.title, b.prompt, b.value, b.validation ?? '']),
	];

	test('Cekura: the run list error in the manual run-ID box, and the improve error notification', async () => {
		await storeKey(user, CEKURA_KEY);
		await setSetting(Settings.apiBaseUrl, echo.url);
		echo.handle((req, res) => {
			const key = String(req.headers['x-cekura-api-key']);
			if (req.method === 'GET') json(res, 400, { detail: `bad key ${key.toUpperCase()}` });
			else json(res, 401, { detail: `bad key ${encodeURIComponent(key)}` });
		});
		await improvePromptFile();

		const box = user.inputBoxes.find((b) => /Could not list your runs/.test(b.prompt));
		assert.ok(box, `the run-ID box did not give the reason: ${JSON.stringify(user.inputBoxes)}`);
		assert.match(box.prompt, /bad key «redacted»/);
		const error = await user.waitForMessage(/rejected the API key \(401\)/);
		assert.match(error.text, /bad key «redacted»/);
		assertNoKey(shownToUser(), 'the screen');
		assertNoKey([readExtensionLog(api)], 'the log');
	});

	test('a model server: the summary of changes in the review notification', async () => {
		user.onInputBox = (options) => (/Set Model API Key/.test(options.title ?? '') ? MODEL_KEY : undefined);
		await vscode.commands.executeCommand(Commands.setModelApiKey);
		echo.handle((req, res) => {
			const key = String(req.headers.authorization).replace(/^Bearer /, '');
			const content = JSON.stringify({ improved_prompt: `${SAMPLE_PROMPT}\nAlways confirm the date.`, summary_of_changes: `Added a rule (key ${key.toLowerCase()}).` });
			json(res, 200, { choices: [{ message: { content }, finish_reason: 'stop' }] });
		});
		await setSetting(Settings.openaiBaseUrl, `${echo.url}/v1`);
		await setSetting(Settings.openaiModel, 'echo-model');
		await setSetting(Settings.improveEngine, 'openaiCompatible');
		await improvePromptFile();

		assert.ok(echo.requests.some((r) => r.headers.authorization === `Bearer ${MODEL_KEY}`), 'the model key was not sent to the model server');
		const summary = await user.waitForMessage(/Proposal by echo-model \(local server\)/);
		assert.match(summary.text, /Added a rule \(key «redacted»\)/);
		assert.match(summary.text, /^⚠ The proposal held an API key/);
		await vscode.commands.executeCommand(Commands.showReviewSummary);
		assertNoKey(shownToUser(), 'the screen');
		assertNoKey([readExtensionLog(api)], 'the log');
	});

	test('a model server: never sent a key that Cekura\'s run details echo', async () => {
		await storeKey(user, CEKURA_KEY);
		user.onInputBox = (options) => (/Set Model API Key/.test(options.title ?? '') ? MODEL_KEY : undefined);
		await vscode.commands.executeCommand(Commands.setModelApiKey);
		echo.handle((req, res) => {
			const key = String(req.headers['x-cekura-api-key']);
			const url = req.url ?? '';
			if (url.includes('/chat/completions')) {
				const content = JSON.stringify({ improved_prompt: `${SAMPLE_PROMPT}\nAlways confirm the date.`, summary_of_changes: 'Added a rule.' });
				json(res, 200, { choices: [{ message: { content }, finish_reason: 'stop' }] });
			} else if (url.includes('/runs/bulk/')) {
				json(res, 200, [
					{
						id: 5546,
						scenario_name: `Echo ${key}`,
						scenario_instructions: `The caller reads out ${key} and ${MODEL_KEY}.`,
						error_message: `rejected ${encodeURIComponent(key)}`,
						evaluation: { metrics: [{ id: 7, name: 'Booking confirmed', type: 'binary_workflow_adherence', score: 0, explanation: [`The agent said ${key.toUpperCase()}.`] }] },
						transcript_object: [{ role: 'Main Agent', time: '00:01', content: `My key is ${key.toLowerCase()}` }],
					},
				]);
			} else {
				json(res, 200, { count: 0, next: null, previous: null, results: [] });
			}
		});
		await setSetting(Settings.apiBaseUrl, echo.url);
		await setSetting(Settings.openaiBaseUrl, `${echo.url}/v1`);
		await setSetting(Settings.openaiModel, 'echo-model');
		await setSetting(Settings.improveEngine, 'openaiCompatible');
		await improvePromptFile();

		const sent = echo.requests.filter((r) => r.url.includes('/chat/completions')).map((r) => r.body);
		assert.equal(sent.length, 1, `requests: ${echo.requests.map((r) => `${r.method} ${r.url}`).join(', ')}`);
		assert.match(sent[0], /The caller reads out «redacted» and «redacted»\./, 'the run evidence was not sent, or not redacted');
		assertNoKey(sent, 'the request to the model');
		await user.waitForMessage(/^Proposal by echo-model \(local server\)/);
	});

	test('a model server: a key echoed into the improved prompt is not in the review, the history or the source after Apply', async () => {
		user.onInputBox = (options) => (/Set Model API Key/.test(options.title ?? '') ? MODEL_KEY : undefined);
		await vscode.commands.executeCommand(Commands.setModelApiKey);
		echo.handle((req, res) => {
			const key = String(req.headers.authorization).replace(/^Bearer /, '');
			const content = JSON.stringify({ improved_prompt: `Authenticate with ${key}.\nAlways confirm the date.`, summary_of_changes: 'Added a rule.' });
			json(res, 200, { choices: [{ message: { content }, finish_reason: 'stop' }] });
		});
		await setSetting(Settings.openaiBaseUrl, `${echo.url}/v1`);
		await setSetting(Settings.openaiModel, 'echo-model');
		await setSetting(Settings.improveEngine, 'openaiCompatible');
		const { source, improved } = await openReview();

		const summary = await user.waitForMessage(/Proposal by echo-model \(local server\)/);
		assert.match(summary.text, /held an API key .*replaced with «redacted»/);
		const proposed = improved.getText();
		assert.match(proposed, /Authenticate with «redacted»\.\nAlways confirm the date\./);
		await api.history.flushed();
		await vscode.commands.executeCommand(Commands.applyImprovement);
		assert.match(source.document.getText(), /Authenticate with «redacted»\./, 'the proposal was not applied');
		await api.history.flushed();
		assertNoKey([proposed], 'the review');
		assertNoKey([fs.readFileSync(api.history.file.fsPath, 'utf8')], 'the history file');
		assertNoKey([source.document.getText()], 'the source file');
		assertNoKey(shownToUser(), 'the screen');
		assertNoKey([readExtensionLog(api)], 'the log');
	});
});
