import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, ContextKeys, EXTENSION_ID } from '../../src/constants';
import { evaluateWhen } from '../support/whenClause';
import { waitForValue } from '../support/waitFor';
import { useCekuraSuite } from './cekuraSuite';
import { openReview } from './improveFlow';
import { openPromptFile } from './support';

/** The when clause of the ✨ entry of the installed extension's editor title bar. */
function titleBarClause(): string {
	const packageJson = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { menus: Record<string, { command: string; when?: string }[]> } } | undefined;
	const when = packageJson?.contributes.menus['editor/title'].find((e) => e.command === Commands.improvePrompt)?.when;
	assert.ok(when, 'no editor/title entry for Improve Prompt from Runs…');
	return when;
}

suite('The ✨ title-bar button: prompt files and files improved before', () => {
	const { api } = useCekuraSuite();

	test('a plain Markdown file is in cekura.improvedFiles once a proposal for it is made, and stays after Discard; the title bar\'s when clause then shows the button on it, not on another Markdown file', async () => {
		const notes = (await openPromptFile('# Notes\n\nNothing to improve here.\n', undefined, '.md')).document.uri.toString();
		const { source } = await openReview();
		const improved = source.document.uri.toString();
		await waitForValue(() => (api.improvedFiles().includes(improved) ? true : undefined), `${improved} among the files improved before`);
		await vscode.commands.executeCommand(Commands.discardImprovement);
		const files = await waitForValue(async () => ((await api.history.all()).some((e) => e.source.uri === improved && e.outcome === 'discarded') ? api.improvedFiles() : undefined), 'the proposal recorded as discarded');
		assert.ok(files.includes(improved));
		assert.ok(!files.includes(notes));

		const clause = titleBarClause();
		const editorOf = (uri: string): Record<string, unknown> => ({ resource: uri, resourceScheme: 'file', resourceFilename: uri.slice(uri.lastIndexOf('/') + 1), resourceLangId: 'markdown', isInDiffEditor: false, [ContextKeys.improvedFiles]: files, 'config.cekura.editorTitleButton': vscode.workspace.getConfiguration('cekura').get('editorTitleButton') });
		assert.equal(evaluateWhen(clause, editorOf(improved)), true, `no button on the file improved before: ${clause} in ${JSON.stringify(editorOf(improved))}`);
		assert.equal(evaluateWhen(clause, editorOf(notes)), false, 'a button on a plain Markdown file');
	});
});
