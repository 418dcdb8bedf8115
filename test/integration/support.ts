import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands, EXTENSION_ID, Settings } from '../../src/constants';
import type { TestApi } from '../../src/extension';
import { DEMO_API_KEY } from '../server/cekuraServer';
import type { FakeUser, ShownMessage } from './fakeUser';

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

/** An answer for `user.answer`: presses `action` on the message that offers it, and closes every other message. */
export function pressing(action: string): (message: ShownMessage) => string | undefined {
	return (m) => (m.actions.includes(action) ? action : undefined);
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
