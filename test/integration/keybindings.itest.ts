import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/constants';
import { waitForValue } from '../support/waitFor';

interface Keybinding {
	key: string;
	mac?: string;
	command: string;
	when?: string;
}

/** VS Code's own default keybindings, as its "Open Default Keyboard Shortcuts (JSON)" shows them. */
async function defaultKeybindings(): Promise<Keybinding[]> {
	await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
	const document = await waitForValue(
		() => vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith('keybindings.json') && d.getText().includes('"command"')),
		'the default keybindings document',
	);
	// The file is JSON with comments: keep the entries' own lines.
	const text = document
		.getText()
		.split('\n')
		.filter((line) => !/^\s*\/\//.test(line))
		.join('\n');
	return JSON.parse(text.replace(/,\s*]/g, ']')) as Keybinding[];
}

suite('Keyboard shortcuts', () => {
	test('Apply and Discard do not take a key VS Code already uses in the editor', async () => {
		const ours = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { keybindings: Keybinding[] } }).contributes.keybindings;
		assert.ok(ours.length >= 2);
		const defaults = await defaultKeybindings();
		assert.ok(defaults.length > 200, `only ${defaults.length} default keybindings read`);
		const inEditor = (when: string | undefined): boolean => !when || /editorTextFocus|editorFocus|textInputFocus|editorHasSelection/.test(when);
		for (const binding of ours) {
			const clashes = defaults.filter((d) => d.key === binding.key && !d.command.startsWith('-') && !d.command.startsWith('cekura.') && inEditor(d.when));
			assert.deepEqual(
				clashes.map((d) => `${d.command} (${d.when ?? 'always'})`),
				[],
				`${binding.key} for ${binding.command} shadows VS Code's own binding`,
			);
		}
		await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
	});
});
