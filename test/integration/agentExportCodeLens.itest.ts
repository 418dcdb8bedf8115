import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Settings } from '../../src/constants';
import { waitForValue } from '../support/waitFor';
import { activateExtension, closeAllEditors, openPromptFile, setSetting } from './support';

const LENS_TITLE = 'Improve with Cekura runs';

/** A file of the test workspace (a scratch copy of test/fixtures/workspace). */
function workspaceFile(name: string): string {
	const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
	assert.ok(folder, 'the integration tests need a workspace folder');
	return fs.readFileSync(path.join(folder, name), 'utf8');
}

/** The export as a user keeps it in JSON with Comments: a note above, and one beside a field. */
function withComments(json: string): string {
	return `// Exported from the dashboard; the prompt is tuned with Cekura.\n${json.replace(/^\{\n/, '{\n  /* kept for the record */\n')}`;
}

/** The extension's "Improve with Cekura runs" CodeLenses of `document`, as VS Code asks its providers for them. */
async function lenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
	const all = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
	return all.filter((l) => l.command?.title === LENS_TITLE);
}

/** Waits until `document` shows `count` of the extension's CodeLenses. */
async function lensCount(document: vscode.TextDocument, count: number): Promise<number> {
	return waitForValue(async () => ((await lenses(document)).length === count ? count : undefined), `${count} "${LENS_TITLE}" CodeLenses in ${path.basename(document.uri.fsPath)} (${document.languageId})`);
}

const ENABLED = Settings.codeLensEnabled;

suite('Agent-export CodeLens: JSON and JSON with Comments, cekura.codeLens.enabled', () => {
	const retellPrompts = (text: string): number => text.match(/"(?:general_prompt|state_prompt)"\s*:/g)?.length ?? 0;

	suiteSetup(async () => {
		await activateExtension();
	});

	teardown(async () => {
		await setSetting(ENABLED, undefined);
		await vscode.workspace.getConfiguration(Settings.section, { languageId: 'jsonc' }).update(ENABLED, undefined, vscode.ConfigurationTarget.Global, true);
		await closeAllEditors();
	});

	test('a VAPI and a Retell export show the CodeLens in .json and in .jsonc; none once cekura.codeLens.enabled is false, and again once it is true', async () => {
		const vapi = workspaceFile('vapi-assistant.json');
		const retell = workspaceFile('retell-agent.json');
		assert.ok(retellPrompts(retell) > 1);
		const files = [
			{ document: (await openPromptFile(vapi, undefined, '.json')).document, count: 1 },
			{ document: (await openPromptFile(withComments(vapi), undefined, '.jsonc')).document, count: 1 },
			{ document: (await openPromptFile(retell, undefined, '.json')).document, count: retellPrompts(retell) },
			{ document: (await openPromptFile(withComments(retell), undefined, '.jsonc')).document, count: retellPrompts(retell) },
		];
		assert.deepEqual(files.map((f) => f.document.languageId), ['json', 'jsonc', 'json', 'jsonc']);
		for (const { document, count } of files) await lensCount(document, count);

		await setSetting(ENABLED, false);
		for (const { document } of files) await lensCount(document, 0);

		await setSetting(ENABLED, true);
		for (const { document, count } of files) await lensCount(document, count);
	});

	test('cekura.codeLens.enabled set to false for [jsonc] only: the .json export keeps its CodeLens, the .jsonc one has none', async () => {
		const vapi = workspaceFile('vapi-assistant.json');
		const json = (await openPromptFile(vapi, undefined, '.json')).document;
		const jsonc = (await openPromptFile(withComments(vapi), undefined, '.jsonc')).document;
		await vscode.workspace.getConfiguration(Settings.section, { languageId: 'jsonc' }).update(ENABLED, false, vscode.ConfigurationTarget.Global, true);
		await lensCount(jsonc, 0);
		await lensCount(json, 1);
	});
});
