import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import type { CekuraServer } from '../server/cekuraServer';
import { DEMO_API_KEY } from '../server/cekuraServer';
import { activeDiffTab, closeAllEditors, FakeUser, openPromptFile, readExtensionLog, reviewTabs, SAMPLE_PROMPT, waitFor, useCekuraSuite } from './support';

type ImproveBody = { prompt: string; run_ids: number[]; workflow_metric_ids?: number[]; category_ids?: number[] };

function improveRequests(server: CekuraServer): { body: ImproveBody; apiKeyValid: boolean }[] {
	return server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/improve_prompt/')).map((r) => ({ body: r.body as ImproveBody, apiKeyValid: r.apiKeyValid }));
}

suite('Improve Prompt from Runs… (against the local Cekura server)', () => {
	let api: TestApi;
	let server: CekuraServer;
	let user: FakeUser;

	useCekuraSuite(async (state) => {
		({ api, server, user } = state);
	});

	test('sends the selection with the chosen runs and their failures, and opens a review diff', async () => {
		const editor = await openPromptFile(SAMPLE_PROMPT, { from: 3, to: 6 });
		const selected = editor.document.getText(editor.selection);
		user.runIds = [5546];
		await vscode.commands.executeCommand('cekura.improvePrompt');

		const [request] = improveRequests(server);
		assert.ok(request, 'no improve_prompt request reached the server');
		assert.equal(request.apiKeyValid, true);
		assert.equal(request.body.prompt, selected);
		assert.deepEqual(request.body.run_ids, [5546]);
		assert.ok(request.body.workflow_metric_ids?.includes(7), `workflow_metric_ids ${JSON.stringify(request.body.workflow_metric_ids)} lacks the failed "Booking confirmed" metric`);
		assert.ok(request.body.category_ids?.includes(311), `category_ids ${JSON.stringify(request.body.category_ids)} lacks category 311`);

		const tab = activeDiffTab();
		assert.ok(tab, 'no diff editor is active');
		assert.match(tab.label, /Original ↔ Improved \(runs 5546\)/);
		const input = tab.input as vscode.TabInputTextDiff;
		const original = await vscode.workspace.openTextDocument(input.original);
		const improved = await vscode.workspace.openTextDocument(input.modified);
		assert.equal(original.getText(), selected);
		assert.notEqual(improved.getText(), selected);
		assert.match(improved.getText(), /read back the date and time/i);
		assert.equal(editor.document.getText(), SAMPLE_PROMPT, 'the source changed before Apply');

		const summary = await user.waitForMessage(/\+\d+ −\d+ lines/);
		assert.deepEqual(summary.actions, ['Apply', 'Discard']);
		assert.equal(api.reviews.openReviews.length, 1);
	});

	test('no request goes out for an empty selection, and a whitespace-only prompt is refused', async () => {
		await openPromptFile('   \n\n  \n', { from: 1, to: 3 });
		await vscode.commands.executeCommand('cekura.improvePrompt');
		await user.waitForMessage(/selected prompt is empty/);
		assert.equal(improveRequests(server).length, 0);
	});

	test('without a selection it asks before using the whole document', async () => {
		await openPromptFile(SAMPLE_PROMPT);
		user.confirmWholeDocument = false;
		await vscode.commands.executeCommand('cekura.improvePrompt');
		assert.equal(improveRequests(server).length, 0, 'declining the whole document still sent a request');

		user.confirmWholeDocument = true;
		await vscode.commands.executeCommand('cekura.improvePrompt');
		assert.equal(improveRequests(server)[0]?.body.prompt, SAMPLE_PROMPT);
	});

	test('remembers the run IDs used last in this workspace', async () => {
		await openPromptFile(SAMPLE_PROMPT, { from: 3, to: 6 });
		user.runIds = [5546, 5545];
		user.focus = 'none';
		await vscode.commands.executeCommand('cekura.improvePrompt');
		assert.equal(improveRequests(server)[0]?.body.workflow_metric_ids, undefined, 'an empty focus must send no workflow_metric_ids');
		await closeAllEditors();
		await openPromptFile(SAMPLE_PROMPT, { from: 3, to: 6 });
		await vscode.commands.executeCommand('cekura.improvePrompt');
		assert.deepEqual(user.lastIdsOffered, [5546, 5545]);
	});

	test('the run list is filtered by cekura.runs.agentId and cekura.runs.projectId', async () => {
		await vscode.workspace.getConfiguration('cekura').update('runs.agentId', 42, vscode.ConfigurationTarget.Global);
		await vscode.workspace.getConfiguration('cekura').update('runs.projectId', 742, vscode.ConfigurationTarget.Global);
		try {
			await openPromptFile(SAMPLE_PROMPT, { from: 3, to: 6 });
			await vscode.commands.executeCommand('cekura.improvePrompt');
			assert.deepEqual(user.filtersUsed, { agentId: 42, projectId: 742 });
		} finally {
			await vscode.workspace.getConfiguration('cekura').update('runs.agentId', undefined, vscode.ConfigurationTarget.Global);
			await vscode.workspace.getConfiguration('cekura').update('runs.projectId', undefined, vscode.ConfigurationTarget.Global);
		}
	});

	test('says so instead of opening an empty diff when Cekura proposes no change', async () => {
		server.setModes({ improve: 'unchanged' });
		await openPromptFile(SAMPLE_PROMPT, { from: 3, to: 6 });
		await vscode.commands.executeCommand('cekura.improvePrompt');
		await user.waitForMessage(/proposes no changes/);
		assert.equal(reviewTabs().length, 0);
		assert.equal(api.reviews.openReviews.length, 0);
	});

	test('asks for the API key when none is stored, then continues', async () => {
		await vscode.commands.executeCommand('cekura.clearApiKey');
		await user.waitForMessage(/API key removed/);
		await openPromptFile(SAMPLE_PROMPT, { from: 3, to: 6 });
		user.apiKeyAnswers.push(undefined);
		const promptsBefore = user.apiKeyPrompts;
		await vscode.commands.executeCommand('cekura.improvePrompt');
		assert.equal(user.apiKeyPrompts, promptsBefore + 1);
		assert.equal(improveRequests(server).length, 0, 'cancelling the key prompt must stop the flow');

		user.apiKeyAnswers.push(DEMO_API_KEY);
		await vscode.commands.executeCommand('cekura.improvePrompt');
		assert.equal(improveRequests(server).length, 1);
		assert.equal(improveRequests(server)[0].apiKeyValid, true);
		assert.ok(activeDiffTab(), 'the flow did not continue to the review after the key was entered');
	});

	test('the API key never reaches the log', async () => {
		server.setModes({ improve: 'server-error' });
		await openPromptFile(SAMPLE_PROMPT, { from: 3, to: 6 });
		await vscode.commands.executeCommand('cekura.improvePrompt');
		await waitFor(() => /server failed/.test(readExtensionLog(api)), 'the error in the log file');
		const log = readExtensionLog(api);
		assert.ok(!log.includes(DEMO_API_KEY), 'the API key was written to the log');
		assert.match(log, /improve_prompt/);
	});
});
