import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunListFilters } from '../../src/core/apiTypes';
import type { TestApi } from '../../src/extension';
import type { Focus } from '../../src/vscode/focusPicker';
import type { Severity } from '../../src/vscode/ui';
import { focusIds, focusOptionsOf } from '../../src/core/focusOptions';
import { DEMO_API_KEY, startCekuraServer, type CekuraServer } from '../server/cekuraServer';

export const EXTENSION_ID = 'cekura.cekura-prompt-improver';

export async function activateExtension(): Promise<TestApi> {
	const extension = vscode.extensions.getExtension<TestApi | undefined>(EXTENSION_ID);
	assert.ok(extension, `${EXTENSION_ID} is not installed in this extension host`);
	const api = await extension.activate();
	assert.ok(api, 'the extension returned no test API: is the extension host in test mode?');
	return api;
}

export interface ShownMessage {
	severity: Severity;
	text: string;
	actions: string[];
}

/**
 * Stands in for the person at the keyboard: answers the extension's questions through the Ui test seam, and
 * records every message it is shown. The run list and focus steps talk to the real server through the real client.
 */
export class FakeUser {
	readonly messages: ShownMessage[] = [];
	runIds: number[] | undefined = [5546];
	lastIdsOffered: readonly number[] | undefined;
	filtersUsed: RunListFilters | undefined;
	apiKeyAnswers: (string | undefined)[] = [];
	apiKeyPrompts = 0;
	confirmWholeDocument = true;
	focus: 'all' | 'none' | 'cancel' = 'all';
	/** Which button to press on a message; undefined closes it. */
	answer: (message: ShownMessage) => string | undefined = () => undefined;
	private readonly restore: (() => void)[] = [];

	constructor(api: TestApi) {
		const ui = api.ui;
		const originals = { message: ui.message, confirm: ui.confirm, inputApiKey: ui.inputApiKey, pickRuns: ui.pickRuns, pickFocus: ui.pickFocus };
		ui.message = async (severity, text, ...actions) => {
			const message = { severity, text, actions };
			this.messages.push(message);
			return this.answer(message);
		};
		ui.confirm = async () => this.confirmWholeDocument;
		ui.inputApiKey = async () => {
			this.apiKeyPrompts++;
			return this.apiKeyAnswers.shift();
		};
		ui.pickRuns = async (_client, filters, lastIds) => {
			this.lastIdsOffered = lastIds;
			this.filtersUsed = filters;
			return this.runIds;
		};
		ui.pickFocus = async (client, runIds): Promise<Focus | undefined> => {
			if (this.focus === 'cancel') return undefined;
			if (this.focus === 'none') return { workflow_metric_ids: [], category_ids: [] };
			// Like the real step: a failed lookup skips the focus instead of failing the flow.
			const runs = await client.bulkRuns(runIds, new AbortController().signal).catch(() => []);
			return focusIds(focusOptionsOf(runs));
		};
		this.restore.push(() => Object.assign(ui, originals));
	}

	messagesMatching(pattern: RegExp): ShownMessage[] {
		return this.messages.filter((m) => pattern.test(m.text));
	}

	async waitForMessage(pattern: RegExp, timeoutMs = 10_000): Promise<ShownMessage> {
		await waitFor(() => this.messagesMatching(pattern).length > 0, `a message matching ${pattern}; got ${JSON.stringify(this.messages.map((m) => m.text))}`, timeoutMs);
		return this.messagesMatching(pattern)[0];
	}

	dispose(): void {
		this.restore.forEach((r) => r());
	}
}

export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

export async function setSetting(key: string, value: unknown): Promise<void> {
	await vscode.workspace.getConfiguration('cekura').update(key, value, vscode.ConfigurationTarget.Global);
}

/** Cekura: Set API Key, answered with `key`. */
export async function storeKey(user: FakeUser, key = DEMO_API_KEY): Promise<void> {
	user.apiKeyAnswers.push(key);
	await vscode.commands.executeCommand('cekura.setApiKey');
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
		await setSetting('apiBaseUrl', undefined);
		await setSetting('requestTimeoutSeconds', undefined);
		await server.close();
	});
	setup(async () => {
		server.reset();
		await setSetting('apiBaseUrl', server.url);
		await setSetting('requestTimeoutSeconds', undefined);
		user = new FakeUser(api);
		await storeKey(user);
		await beforeEachTest({ api, server, user });
	});
	teardown(async () => {
		user?.dispose();
		await closeAllEditors();
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

export function activeDiffTab(): vscode.Tab | undefined {
	const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
	return tab?.input instanceof vscode.TabInputTextDiff ? tab : undefined;
}

export function reviewTabs(): vscode.Tab[] {
	return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.scheme === 'cekura-review');
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
