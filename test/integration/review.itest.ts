import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import { reviewTabs } from '../../src/vscode/review/reviewTabs';
import { waitFor } from '../support/waitFor';
import { useCekuraSuite } from './cekuraSuite';
import { editRange, editText } from './edits';
import { improvePromptFile, improveSelection, openReview } from './improveFlow';
import { activeDiffTab, openPromptFile, pressing, SAMPLE_PROMPT } from './support';

suite('Reviewing, applying and discarding an improved prompt', () => {
	const { api, server, user } = useCekuraSuite();

	test('Apply writes the right side, with the user\'s tweaks, in place of the selection as one undo step', async () => {
		const { source, improved, selected } = await openReview();
		await editText(improved, 'Keep calls short', 'Keep every call brief');
		const expectedPrompt = improved.getText();

		await vscode.commands.executeCommand(Commands.applyImprovement);

		const text = source.document.getText();
		assert.ok(text.startsWith('# Bright Smiles Dental: front desk\n\n'), 'text before the selection changed');
		assert.ok(text.includes('Keep every call brief'), 'the user\'s tweak on the right side was not applied');
		assert.ok(!text.includes(selected), 'the original selection is still there');
		assert.ok(text.endsWith('## Practice facts\nOpen Monday to Friday, 8:00 to 17:00.\n'), 'text after the selection changed');
		assert.equal(text, SAMPLE_PROMPT.replace(selected, expectedPrompt));
		assert.equal(source.document.isDirty, true, 'Apply must not save the file for the user');
		assert.equal(reviewTabs().length, 0, 'the review diff is still open');
		assert.equal(api.reviews.openReviews.length, 0);

		await vscode.window.showTextDocument(source.document);
		await vscode.commands.executeCommand('undo');
		assert.equal(source.document.getText(), SAMPLE_PROMPT, 'one Undo did not restore the original');
	});

	test('Discard closes the review and changes nothing', async () => {
		const { source } = await openReview();
		await vscode.commands.executeCommand(Commands.discardImprovement);
		assert.equal(source.document.getText(), SAMPLE_PROMPT);
		assert.equal(source.document.isDirty, false);
		assert.equal(reviewTabs().length, 0);
		assert.equal(api.reviews.openReviews.length, 0);
	});

	test('the Apply button of the summary notification applies', async () => {
		user.answer = pressing('Apply');
		const { source, selected } = await openReview();
		await waitFor(() => !source.document.getText().includes(selected) && reviewTabs().length === 0, 'the notification\'s Apply to change the file and close the review');
		assert.equal(api.reviews.openReviews.length, 0);
	});

	test('re-anchors when the prompt moved because of edits above it', async () => {
		const { source, improved } = await openReview();
		await editRange(source.document, new vscode.Range(0, 0, 0, 0), '<!-- reviewed by the team -->\n\n');
		const expected = improved.getText();
		await vscode.commands.executeCommand(Commands.applyImprovement);
		const text = source.document.getText();
		assert.ok(text.startsWith('<!-- reviewed by the team -->\n\n# Bright Smiles Dental: front desk\n\n'));
		assert.ok(text.includes(expected), 'the improved prompt was not applied at the moved place');
		assert.ok(text.endsWith('## Practice facts\nOpen Monday to Friday, 8:00 to 17:00.\n'));
	});

	test('edits made while Cekura works are respected: above the prompt it moves, inside it Apply refuses', async () => {
		server.setModes({ improve: 'slow', delayMs: 1500 });
		const source = await openPromptFile(SAMPLE_PROMPT, { from: 3, to: 6 });
		const running = vscode.commands.executeCommand(Commands.improvePrompt);
		await waitFor(() => server.improveRequests().length > 0, 'the improve request');
		await editRange(source.document, new vscode.Range(0, 0, 0, 0), 'Intro line\n');
		await running;
		await vscode.commands.executeCommand(Commands.applyImprovement);
		assert.ok(source.document.getText().startsWith('Intro line\n# Bright Smiles Dental: front desk\n\n'));
		assert.match(source.document.getText(), /read back the date and time/i);

		server.reset();
		server.setModes({ improve: 'slow', delayMs: 1500 });
		const second = await openPromptFile(SAMPLE_PROMPT, { from: 3, to: 6 });
		const again = vscode.commands.executeCommand(Commands.improvePrompt);
		await waitFor(() => server.improveRequests().length > 0, 'the improve request');
		await editRange(second.document, new vscode.Range(4, 0, 4, 4), 'Make');
		const edited = second.document.getText();
		await again;
		await vscode.commands.executeCommand(Commands.applyImprovement);
		await user.waitForMessage(/was edited after it was sent to Cekura/);
		assert.equal(second.document.getText(), edited);
	});

	test('refuses to apply over text the user changed meanwhile, keeps the edit and offers to copy', async () => {
		user.answer = pressing('Copy Improved Prompt');
		const { source, improved } = await openReview();
		await editRange(source.document, new vscode.Range(4, 0, 4, 17), 'Keep calls VERY short.');
		const edited = source.document.getText();
		await vscode.commands.executeCommand(Commands.applyImprovement);
		const refusal = await user.waitForMessage(/was edited after it was sent to Cekura/);
		assert.equal(refusal.severity, 'warning');
		assert.equal(source.document.getText(), edited, 'the user\'s edit was overwritten');
		assert.equal(api.reviews.openReviews.length, 1, 'the review should stay open after a refusal');
		await waitFor(async () => (await vscode.env.clipboard.readText()) === improved.getText(), 'the improved prompt on the clipboard');
	});

	test('an edit made while Apply prepares a large change is respected: above the prompt it moves, inside it Apply refuses', async () => {
		const { source, improved, selected } = await openReview();
		const expectedPrompt = improved.getText();
		// The edit lands between Apply's steps, after the prompt was located: the place found then is stale.
		let pause = api.duringApply(() => editRange(source.document, new vscode.Range(0, 0, 0, 0), 'Intro line\n'));
		try {
			await vscode.commands.executeCommand(Commands.applyImprovement);
		} finally {
			pause.dispose();
		}
		assert.equal(source.document.getText(), 'Intro line\n' + SAMPLE_PROMPT.replace(selected, expectedPrompt), 'Apply wrote at the place the prompt had before the edit');

		const second = await openReview();
		const inside = second.source.document.getText().indexOf(second.selected);
		const at = second.source.document.positionAt(inside);
		let edited = '';
		pause = api.duringApply(async () => {
			await editRange(second.source.document, new vscode.Range(at, at.translate(0, 4)), 'Make');
			edited = second.source.document.getText();
		});
		try {
			await vscode.commands.executeCommand(Commands.applyImprovement);
		} finally {
			pause.dispose();
		}
		await user.waitForMessage(/was edited after it was sent to Cekura/);
		assert.equal(second.source.document.getText(), edited, 'Apply wrote over the edit made meanwhile');
	});

	test('keeps the document\'s CRLF line endings', async () => {
		const { source } = await openReview(SAMPLE_PROMPT, { eol: vscode.EndOfLine.CRLF });
		await vscode.commands.executeCommand(Commands.applyImprovement);
		const text = source.document.getText();
		assert.equal(source.document.eol, vscode.EndOfLine.CRLF);
		assert.ok(!/[^\r]\n/.test(text), 'a bare LF line ending was written into a CRLF document');
		assert.match(text, /read back the date and time/i);
	});

	test('several reviews stay open at once, each applying to its own source', async () => {
		const first = await openReview();
		const second = await openReview(SAMPLE_PROMPT.replace('Bright Smiles Dental', 'Harbor Dental'));
		assert.equal(api.reviews.openReviews.length, 2);
		assert.equal(reviewTabs().length, 2);

		// The second review's tab is active: Apply acts on it only.
		await vscode.commands.executeCommand(Commands.applyImprovement);
		assert.notEqual(second.source.document.getText(), SAMPLE_PROMPT.replace('Bright Smiles Dental', 'Harbor Dental'));
		assert.equal(first.source.document.getText(), SAMPLE_PROMPT, 'applying the second review changed the first file');
		assert.equal(api.reviews.openReviews.length, 1);

		await vscode.commands.executeCommand(Commands.applyImprovement, api.reviews.openReviews[0].improvedUri);
		assert.ok(first.source.document.getText().includes(first.improved.getText()));
		assert.equal(api.reviews.openReviews.length, 0);
	});

	test('closing the review tab discards it', async () => {
		const { source } = await openReview();
		const tab = reviewTabs()[0];
		await vscode.window.tabGroups.close(tab);
		await waitFor(() => api.reviews.openReviews.length === 0, 'the review to be forgotten');
		assert.equal(source.document.getText(), SAMPLE_PROMPT);
	});

	test('a review moved to another editor group, or split into two, stays open; closing its last tab discards it', async () => {
		const { source } = await openReview();
		const review = api.reviews.openReviews[0];
		await vscode.commands.executeCommand('workbench.action.moveEditorToRightGroup');
		await waitFor(() => reviewTabs().length === 1 && reviewTabs()[0].group.viewColumn === vscode.ViewColumn.Two, 'the review moved to the right group');
		await vscode.commands.executeCommand('workbench.action.splitEditorLeft');
		await waitFor(() => reviewTabs().length === 2, 'the review shown in two groups');
		// Events of the moves and the split had time to arrive: the review must still be open.
		await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup');
		assert.deepEqual(api.reviews.openReviews, [review], 'moving or splitting the review discarded it');
		await vscode.window.tabGroups.close(reviewTabs()[0]);
		await new Promise((resolve) => setTimeout(resolve, 200));
		assert.deepEqual(api.reviews.openReviews, [review], 'closing one of its two tabs discarded it');
		await vscode.window.tabGroups.close(reviewTabs()[0]);
		await waitFor(() => api.reviews.openReviews.length === 0, 'the review discarded with its last tab');
		assert.equal(source.document.getText(), SAMPLE_PROMPT);
		await vscode.commands.executeCommand('workbench.action.closeAllGroups');
	});

	test('a prompt inside a JSON string is reviewed as plain text and applied back as a valid JSON string', async () => {
		const prompt = 'You are the front-desk assistant for Bright Smiles Dental.\nKeep calls short.\nNever give medical advice.';
		const json = `{\n  "agent": "dental",\n  "systemPrompt": ${JSON.stringify(prompt)},\n  "voice": "rachel"\n}\n`;
		const source = await improveSelection(json, '.json', 'You are', 'advice.');
		const sent = server.improveRequests()[0]?.body;
		assert.ok(sent, 'no improve request');
		assert.equal(sent.prompt, prompt, 'Cekura must get the prompt, not its JSON escapes');
		const tab = activeDiffTab();
		assert.ok(tab);
		assert.equal((await vscode.workspace.openTextDocument((tab.input as vscode.TabInputTextDiff).original)).getText(), prompt);

		await vscode.commands.executeCommand(Commands.applyImprovement);
		const parsed = JSON.parse(source.document.getText()) as { agent: string; systemPrompt: string; voice: string };
		assert.equal(parsed.agent, 'dental');
		assert.equal(parsed.voice, 'rachel');
		assert.match(parsed.systemPrompt, /^You are the front-desk assistant[\s\S]*## Rules learned from test runs\n[\s\S]*read back the date and time/);
	});

	test('a prompt in an indented YAML block keeps the block\'s indentation', async () => {
		const yaml = 'agent: dental\nsystem_prompt: |\n  You are the front-desk assistant for Bright Smiles Dental.\n  Keep calls short.\n  Never give medical advice.\nvoice: rachel\n';
		const source = await improvePromptFile(yaml, { select: { from: 3, to: 5 }, extension: '.yaml' });
		const sent = server.improveRequests()[0]?.body;
		assert.ok(sent, 'no improve request');
		assert.equal(sent.prompt, 'You are the front-desk assistant for Bright Smiles Dental.\nKeep calls short.\nNever give medical advice.\n');
		await vscode.commands.executeCommand(Commands.applyImprovement);
		const text = source.document.getText();
		assert.ok(text.startsWith('agent: dental\nsystem_prompt: |\n  You are the front-desk assistant'), text);
		assert.ok(text.endsWith('\nvoice: rachel\n'), text);
		const block = text.split('\n').slice(2, -2);
		assert.ok(block.every((line) => line === '' || line.startsWith('  ')), `a line left the YAML block: ${JSON.stringify(block)}`);
		assert.ok(block.some((line) => line === '  ## Rules learned from test runs'));
	});

	test('Show Summary of Changes brings the summary back with Apply and Discard', async () => {
		await openReview();
		const first = await user.waitForMessage(/lines, \+\d+/);
		user.messages.length = 0;
		await vscode.commands.executeCommand(Commands.showReviewSummary);
		const again = await user.waitForMessage(/lines, \+\d+/);
		assert.equal(again.text, first.text);
		assert.deepEqual(again.actions, ['Apply', 'Discard', 'Show Evidence', 'Test in Simulated Chats…']);
	});

	test('Apply and Discard with no review open say so', async () => {
		await vscode.commands.executeCommand(Commands.applyImprovement);
		await user.waitForMessage(/no improved prompt is open/);
		user.messages.length = 0;
		await vscode.commands.executeCommand(Commands.discardImprovement);
		await user.waitForMessage(/no improved prompt is open/);
	});

	test('Apply never writes over another copy of the prompt: edits above it while Cekura works keep it on the copy sent', async () => {
		const text = 'A: Keep calls short.\nB: Keep calls short.\n';
		server.setModes({ improve: 'slow', delayMs: 1500 });
		const source = await openPromptFile(text);
		source.selection = new vscode.Selection(0, 3, 0, 20);
		const running = vscode.commands.executeCommand(Commands.improvePrompt);
		await waitFor(() => server.improveRequests().length > 0, 'the improve request');
		// Deleting "A: " shifts the sent copy to offset 0; the copy on line B must stay untouched.
		await editRange(source.document, new vscode.Range(0, 0, 0, 3), '');
		await running;
		const [review] = api.reviews.openReviews;
		assert.ok(review, 'no review opened');
		await vscode.commands.executeCommand(Commands.applyImprovement);
		const lines = source.document.getText().split('\n');
		assert.notEqual(lines[0], 'Keep calls short.', 'the copy that was sent was not improved');
		assert.equal(lines.at(-2), 'B: Keep calls short.', 'Apply wrote over the other copy of the prompt');
	});
});
