import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, Settings } from '../../src/constants';
import type { Review } from '../../src/vscode/review/review';
import { startOpenAiServer, type OpenAiServer } from '../server/openAiServer';
import { longPrompt } from '../support/longPrompts';
import { waitFor } from '../support/waitFor';
import { useCekuraSuite, useSuiteServer } from './cekuraSuite';
import { openPromptFile, SAMPLE_PROMPT, setSetting } from './support';

const MODEL = 'local-improver';
/** Long enough that the model answers with edits: 2 of them for run 5546 (the local improver's change). */
const PROMPT = longPrompt(6000);
const FIRST_EDIT = 'never end the call before the caller has confirmed the booking';
const SECOND_EDIT = '## Rules learned from test runs';

suite('The proposal streams into the review, edit by edit', () => {
	const { api, user } = useCekuraSuite();
	const model = useSuiteServer(startOpenAiServer, (s) => s.reset(), 'the model server');

	async function useModel(server: OpenAiServer): Promise<void> {
		await setSetting(Settings.openaiBaseUrl, server.url);
		await setSetting(Settings.openaiModel, MODEL);
		await setSetting(Settings.improveEngine, 'openaiCompatible');
	}

	/** Opens `content` whole and starts Improve Prompt from Runs… without waiting for it to end. */
	async function startImprove(content = PROMPT): Promise<{ source: vscode.TextEditor; done: Thenable<unknown> }> {
		const source = await openPromptFile(content, { from: 1, to: content.split('\n').length });
		return { source, done: vscode.commands.executeCommand(Commands.improvePrompt) };
	}

	async function draft(): Promise<Review> {
		await waitFor(() => api.reviews.openReviews.some((r) => r.drafting), 'a draft review');
		const review = api.reviews.openReviews.find((r) => r.drafting);
		assert.ok(review);
		return review;
	}

	/** A draft with its first edit, its right side in an editor of its own and focused (the same document as the diff's). */
	async function draftInFront(): Promise<{ review: Review; done: Thenable<unknown> }> {
		await useModel(model);
		model.setModes({ mode: 'edits', editPauseMs: 2500 });
		const { done } = await startImprove();
		const review = await draft();
		await waitFor(() => rightSide(review).includes(FIRST_EDIT), 'the first edit on the right side');
		await vscode.window.showTextDocument(review.improvedUri, { preview: false });
		return { review, done };
	}

	const rightSide = (review: Review): string => vscode.workspace.textDocuments.find((d) => d.uri.toString() === review.improvedUri.toString())?.getText() ?? '';
	const answered = (server: OpenAiServer): boolean => server.requests.some((r) => r.path === '/v1/chat/completions' && r.answeredAt !== undefined);

	test('the review opens at the first edit, before the answer ends, and each edit appears as it arrives; nothing applies until the proposal is complete', async () => {
		await useModel(model);
		model.setModes({ mode: 'edits', editPauseMs: 2500 });
		const { source, done } = await startImprove();
		const review = await draft();
		assert.equal(answered(model), false, 'the review opened only once the answer had ended');
		await waitFor(() => rightSide(review).includes(FIRST_EDIT), 'the first edit on the right side');
		assert.ok(!rightSide(review).includes(SECOND_EDIT), 'the second edit was shown before it arrived');
		assert.deepEqual(review.drafting, { editsApplied: 1 });
		// The count follows the review once it shows the edit (sent with it, the message would delay the diff).
		await waitFor(() => /\(1 edit so far\)|1 edit so far…/.test(user.progress.at(-1)?.messages.at(-1) ?? ''), 'the progress saying 1 edit so far');
		await waitFor(() => /still arriving · 1 edit so far/.test(api.reviewStatusText() ?? ''), 'the status bar saying the proposal is still arriving');
		assert.equal(api.reviewStatusAccessibility()?.label, `Cekura review of ${review.sourceName}: the proposal is still arriving · 1 edit so far`, 'a screen reader does not hear whose proposal is arriving');

		// Nothing of a draft can be applied or decided, whichever way the user tries.
		await vscode.commands.executeCommand(Commands.applyImprovement);
		await user.waitForMessage(/the proposal is still arriving \(1 edit so far\)/);
		const improved = await vscode.workspace.openTextDocument(review.improvedUri);
		const change = api.changes.of(improved)?.changes.undecided[0];
		assert.ok(change, 'the draft shows no change');
		await vscode.commands.executeCommand(Commands.keepOriginalChange, review.improvedUri, change.key);
		await vscode.commands.executeCommand(Commands.keepProposedChange, review.improvedUri, change.key);
		assert.equal(user.messagesMatching(/still arriving/).length, 3, 'Keep Original or Keep Proposal was not refused');
		assert.ok(rightSide(review).includes(FIRST_EDIT), 'Keep Original changed the draft');
		assert.equal(source.document.getText(), PROMPT, 'the file changed while the proposal was arriving');
		assert.equal((await api.history.all()).some((e) => e.source.uri === source.document.uri.toString()), false, 'a draft was recorded in the history');

		await waitFor(() => rightSide(review).includes(SECOND_EDIT), 'the second edit on the right side', 10_000);
		await done;
		assert.equal(review.drafting, undefined, 'the review is still a draft after the proposal arrived');
		assert.deepEqual(api.reviews.openReviews, [review], 'the draft was not completed in place');
		await user.waitForMessage(/^Proposal by local-improver \(local server\): /);
		await vscode.commands.executeCommand(Commands.applyImprovement);
		assert.ok(source.document.getText().includes(FIRST_EDIT) && source.document.getText().includes(SECOND_EDIT), 'Apply did not write the complete proposal');
		const [entry] = (await api.history.all()).filter((e) => e.source.uri === source.document.uri.toString());
		assert.equal(entry?.outcome, 'applied');
	});

	test('the right side of a draft is read-only: typing there changes nothing until the proposal is complete', async () => {
		const { review, done } = await draftInFront();
		for (let i = 0; i < 5; i++) await vscode.commands.executeCommand('type', { text: 'TYPED' });
		await waitFor(() => rightSide(review).includes(SECOND_EDIT) || rightSide(review).includes('TYPED'), 'the next edit, or the typing, on the right side');
		assert.ok(!rightSide(review).includes('TYPED'), 'the draft took the user\'s typing');
		await done;
		assert.equal(review.drafting, undefined);
		// Complete means writable: the first key typed is taken.
		await vscode.window.showTextDocument(review.improvedUri, { preview: false });
		await vscode.commands.executeCommand('type', { text: 'TYPED' });
		await waitFor(() => rightSide(review).includes('TYPED'), 'the complete proposal taking the user\'s typing', 3000);
	});

	test('the title-bar actions that refuse a draft are hidden while it arrives: the drafting context key is set until the proposal is complete', async () => {
		await useModel(model);
		model.setModes({ mode: 'edits', editPauseMs: 2500 });
		const { done } = await startImprove();
		const review = await draft();
		await waitFor(() => api.reviews.draftingKey.value.includes(review.improvedUri.toString()), 'the drafting context key naming the review while its proposal arrives');
		// Hidden from the title bar, still refused from the palette or a key.
		await vscode.commands.executeCommand(Commands.testProposal, review.improvedUri);
		await user.waitForMessage(/the proposal is still arriving/);
		assert.ok(review.drafting, 'the proposal completed before the test could look at its draft');
		await done;
		assert.equal(review.drafting, undefined);
		await waitFor(() => api.reviews.draftingKey.value.length === 0, 'the drafting context key cleared once the proposal is complete');
	});

	test('Cancel while the edits arrive clears the drafting context key with the draft', async () => {
		await useModel(model);
		model.setModes({ mode: 'edits', editPauseMs: 5000 });
		const { done } = await startImprove();
		const review = await draft();
		await waitFor(() => api.reviews.draftingKey.value.includes(review.improvedUri.toString()), 'the drafting context key naming the review while its proposal arrives');
		user.progress.at(-1)?.cancel();
		await done;
		assert.deepEqual(api.reviews.openReviews, []);
		await waitFor(() => api.reviews.draftingKey.value.length === 0, 'the drafting context key cleared once the draft is closed');
	});

	test('a keystroke typed on the right side the moment the proposal is complete is kept', async () => {
		// The user has the right side in front of them, and types as soon as the proposal is complete.
		const { review, done } = await draftInFront();
		let typed: Thenable<unknown> | undefined;
		const listener = api.reviews.onDidChange(() => {
			if (!review.drafting && !typed) typed = vscode.commands.executeCommand('type', { text: 'TYPED' });
		});
		try {
			await done;
		} finally {
			listener.dispose();
		}
		assert.ok(typed, 'the review never became complete');
		await typed;
		await waitFor(() => rightSide(review).includes('TYPED'), 'the keystroke typed at completion on the right side', 3000);
	});

	test('Cancel while the edits arrive closes the draft review and records nothing', async () => {
		await useModel(model);
		model.setModes({ mode: 'edits', editPauseMs: 5000 });
		const { source, done } = await startImprove();
		await draft();
		user.progress.at(-1)?.cancel();
		await done;
		assert.deepEqual(api.reviews.openReviews, [], 'the draft review is still open');
		assert.equal(vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.input instanceof vscode.TabInputTextDiff), false, 'the draft\'s tab is still open');
		assert.equal(source.document.getText(), PROMPT);
		assert.deepEqual(user.messagesMatching(/error|failed/i), []);
		await api.history.flushed();
		assert.equal((await api.history.all()).some((e) => e.source.uri === source.document.uri.toString()), false, 'the cancelled proposal is in the history');
	});

	test('an error while the edits arrive closes the draft review, shows the error and records nothing', async () => {
		const dying = await startOpenAiServer();
		try {
			await useModel(dying);
			dying.setModes({ mode: 'edits', editPauseMs: 10_000 });
			const { source, done } = await startImprove();
			await draft();
			// The server goes away in the middle of the answer.
			await dying.close();
			await done;
			assert.ok(user.messages.some((m) => m.severity === 'error'), `no error shown: ${JSON.stringify(user.messages.map((m) => m.text))}`);
			assert.deepEqual(api.reviews.openReviews, [], 'the draft review is still open');
			assert.equal(source.document.getText(), PROMPT);
			await api.history.flushed();
			assert.equal((await api.history.all()).some((e) => e.source.uri === source.document.uri.toString()), false, 'the failed proposal is in the history');
		} finally {
			await dying.close();
		}
	});

	test('a whole-prompt answer opens its review once complete, as before: never a draft, Apply at once', async () => {
		await useModel(model);
		model.setModes({ mode: 'stream' });
		const drafts: boolean[] = [];
		const listener = api.reviews.onDidChange(() => drafts.push(api.reviews.openReviews.some((r) => r.drafting)));
		try {
			const { source, done } = await startImprove(SAMPLE_PROMPT);
			await done;
			assert.equal(api.reviews.openReviews.length, 1);
			assert.ok(answered(model));
			assert.equal(drafts.includes(true), false, 'a whole-prompt answer made a draft review');
			assert.equal(user.progress.flatMap((p) => p.messages).some((m) => /so far/.test(m)), false);
			await vscode.commands.executeCommand(Commands.applyImprovement);
			assert.match(source.document.getText(), /read back the date and time/i);
		} finally {
			listener.dispose();
		}
	});

	test('Improve Again streams into a new draft beside the review it improves, which it replaces once complete', async () => {
		await useModel(model);
		model.setModes({ mode: 'edits', editPauseMs: 0 });
		const { done: first } = await startImprove();
		await first;
		const [previous] = api.reviews.openReviews;
		assert.ok(previous && !previous.drafting, 'the first review did not open complete');
		const improvedOnce = rightSide(previous);
		model.setModes({ mode: 'edits', editPauseMs: 2500 });
		user.runIds = [5523];
		user.pick = (items, options) => (/Improve Again with which runs/.test(options.title ?? '') ? items.find((i) => /Other runs/.test(i.label)) : undefined);
		user.onInputBox = (options) => (/a note for the next proposal/.test(options.title ?? '') ? '' : undefined);
		const again = vscode.commands.executeCommand(Commands.improveAgain, previous.improvedUri);
		const review = await draft();
		assert.equal(review.previousId, previous.id);
		assert.ok(api.reviews.openReviews.includes(previous), 'the review being improved closed before the new proposal was complete');
		assert.equal(vscode.workspace.textDocuments.find((d) => d.uri.toString() === review.originalUri.toString())?.getText() ?? improvedOnce, improvedOnce);
		await vscode.commands.executeCommand(Commands.improveAgain, review.improvedUri);
		await user.waitForMessage(/the proposal is still arriving/);
		await again;
		assert.deepEqual(api.reviews.openReviews, [review], 'the draft did not replace the review it improved');
		assert.equal(review.drafting, undefined);
		assert.match(rightSide(review), /verify the caller's full name and date of birth/);
	});
});
