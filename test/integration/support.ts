import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands, EXTENSION_ID, Settings } from '../../src/constants';
import type { TestApi } from '../../src/extension';
import { DEMO_API_KEY, startCekuraServer, type CekuraServer } from '../server/cekuraServer';
import { FakeUser } from './fakeUser';

export async function activateExtension(): Promise<TestApi> {
	const extension = vscode.extensions.getExtension<TestApi | undefined>(EXTENSION_ID);
	assert.ok(extension, `${EXTENSION_ID} is not installed in this extension host`);
	const api = await extension.activate();
	assert.ok(api, 'the extension returned no test API: is the extension host in test mode?');
	return api;
}

export async function setSetting(key: string, value: unknown): Promise<void> {
	await vscode.workspace.getConfiguration(Settings.section).update(key, value, vscode.ConfigurationTarget.Global);
}

/** Every setting of the extension back to its default. */
export async function resetSettings(): Promise<void> {
	for (const [name, key] of Object.entries(Settings)) if (name !== 'section') await setSetting(key, undefined);
}

/** Cekura: Set API Key, answered with `key`. */
export async function storeKey(user: FakeUser, key = DEMO_API_KEY): Promise<void> {
	user.apiKeyAnswers.push(key);
	await vscode.commands.executeCommand(Commands.setApiKey);
}

export interface SuiteState {
	api: TestApi;
	server: CekuraServer;
	user: FakeUser;
}

/**
 * The hooks of every suite that runs against the local server: one server per suite, the extension pointed at it,
 * and before each test default settings, a fresh FakeUser and a stored key, handed to `beforeEachTest`.
 */
export function useCekuraSuite(beforeEachTest: (state: SuiteState) => void | Promise<void>): void {
	let api: TestApi;
	let server: CekuraServer;
	let user: FakeUser | undefined;
	suiteSetup(async () => {
		api = await activateExtension();
		server = await startCekuraServer();
	});
	suiteTeardown(async () => {
		await resetSettings();
		await server.close();
	});
	setup(async () => {
		server.reset();
		await resetSettings();
		await api.forgetFallbackEngine();
		await setSetting(Settings.apiBaseUrl, server.url);
		user = new FakeUser(api);
		await storeKey(user);
		await beforeEachTest({ api, server, user });
	});
	teardown(async () => {
		const failures = user?.failures ?? [];
		user?.dispose();
		await closeAllEditors();
		assert.deepEqual(failures.map(String), [], 'a step of the fake user failed');
	});
}

/** A new prompt file in the test workspace, opened in an editor, with `select` (1-based lines, inclusive) selected. */
export async function openPromptFile(content: string, select?: { from: number; to: number }, extension = '.md'): Promise<vscode.TextEditor> {
	const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
	assert.ok(folder, 'the integration tests need a workspace folder');
	// Each suite is its own bundle, so a counter would repeat across suites: the name must be unique on its own.
	const file = path.join(folder, `prompt-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}${extension}`);
	fs.writeFileSync(file, content);
	const document = await vscode.workspace.openTextDocument(file);
	const editor = await vscode.window.showTextDocument(document, { preview: false });
	if (select) {
		const end = select.to >= document.lineCount ? document.lineAt(document.lineCount - 1).range.end : new vscode.Position(select.to, 0);
		editor.selection = new vscode.Selection(new vscode.Position(select.from - 1, 0), end);
	}
	return editor;
}

/** Opens `content` as a file with `extension`, selects from `from` to `to` (strings in the file), and improves it. */
export async function improveSelection(content: string, extension: string, from: string, to: string): Promise<vscode.TextEditor> {
	const source = await openPromptFile(content, undefined, extension);
	const start = content.indexOf(from);
	const end = content.indexOf(to, start) + to.length;
	assert.ok(start >= 0 && end >= to.length, 'the selection markers are not in the file');
	source.selection = new vscode.Selection(source.document.positionAt(start), source.document.positionAt(end));
	await vscode.commands.executeCommand(Commands.improvePrompt);
	return source;
}

export function activeDiffTab(): vscode.Tab | undefined {
	const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
	return tab?.input instanceof vscode.TabInputTextDiff ? tab : undefined;
}


export async function closeAllEditors(): Promise<void> {
	await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The lines of the extension's log written so far (the `Cekura` LogOutputChannel's file). */
export function readExtensionLog(api: TestApi): string {
	const dir = api.logUri.fsPath;
	const files: string[] = [];
	const walk = (d: string): void => {
		if (!fs.existsSync(d)) return;
		for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
			const full = path.join(d, entry.name);
			if (entry.isDirectory()) walk(full);
			else files.push(full);
		}
	};
	walk(dir);
	return files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
}

export const SAMPLE_PROMPT = [
	'# Bright Smiles Dental: front desk',
	'',
	'You are the front-desk assistant for Bright Smiles Dental.',
	'Answer inbound calls and book, move or cancel appointments.',
	'Keep calls short.',
	'Never give medical advice.',
	'',
	'## Practice facts',
	'Open Monday to Friday, 8:00 to 17:00.',
	'',
].join('\n');
