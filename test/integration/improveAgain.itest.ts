import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, Settings } from '../../src/constants';
import { reviewTabs } from '../../src/vscode/review/reviewTabs';
import { RULES_HEADING } from '../server/improver';
import { startOpenAiServer } from '../server/openAiServer';
import { waitFor } from '../support/waitFor';
import { useCekuraSuite, useSuiteServer } from './cekuraSuite';
import { editText } from './edits';
import { openReview } from './improveFlow';
import { activeDiffTab, pressing, SAMPLE_PROMPT, setSetting } from './support';

const NOTE = "keep it under 300 words; don't change the greeting";
/** Run 5523 failed "Verified caller identity": a rule that run 5546's proposal does not have. */
const IDENTITY_RULE = /verify the caller's full name and date of birth/;

function sides(): { original: vscode.Uri; modified: vscode.Uri; label: string } {
	const tab = activeDiffTab();
	assert.ok(tab, 'no review diff is active');
	const input = tab.input as vscode.TabInputTextDiff;
	return { original: input.original, modified: input.modified, label: tab.label };
}

async function text(uri: vscode.Uri): Promise<string> {
	return (await vscode.workspace.openTextDocument(uri)).getText();
}

suite('Improve Again: the right side, improved once more, with a steering note', () => {
	const { api, server: cekura, user } = useCekuraSuite();
	const model = useSuiteServer(startOpenAiServer, (s) => s.reset(), 'the model server');

	/** Improves lines 3–6 of the sample prompt with run 5546 and returns the source editor. */
	async function firstReview(): Promise<vscode.TextEditor> {
		const { source } = await openReview();
		assert.equal(api.reviews.openReviews.length, 1, 'the first review did not open');
		return source;
	}

	function answerImproveAgain(runs: 'same' | 'other', note: string | undefined): void {
		user.pick = (items, options) => (/Improve Again with which runs/.test(options.title ?? '') ? items.find((i) => (runs === 'same' ? /Same runs/ : /Other runs/).test(i.label)) : undefined);
		user.onInputBox = (options) => (/a note for the next proposal/.test(options.title ?? '') ? note : undefined);
	}

	test('a model gets the right side as the user left it and the note; the new proposal replaces the review, diffed against that right side; Apply writes it to the file', async () => {
		await setSetting(Settings.openaiBaseUrl, model.url);
		await setSetting(Settings.openaiModel, 'local-improver');
		await setSetting(Settings.improveEngine, 'openaiCompatible');
		const editor = await firstReview();
		const first = sides();
		// The user tweaks the proposal, then asks for more with other runs.
		await editText(first.modified, 'Never give medical advice.', 'Never give medical advice of any kind.');
		const tweaked = await text(first.modified);
		user.runIds = [5523];
		answerImproveAgain('other', `  ${NOTE}  `);

		await vscode.commands.executeCommand(Commands.improveAgain, first.modified);

		const [, again] = model.requests.filter((r) => r.path === '/v1/chat/completions');
		assert.ok(again, 'Improve Again sent no request to the model');
		const sent = ((again.body as { messages: { content: string }[] }).messages).map((m) => m.content).join('\n');
		assert.ok(sent.includes(tweaked), 'the right side as the user left it was not what was improved');
		assert.ok(sent.includes(`Note from the user: ${NOTE}`), 'the steering note was not sent');
		assert.match(sent, /## Run 5523/);

		assert.equal(api.reviews.openReviews.length, 1, 'the old review was not replaced');
		assert.equal(reviewTabs(first.modified).length, 0, 'the old review\'s tab is still open');
		const second = sides();
		assert.match(second.label, /Previous Proposal ↔ Improved Again \(runs 5523\) · by local-improver \(local server\)$/);
		assert.equal(await text(second.original), tweaked, 'the left side is not the previous right side');
		const improved = await text(second.modified);
		assert.match(improved, IDENTITY_RULE);
		assert.match(improved, /of any kind/, 'the user\'s tweak was lost');
		// One change to decide: the rules added on top of the previous proposal, not everything since the original.
		const decisions = api.changes.of(await vscode.workspace.openTextDocument(second.modified));
		assert.equal(decisions?.changes.changes.length, 1, `changes: ${JSON.stringify(decisions?.changes.changes)}`);
		const summaries = /^Proposal by local-improver[^]*\+\d+ −\d+ lines/;
		await waitFor(() => user.messagesMatching(summaries).length === 2, 'the summary of the second proposal');

		await vscode.commands.executeCommand(Commands.applyImprovement);
		const applied = editor.document.getText();
		assert.equal(applied, SAMPLE_PROMPT.replace(SAMPLE_PROMPT.split('\n').slice(2, 6).join('\n') + '\n', improved), 'the file does not hold the new proposal in place of the selection');
		await vscode.window.showTextDocument(editor.document);
		await vscode.commands.executeCommand('undo');
		assert.equal(editor.document.getText(), SAMPLE_PROMPT, 'one Undo did not restore the original');
	});

	test('with the same runs, the run picker is skipped and the rules the user deleted come back', async () => {
		await setSetting(Settings.openaiBaseUrl, model.url);
		await setSetting(Settings.openaiModel, 'local-improver');
		await setSetting(Settings.improveEngine, 'openaiCompatible');
		await firstReview();
		const first = sides();
		const proposed = await text(first.modified);
		const rules = proposed.slice(proposed.indexOf(RULES_HEADING));
		assert.ok(rules.length > RULES_HEADING.length, 'the first proposal has no rules section');
		await editText(first.modified, rules, '');
		answerImproveAgain('same', '');

		await vscode.commands.executeCommand(Commands.improveAgain);

		assert.equal(model.requests.filter((r) => r.path === '/v1/chat/completions').length, 2);
		const sent = (model.requests.at(-1)?.body as { messages: { content: string }[] }).messages.map((m) => m.content).join('\n');
		assert.doesNotMatch(sent, /Note from the user/, 'an empty note was sent');
		assert.match(sent, /## Run 5546/);
		assert.equal(user.quickPicks.filter((p) => /Choose up to 3 runs/.test(p.title ?? '')).length, 1, 'the run picker was shown again for the same runs');
		const second = sides();
		assert.match(second.label, /Improved Again \(runs 5546\)/);
		assert.ok((await text(second.modified)).includes(RULES_HEADING), 'the deleted rules did not come back');
	});

	test("Cekura's engine cannot take the note: it says so before sending, and Improve Without the Note goes on without it", async () => {
		await setSetting(Settings.improveEngine, 'cekura');
		await firstReview();
		const first = sides();
		user.runIds = [5523];
		answerImproveAgain('other', NOTE);
		user.answer = pressing('Improve Without the Note');

		await vscode.commands.executeCommand(Commands.improveAgain, first.modified);

		const warning = user.messagesMatching(/cannot take a steering note/);
		assert.equal(warning.length, 1, `messages: ${JSON.stringify(user.messages.map((m) => m.text))}`);
		assert.ok(warning[0].text.includes(NOTE), 'the warning does not quote the note');
		assert.deepEqual(warning[0].actions, ['Improve Without the Note', 'Choose Improvement Engine…']);
		const requests = cekura.improveRequests();
		assert.equal(requests.length, 2);
		assert.ok(!JSON.stringify(requests[1].body).includes(NOTE), 'the note reached Cekura');
		assert.deepEqual(requests[1].body?.run_ids, [5523]);
		assert.match(sides().label, /Improved Again \(runs 5523\) · by Cekura/);
	});

	test('cancelling the note leaves the review as it was and sends nothing', async () => {
		await firstReview();
		const first = sides();
		const before = await text(first.modified);
		answerImproveAgain('same', undefined);

		await vscode.commands.executeCommand(Commands.improveAgain);

		assert.equal(cekura.improveRequests().length, 1, 'a request was sent after the user cancelled');
		assert.equal(api.reviews.openReviews.length, 1);
		assert.equal(sides().modified.toString(), first.modified.toString());
		assert.equal(await text(first.modified), before);
	});

	test('with no review open, it says there is none', async () => {
		await vscode.commands.executeCommand(Commands.improveAgain);
		assert.ok(user.messagesMatching(/no improved prompt is open for review/).length === 1, JSON.stringify(user.messages));
	});
});
