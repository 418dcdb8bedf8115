import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { Commands, HISTORY_SCHEME, REVIEW_SCHEME } from '../../src/constants';
import type { HistoryEntry } from '../../src/core/history';
import type { TestApi } from '../../src/extension';
import { reviewTabs } from '../../src/vscode/review/reviewTabs';
import { DEMO_API_KEY } from '../server/cekuraServer';
import { waitFor } from '../support/waitFor';
import { useCekuraSuite } from './cekuraSuite';
import { editText } from './edits';
import type { FakeUser } from './fakeUser';
import { openReview, type OpenedReview } from './improveFlow';
import { activeDiffTab, pressing, SAMPLE_PROMPT } from './support';

/** Opens a review of lines 3–6 of a new prompt file; resolves it with a getter of its history entry. */
async function improve(api: TestApi, content = SAMPLE_PROMPT): Promise<OpenedReview & { entry: () => Promise<HistoryEntry> }> {
	const review = await openReview(content);
	const uri = review.source.document.uri.toString();
	const entry = async (): Promise<HistoryEntry> => {
		const found = (await api.history.all()).find((e) => e.source.uri === uri);
		assert.ok(found, `no history entry for ${uri}`);
		return found;
	};
	return { ...review, entry };
}

/**
 * Scripts Show Improvement History: in the list, the filter steps, then the entry of `file` (the newest of it, or the
 * `index`th), then `action` (a label pattern) in the actions. Records what each picker listed.
 */
function chooseInHistory(user: FakeUser, file: vscode.Uri, action: RegExp, options: { filterByFile?: boolean; other?: vscode.Uri } = {}): { lists: vscode.QuickPickItem[][] } {
	const lists: vscode.QuickPickItem[][] = [];
	let filtered = !options.filterByFile;
	user.pick = (items, opts) => {
		const title = opts.title ?? '';
		lists.push([...items]);
		const entryOf = (i: vscode.QuickPickItem): HistoryEntry | undefined => (i as { entry?: HistoryEntry }).entry;
		if (/with which version/.test(title)) return items.find((i) => entryOf(i)?.source.uri === options.other?.toString());
		if (/^Cekura: Improvement History/.test(title)) {
			if (!filtered) {
				filtered = true;
				return items.find((i) => /Filter by File/.test(i.label));
			}
			return items.find((i) => entryOf(i)?.source.uri === file.toString());
		}
		if (/proposals of which file/.test(title)) return items.find((i) => (i as { uri?: string }).uri === file.toString());
		return items.find((i) => action.test(i.label));
	};
	return { lists };
}

suite('Improvement history', () => {
	const { api, user } = useCekuraSuite();

	test('records each proposal: open with its runs and author, the right side as edited, then what Apply wrote, in the workspace storage without the key', async () => {
		const { improved, selected, entry, source } = await improve(api);
		let recorded = await entry();
		assert.equal(recorded.outcome, 'open');
		assert.ok(recorded.openReview, 'the entry does not know its review is open');
		assert.deepEqual(recorded.runIds, [5546]);
		assert.equal(recorded.author, 'Cekura');
		assert.equal(recorded.original, selected);
		assert.equal(recorded.proposed, improved.getText());
		assert.equal(recorded.source.startLine, 3);
		assert.ok(recorded.summary.length > 0);

		await editText(improved, 'Keep calls short', 'Keep every call brief');
		await waitFor(async () => (await entry()).current.includes('Keep every call brief'), 'the edited right side in the history');

		const rightSide = improved.getText();
		await vscode.commands.executeCommand(Commands.applyImprovement);
		await waitFor(async () => (await entry()).outcome === 'applied', 'the entry to be marked applied');
		recorded = await entry();
		assert.equal(recorded.applied, rightSide, 'the history does not hold the right side as the user left it');
		assert.equal(recorded.current, rightSide);
		assert.ok(source.document.getText().includes(rightSide), 'what the history says was applied is not in the file');
		assert.equal(recorded.openReview, undefined);

		await api.history.flushed();
		const onDisk = fs.readFileSync(api.history.file.fsPath, 'utf8');
		assert.ok(onDisk.includes(recorded.id), 'the entry is not in the history file');
		assert.ok(!onDisk.includes(DEMO_API_KEY), 'the API key is in the history file');
		const settings = JSON.stringify(vscode.workspace.getConfiguration('cekura'));
		assert.ok(!settings.includes(recorded.id), 'the history is in the settings');
	});

	test('Discard is recorded; the list is newest first, filters by file, and Reopen shows the recorded original beside the proposal', async () => {
		const first = await improve(api);
		await vscode.commands.executeCommand(Commands.discardImprovement);
		await waitFor(async () => (await first.entry()).outcome === 'discarded', 'the entry to be marked discarded');
		const second = await improve(api);
		await vscode.commands.executeCommand(Commands.discardImprovement);
		await waitFor(async () => (await second.entry()).outcome === 'discarded', 'the second entry to be marked discarded');

		const { lists } = chooseInHistory(user, first.source.document.uri, /Reopen Review/, { filterByFile: true });
		await vscode.commands.executeCommand(Commands.showHistory);

		const entriesIn = (list: vscode.QuickPickItem[]): HistoryEntry[] => list.flatMap((i) => (i as { entry?: HistoryEntry }).entry ?? []);
		const all = entriesIn(lists[0]);
		assert.ok(all.length >= 2);
		assert.deepEqual(all.map((e) => e.time), [...all.map((e) => e.time)].sort((a, b) => b - a), 'the list is not newest first');
		assert.equal(all[0].id, (await second.entry()).id, 'the newest proposal is not first');
		assert.match(lists[0].find((i) => (i as { entry?: HistoryEntry }).entry?.id === all[0].id)?.description ?? '', /discarded · runs 5546 · by Cekura/);
		// After Filter by File… and the file: only that file's proposal.
		assert.deepEqual(entriesIn(lists[2]).map((e) => e.source.uri), [first.source.document.uri.toString()]);

		await waitFor(() => api.reviews.openReviews.length === 1, 'the reopened review');
		const tab = activeDiffTab();
		assert.ok(tab, 'Reopen opened no diff');
		const input = tab.input as vscode.TabInputTextDiff;
		assert.equal((await vscode.workspace.openTextDocument(input.original)).getText(), first.selected);
		assert.equal((await vscode.workspace.openTextDocument(input.modified)).getText(), (await first.entry()).proposed);
		assert.equal((await first.entry()).openReview !== undefined, true);

		// The original is still in the file: Apply from the reopened review writes the proposal.
		await vscode.commands.executeCommand(Commands.applyImprovement);
		assert.ok(first.source.document.getText().includes((await first.entry()).proposed));
		await waitFor(async () => (await first.entry()).outcome === 'applied', 'the reopened entry to be marked applied');
	});

	test('Filter by Run… lists only the proposals made with that run', async () => {
		const { source, entry } = await improve(api);
		await vscode.commands.executeCommand(Commands.discardImprovement);
		await waitFor(async () => (await entry()).outcome === 'discarded', 'the entry to be marked discarded');
		const titles: string[] = [];
		const lists: vscode.QuickPickItem[][] = [];
		let step = 0;
		user.pick = (items, opts) => {
			titles.push(opts.title ?? '');
			lists.push([...items]);
			step++;
			if (step === 1) return items.find((i) => /Filter by Run/.test(i.label));
			if (step === 2) return items.find((i) => i.label === '#5546');
			return undefined; // the filtered list: the user looks and closes it
		};
		await vscode.commands.executeCommand(Commands.showHistory);
		assert.match(titles[1], /with which run/);
		assert.ok(lists[1].some((i) => i.label === '#5546'), `the runs offered: ${JSON.stringify(lists[1].map((i) => i.label))}`);
		assert.match(titles[2], /Improvement History with run 5546 \(\d+\)/);
		const shown = lists[2].flatMap((i) => (i as { entry?: HistoryEntry }).entry ?? []);
		assert.ok(shown.some((e) => e.source.uri === source.document.uri.toString()), 'the proposal made with run 5546 is not listed');
		assert.ok(shown.every((e) => e.runIds.includes(5546)), 'a proposal made without run 5546 is listed');
		assert.ok(lists[2].some((i) => /Show All/.test(i.label)), 'a filtered list offers no way back');
	});

	test('Apply Again after Undo writes the proposal as one undo step; over changed text it refuses, keeps the text and offers a copy', async () => {
		const { source, entry } = await improve(api);
		await vscode.commands.executeCommand(Commands.applyImprovement);
		await waitFor(async () => (await entry()).outcome === 'applied', 'the entry to be marked applied');
		const applied = source.document.getText();
		const recorded = await entry();

		// The original is gone (applied): Apply Again refuses and offers the copy.
		user.answer = pressing('Copy Improved Prompt');
		chooseInHistory(user, source.document.uri, /Apply Again/);
		await vscode.commands.executeCommand(Commands.showHistory);
		await user.waitForMessage(/no longer in .* for sure/);
		assert.equal(source.document.getText(), applied, 'Apply Again wrote over the applied text');
		await waitFor(async () => (await vscode.env.clipboard.readText()) === recorded.applied, 'the proposal on the clipboard');

		// Undo brings the original back; Apply Again writes the proposal in its place.
		await vscode.window.showTextDocument(source.document);
		await vscode.commands.executeCommand('undo');
		assert.equal(source.document.getText(), SAMPLE_PROMPT);
		chooseInHistory(user, source.document.uri, /Apply Again/);
		await vscode.commands.executeCommand(Commands.showHistory);
		assert.equal(source.document.getText(), applied);
		assert.equal(reviewTabs().length, 0, 'Apply Again opened a review');
		await vscode.window.showTextDocument(source.document);
		await vscode.commands.executeCommand('undo');
		assert.equal(source.document.getText(), SAMPLE_PROMPT, 'Apply Again took more than one undo step');

		// An edit inside the original: refused, the edit kept.
		await editText(source.document, 'Keep calls short.', 'Keep calls short, please.');
		const edited = source.document.getText();
		const before = user.messagesMatching(/no longer in .* for sure/).length;
		chooseInHistory(user, source.document.uri, /Apply Again/);
		await vscode.commands.executeCommand(Commands.showHistory);
		assert.equal(user.messagesMatching(/no longer in .* for sure/).length, before + 1);
		assert.equal(source.document.getText(), edited);
	});

	test('a reopened review whose original is gone opens, but Apply refuses with the copy offer', async () => {
		const { source, entry } = await improve(api);
		await vscode.commands.executeCommand(Commands.applyImprovement);
		await waitFor(async () => (await entry()).outcome === 'applied', 'the entry to be marked applied');
		const applied = source.document.getText();

		chooseInHistory(user, source.document.uri, /Reopen Review/);
		await vscode.commands.executeCommand(Commands.showHistory);
		await user.waitForMessage(/You can compare and copy the proposal/);
		assert.equal(api.reviews.openReviews.length, 1);
		user.answer = () => undefined;
		await vscode.commands.executeCommand(Commands.applyImprovement);
		await user.waitForMessage(/was edited after it was sent/);
		assert.equal(source.document.getText(), applied, 'Apply wrote over the applied text');
		assert.equal(api.reviews.openReviews.length, 1, 'the refused review closed');
		await vscode.commands.executeCommand(Commands.discardImprovement);
		await waitFor(async () => (await entry()).openReview === undefined, 'the reopened review closed in the history');
		assert.equal((await entry()).outcome, 'applied', 'discarding the reopened review forgot the Apply');
	});

	test('Compare with Current Prompt and Compare with Another Version open read-only diffs of the recorded proposals', async () => {
		const first = await improve(api);
		await vscode.commands.executeCommand(Commands.discardImprovement);
		await waitFor(async () => (await first.entry()).outcome === 'discarded', 'the entry to be marked discarded');
		const second = await improve(api, SAMPLE_PROMPT.replace('Keep calls short.', 'Keep calls short and kind.'));
		await vscode.commands.executeCommand(Commands.discardImprovement);
		await waitFor(async () => (await second.entry()).outcome === 'discarded', 'the second entry to be marked discarded');
		const firstEntry = await first.entry();
		const secondEntry = await second.entry();

		chooseInHistory(user, first.source.document.uri, /Compare with Current Prompt/);
		await vscode.commands.executeCommand(Commands.showHistory);
		let tab = activeDiffTab();
		assert.ok(tab, 'no comparison opened');
		let input = tab.input as vscode.TabInputTextDiff;
		assert.equal(input.original.scheme, HISTORY_SCHEME);
		assert.equal(input.modified.toString(), first.source.document.uri.toString());
		assert.equal((await vscode.workspace.openTextDocument(input.original)).getText(), firstEntry.current);
		assert.match(tab.label, /Proposal of .* ↔ Current/);

		chooseInHistory(user, second.source.document.uri, /Compare with Another Version/, { other: first.source.document.uri });
		await vscode.commands.executeCommand(Commands.showHistory);
		tab = activeDiffTab();
		assert.ok(tab, 'no comparison of two versions opened');
		input = tab.input as vscode.TabInputTextDiff;
		assert.equal((await vscode.workspace.openTextDocument(input.original)).getText(), firstEntry.current, 'the older version is not on the left');
		assert.equal((await vscode.workspace.openTextDocument(input.modified)).getText(), secondEntry.current);
		assert.equal(input.modified.scheme, HISTORY_SCHEME);

		chooseInHistory(user, second.source.document.uri, /Copy Proposal/);
		await vscode.commands.executeCommand(Commands.showHistory);
		await waitFor(async () => (await vscode.env.clipboard.readText()) === secondEntry.current, 'the proposal on the clipboard');
	});

	test('a review document asked for after a reload brings its review back from the history, with the right side as left', async () => {
		// What a window reload leaves: an entry open in a review, and VS Code asking for the restored tab's documents.
		const { source, entry, improved } = await improve(api);
		await editText(improved, 'Keep calls short', 'Keep it brief');
		await waitFor(async () => (await entry()).current.includes('Keep it brief'), 'the edited right side in the history');
		const recorded = await entry();
		const restoredKey = `${recorded.id}-restored`;
		await api.history.record({ ...recorded, id: `${recorded.id}r`, openReview: restoredKey, time: recorded.time + 1 });
		const uri = vscode.Uri.from({ scheme: REVIEW_SCHEME, path: `/review-${restoredKey}/improved/${recorded.source.name}` });

		const document = await vscode.workspace.openTextDocument(uri);
		assert.equal(document.getText(), recorded.current);
		const restored = api.reviews.openReviews.find((r) => r.improvedUri.toString() === uri.toString());
		assert.ok(restored, 'the review was not restored');
		assert.equal(restored.originalText, recorded.original);
		assert.ok(restored.tracker.locate(source.document.getText()).found, 'the restored review lost its prompt');
		await vscode.commands.executeCommand('vscode.diff', restored.originalUri, restored.improvedUri, restored.title);
		await vscode.commands.executeCommand(Commands.discardImprovement, restored.improvedUri);
		await vscode.commands.executeCommand(Commands.discardImprovement);
		await waitFor(() => api.reviews.openReviews.length === 0, 'the reviews to close');

		// A review document nobody recorded stays not found.
		await assert.rejects(Promise.resolve(vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: REVIEW_SCHEME, path: '/review-nothing/improved/x.md' }))));
	});
});
