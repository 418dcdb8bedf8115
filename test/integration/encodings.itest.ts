import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse as parseYaml } from 'yaml';
import { Commands } from '../../src/constants';
import { useCekuraSuite } from './cekuraSuite';
import { editRange } from './edits';
import { improveSelection, openReview } from './improveFlow';
import { activeDiffTab, pressing } from './support';

/** Evaluates `const p = …` in JavaScript, with `name` defined, and returns p. */
function jsValue(file: string): string {
	return new Function('name', `${file.replace(/^(export )?const p/m, 'var p')}; return p;`)('NAME') as string;
}

suite('Prompts inside strings: exact encodings, refusal, last line of defence', () => {
	const { api, server, user } = useCekuraSuite();

	test('a template literal with ${name} and \\n keeps both, byte for byte, outside the improved lines', async () => {
		const file = 'export const p = `You are the front desk of ${name}.\\nKeep calls short.\\nNever give medical advice.`;\n';
		const source = await improveSelection(file, '.ts', 'You are', 'advice.');
		assert.equal(server.improveRequests()[0]?.body.prompt, 'You are the front desk of ${name}.\nKeep calls short.\nNever give medical advice.');
		await vscode.commands.executeCommand(Commands.applyImprovement);
		const text = source.document.getText();
		assert.ok(text.startsWith('export const p = `You are the front desk of ${name}.\\n'), text);
		assert.ok(text.includes('\\nNever give medical advice.'), `an unchanged line was rewritten: ${text}`);
		assert.match(jsValue(text), /^You are the front desk of NAME\.\nKeep calls short, but never end the call[\s\S]*## Rules learned from test runs/);
	});

	test('a single-quoted TypeScript string stays one valid string', async () => {
		const file = "const p = 'You\\'re the front desk.\\nKeep calls short.';\n";
		const source = await improveSelection(file, '.ts', 'You', 'short.');
		assert.equal(server.improveRequests()[0]?.body.prompt, "You're the front desk.\nKeep calls short.");
		await vscode.commands.executeCommand(Commands.applyImprovement);
		const text = source.document.getText();
		assert.equal(text.split('\n').length, 2, `a raw line break landed in the string: ${text}`);
		assert.match(jsValue(text), /^You're the front desk\.\nKeep calls short, but never end the call[\s\S]*## Rules learned from test runs/);
	});

	test('a YAML double-quoted scalar stays valid YAML with the improved value', async () => {
		const file = 'agent: dental\nsystem_prompt: "You are the front desk.\\nKeep calls short."\nvoice: rachel\n';
		const source = await improveSelection(file, '.yaml', 'You are', 'short.');
		assert.equal(server.improveRequests()[0]?.body.prompt, 'You are the front desk.\nKeep calls short.');
		await vscode.commands.executeCommand(Commands.applyImprovement);
		const parsed = parseYaml(source.document.getText()) as Record<string, string>;
		assert.equal(parsed.agent, 'dental');
		assert.equal(parsed.voice, 'rachel');
		assert.match(parsed.system_prompt, /^You are the front desk\.\nKeep calls short, but never end the call[\s\S]*## Rules learned from test runs/);
	});

	test('part of a JSON string is decoded, improved and written back inside the same string', async () => {
		const file = '{\n  "systemPrompt": "Intro line.\\nKeep calls short.\\nNever give medical advice.\\nOutro line."\n}\n';
		const source = await improveSelection(file, '.json', 'Keep calls', 'advice.');
		assert.equal(server.improveRequests()[0]?.body.prompt, 'Keep calls short.\nNever give medical advice.');
		await vscode.commands.executeCommand(Commands.applyImprovement);
		const value = (JSON.parse(source.document.getText()) as { systemPrompt: string }).systemPrompt;
		assert.match(value, /^Intro line\.\nKeep calls short, but never end the call[\s\S]*## Rules learned from test runs[\s\S]*\nOutro line\.$/);
	});

	test('a JSON string with \\r\\n escapes keeps them through the review, on lines left alone and on improved ones', async () => {
		const file = '{\n  "systemPrompt": "You are the front desk.\\r\\nKeep calls short.\\r\\nNever give medical advice."\n}\n';
		const source = await improveSelection(file, '.json', 'You are', 'advice.');
		assert.equal(server.improveRequests()[0]?.body.prompt, 'You are the front desk.\r\nKeep calls short.\r\nNever give medical advice.');
		await vscode.commands.executeCommand(Commands.applyImprovement);
		const value = (JSON.parse(source.document.getText()) as { systemPrompt: string }).systemPrompt;
		assert.match(value, /^You are the front desk\.\r\nKeep calls short, but never end the call[\s\S]*\r\nNever give medical advice\./);
		assert.doesNotMatch(value, /[^\r]\n/, `a line break lost its \\r: ${JSON.stringify(value)}`);
	});

	test('a selection the detector cannot place is refused; the plain-text copy is improved instead, the file untouched', async () => {
		user.answer = pressing('Improve as Plain Text in a Copy');
		const file = '{\n  "timeout": 30, "prompt": "Keep calls short."\n}\n';
		const source = await improveSelection(file, '.json', '"timeout"', 'short."');
		const refusal = await user.waitForMessage(/cannot tell for sure how the selected prompt is written/);
		assert.deepEqual(refusal.actions, ['Improve as Plain Text in a Copy']);
		assert.equal(server.improveRequests()[0]?.body.prompt, '"timeout": 30, "prompt": "Keep calls short."');
		const [review] = api.reviews.openReviews;
		assert.ok(review && activeDiffTab(), 'no review of the copy opened');
		assert.equal(review.sourceUri.scheme, 'untitled');
		await vscode.commands.executeCommand(Commands.applyImprovement);
		assert.equal(source.document.getText(), file, 'the file whose string could not be placed was changed');
		assert.equal(source.document.isDirty, false);
	});

	test('the last line of defence refuses an edit that would change what the file means, and offers Copy', async () => {
		const file = 'p: |\n  You are the front desk.\n  Keep calls short.\nq: 1\n';
		const { source, improved } = await openReview(file, { select: { from: 2, to: 3 }, extension: '.yaml' });
		// A YAML block cannot hold NUL: Apply must refuse rather than write an invalid file.
		await editRange(improved, new vscode.Range(0, 0, 0, 0), 'Say \u0000 never.\n');
		await vscode.commands.executeCommand(Commands.applyImprovement);
		const refusal = await user.waitForMessage(/the improvement was not applied/);
		assert.ok(refusal.actions.includes('Copy Improved Prompt'));
		assert.equal(source.document.getText(), file);
	});
});
