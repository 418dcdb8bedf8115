import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import { useCekuraSuite } from './cekuraSuite';
import { improveSelection } from './improveFlow';
import { activeDiffTab, pressing } from './support';

/** What Python itself reads as PROMPT in `file`. */
function pythonPrompt(file: string): string {
	const run = spawnSync('python3', ['-c', "import sys, json; ns = {}; exec(sys.stdin.read(), ns); print(json.dumps(ns['PROMPT']))"], { input: file, encoding: 'utf8' });
	assert.equal(run.status, 0, `Python cannot read the file: ${run.error?.message ?? run.stderr}\n${file}`);
	return JSON.parse(run.stdout) as string;
}

suite('Prompts in other languages: Python strings, refusal where the extension does not parse', () => {
	const { api, server, user } = useCekuraSuite();

	test('a prompt in a one-line Python string is improved and applied as one valid string equal to the proposal', async () => {
		const file = 'from livekit.agents import Agent\n\nPROMPT = "You are the front desk.\\nKeep calls short."\nagent = Agent(instructions=PROMPT)\n';
		const source = await improveSelection(file, '.py', 'You are', 'short.');
		assert.equal(source.document.languageId, 'python');
		assert.equal(server.improveRequests()[0]?.body.prompt, 'You are the front desk.\nKeep calls short.');
		const [review] = api.reviews.openReviews;
		assert.ok(review, 'no review opened');
		const proposal = (await vscode.workspace.openTextDocument(review.improvedUri)).getText();
		assert.match(proposal, /\n/, 'the proposal should have several lines');
		await vscode.commands.executeCommand(Commands.applyImprovement);
		const text = source.document.getText();
		assert.equal(text.split('\n').length, file.split('\n').length, `a raw line break landed in the string: ${text}`);
		assert.equal(pythonPrompt(text.replace(/^from .*$|^agent = .*$/gm, '')), proposal);
	});

	test('a selection inside a TOML string is refused with Improve as Plain Text in a Copy; the copy is improved, the file untouched', async () => {
		user.answer = pressing('Improve as Plain Text in a Copy');
		const file = '[agent]\nname = "dental"\nprompt = "Keep calls short."\n';
		const source = await improveSelection(file, '.toml', 'Keep', 'short.');
		const refusal = await user.waitForMessage(/cannot tell for sure how the selected prompt is written/);
		assert.match(refusal.text, /shares its line with code or quotes/);
		assert.deepEqual(refusal.actions, ['Improve as Plain Text in a Copy']);
		assert.equal(server.improveRequests()[0]?.body.prompt, 'Keep calls short.');
		const [review] = api.reviews.openReviews;
		assert.ok(review && activeDiffTab(), 'no review of the copy opened');
		assert.equal(review.sourceUri.scheme, 'untitled');
		await vscode.commands.executeCommand(Commands.applyImprovement);
		assert.equal(source.document.getText(), file, 'the TOML file was changed');
		assert.equal(source.document.isDirty, false);
	});
});
