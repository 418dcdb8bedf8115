import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import { waitForValue } from '../support/waitFor';
import { useCekuraSuite } from './cekuraSuite';
import { activeDiffTab, openPromptFile } from './support';

const LENS_TITLE = 'Improve with Cekura runs';

/** A file of the test workspace (a scratch copy of test/fixtures/workspace). */
function workspaceFile(name: string): string {
	const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
	assert.ok(folder, 'the integration tests need a workspace folder');
	return fs.readFileSync(path.join(folder, name), 'utf8');
}

/** The extension's CodeLenses of `document`, once its provider answered. */
async function cekuraLenses(document: vscode.TextDocument, count: number): Promise<vscode.CodeLens[]> {
	return waitForValue(
		async () => {
			const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
			const ours = lenses.filter((l) => l.command?.title === LENS_TITLE);
			return ours.length === count ? ours : undefined;
		},
		`${count} "${LENS_TITLE}" CodeLenses in ${path.basename(document.uri.fsPath)}`,
	);
}

/** Clicks a CodeLens, as VS Code does: its command with its arguments. */
async function click(lens: vscode.CodeLens): Promise<void> {
	assert.ok(lens.command);
	await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []));
}

/** The 1-based line a CodeLens stands above. */
const lineOf = (lens: vscode.CodeLens): number => lens.range.start.line + 1;

/** The 1-based line of the first line of `text` that matches `pattern`. */
function lineMatching(text: string, pattern: RegExp, from = 1): number {
	const index = text.split('\n').findIndex((line, i) => i + 1 >= from && pattern.test(line));
	assert.ok(index >= 0, `no line matches ${pattern}`);
	return index + 1;
}

interface VapiAssistant {
	name: string;
	model: { messages: { role: string; content: string }[]; tools: unknown[] };
	firstMessage: string;
}

interface RetellAgent {
	agent_name: string;
	retellLlmData: { general_prompt: string; begin_message: string; states: { name: string; state_prompt: string }[] };
}

suite('Prompts where they live: agent exports and prompt files', () => {
	const { api, server, user } = useCekuraSuite();

	/** The right side of the one open review, as the user left it. */
	async function rightSide(): Promise<string> {
		const [review] = api.reviews.openReviews;
		assert.ok(review && activeDiffTab(), 'no review opened');
		return (await vscode.workspace.openTextDocument(review.improvedUri)).getText();
	}

	test('a VAPI assistant export: a CodeLens above the system prompt improves it, and Apply writes a valid JSON string equal to the right side', async () => {
		const file = workspaceFile('vapi-assistant.json');
		const before = JSON.parse(file) as VapiAssistant;
		const editor = await openPromptFile(file, undefined, '.json');
		assert.equal(editor.document.languageId, 'json');
		const [lens] = await cekuraLenses(editor.document, 1);
		assert.equal(lineOf(lens), lineMatching(file, /^\s*"content": /));
		assert.match(lens.command?.tooltip ?? '', /system prompt of this VAPI assistant \(model\.messages\[0\]\.content\)/);

		await click(lens);
		assert.equal(server.improveRequests()[0]?.body.prompt, before.model.messages[0].content, 'the prompt sent is not the decoded system message');
		const right = await rightSide();
		assert.match(right, /Keep calls short, but never end the call[\s\S]*## Rules learned from test runs/);
		assert.ok(right.includes('"Zoë", "Ortega"') && right.includes('C:\\Clinic\\Forms') && right.includes('Monday–Friday'), 'the right side lost quotes, backslashes or unicode');
		// The decoded prompt is text: its review documents are not JSON, so VS Code reports no JSON errors in them.
		const sides = await Promise.all([api.reviews.openReviews[0].originalUri, api.reviews.openReviews[0].improvedUri].map((uri) => vscode.workspace.openTextDocument(uri)));
		assert.deepEqual(sides.map((d) => d.languageId), ['markdown', 'markdown']);
		assert.deepEqual(sides.flatMap((d) => vscode.languages.getDiagnostics(d.uri)), []);

		await vscode.commands.executeCommand(Commands.applyImprovement);
		const after = JSON.parse(editor.document.getText()) as VapiAssistant;
		assert.equal(after.model.messages[0].content, right);
		after.model.messages[0].content = before.model.messages[0].content;
		assert.deepEqual(after, before, 'Apply changed more than the system prompt');
		assert.equal(user.messages.filter((m) => m.severity === 'error').length, 0);
	});

	test('a Retell agent export: one CodeLens per prompt at its line; a state\'s lens improves only that state', async () => {
		const file = workspaceFile('retell-agent.json');
		const before = JSON.parse(file) as RetellAgent;
		const editor = await openPromptFile(file, undefined, '.json');
		const lenses = await cekuraLenses(editor.document, 3);
		const general = lineMatching(file, /"general_prompt": /);
		const firstState = lineMatching(file, /"state_prompt": /);
		assert.deepEqual(lenses.map(lineOf), [general, firstState, lineMatching(file, /"state_prompt": /, firstState + 1)]);
		assert.deepEqual(
			lenses.map((l) => l.command?.tooltip),
			[
				'Improve the prompt of this Retell agent (retellLlmData.general_prompt) from Cekura runs',
				'Improve the prompt of the state "take_order" of this Retell agent (retellLlmData.states[0].state_prompt) from Cekura runs',
				'Improve the prompt of the state "confirm_order" of this Retell agent (retellLlmData.states[1].state_prompt) from Cekura runs',
			],
		);

		await click(lenses[2]);
		assert.equal(server.improveRequests()[0]?.body.prompt, before.retellLlmData.states[1].state_prompt);
		const right = await rightSide();
		await vscode.commands.executeCommand(Commands.applyImprovement);
		const after = JSON.parse(editor.document.getText()) as RetellAgent;
		assert.equal(after.retellLlmData.states[1].state_prompt, right);
		assert.notEqual(right, before.retellLlmData.states[1].state_prompt);
		after.retellLlmData.states[1].state_prompt = before.retellLlmData.states[1].state_prompt;
		assert.deepEqual(after, before, 'Apply changed more than the state\'s prompt');
	});

	test('a CodeLens clicked after the file changed above the prompt still improves that field', async () => {
		const file = workspaceFile('retell-agent.json');
		const editor = await openPromptFile(file, undefined, '.json');
		const [lens] = await cekuraLenses(editor.document, 3);
		// The lens was computed before this edit: its range is stale, the field is found again by its path.
		assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), '  "notes": "moved by a line",\n')));
		await click(lens);
		const expected = (JSON.parse(file) as RetellAgent).retellLlmData.general_prompt;
		assert.equal(server.improveRequests()[0]?.body.prompt, expected);
		const right = await rightSide();
		await vscode.commands.executeCommand(Commands.applyImprovement);
		const after = JSON.parse(editor.document.getText()) as RetellAgent & { notes: string };
		assert.equal(after.retellLlmData.general_prompt, right);
		assert.equal(after.notes, 'moved by a line');
	});

	test('no CodeLens in JSON that is not an agent export', async () => {
		const editor = await openPromptFile('{\n  "model": "gpt-4o",\n  "messages": [{ "role": "system", "content": "A chat request." }]\n}\n', undefined, '.json');
		const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri)) ?? [];
		assert.deepEqual(lenses.filter((l) => l.command?.title === LENS_TITLE), []);
	});

	test('a .prompt.md file improved as a whole document keeps its front matter', async () => {
		const frontMatter = '---\nmode: agent\ndescription: "Front desk of Bright Smile Dental"\ntools: [\'find_slots\']\n---\n\n';
		const prompt = 'You are Maya, the front desk of Bright Smile Dental.\nKeep calls short.\nNever give medical advice.\n';
		const editor = await openPromptFile(frontMatter + prompt, undefined, '.prompt.md');
		console.log(`.prompt.md language: ${editor.document.languageId}`);
		await vscode.commands.executeCommand(Commands.improvePrompt);
		assert.ok(user.messagesMatching(/without its front matter/).length === 1, `asked ${JSON.stringify(user.messages.map((m) => m.text))}`);
		assert.equal(server.improveRequests()[0]?.body.prompt, prompt);
		const right = await rightSide();
		await vscode.commands.executeCommand(Commands.applyImprovement);
		const text = editor.document.getText();
		assert.ok(text.startsWith(frontMatter), `the front matter changed: ${text}`);
		assert.equal(text.slice(frontMatter.length).replace(/\n*$/, ''), right.replace(/\n*$/, ''));
	});

	test('a .prompty file improved as a whole document keeps its front matter', async () => {
		const frontMatter = '---\nname: Front desk\nmodel:\n  api: chat\n  parameters:\n    max_tokens: 400\n---\n';
		const prompt = 'system:\nYou are Maya. Keep calls short.\n\nuser:\n{{question}}\n';
		const editor = await openPromptFile(frontMatter + prompt, undefined, '.prompty');
		console.log(`.prompty language: ${editor.document.languageId}`);
		await vscode.commands.executeCommand(Commands.improvePrompt);
		assert.equal(server.improveRequests()[0]?.body.prompt, prompt);
		await vscode.commands.executeCommand(Commands.applyImprovement);
		assert.ok(editor.document.getText().startsWith(frontMatter));
		assert.match(editor.document.getText(), /## Rules learned from test runs/);
	});

	test('a location given as plain data (as a keybinding\'s args) is improved; one measured in an older version of the file is refused', async () => {
		const editor = await openPromptFile('Intro.\nKeep calls short.\nOutro.\n', undefined, '.txt');
		const uri = editor.document.uri.toString();
		const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 17 } };
		await vscode.commands.executeCommand(Commands.improvePrompt, { uri, range, version: editor.document.version - 1 });
		await user.waitForMessage(/the prompt is no longer where it was in .*\.txt, so nothing was sent/);
		assert.equal(server.improveRequests().length, 0);
		assert.equal(api.reviews.openReviews.length, 0);
		await vscode.commands.executeCommand(Commands.improvePrompt, { uri, range });
		assert.equal(server.improveRequests()[0]?.body.prompt, 'Keep calls short.');
		await vscode.commands.executeCommand(Commands.applyImprovement);
		assert.match(editor.document.getText(), /^Intro\.\nKeep calls short, but never end the call[\s\S]*\nOutro\.\n$/);
	});

	test('a menu\'s resource argument (the title bar passes the file) still means the selection', async () => {
		const editor = await openPromptFile('Intro.\nKeep calls short.\nOutro.\n', { from: 2, to: 2 }, '.txt');
		const selected = editor.document.getText(editor.selection);
		await vscode.commands.executeCommand(Commands.improvePrompt, editor.document.uri);
		assert.equal(server.improveRequests()[0]?.body.prompt, selected);
	});
});
