import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, EVIDENCE_SCHEME } from '../../src/constants';
import type { TestApi } from '../../src/extension';
import { reviewTabs } from '../../src/vscode/review/reviewTabs';
import { DEMO_API_KEY, type CekuraServer } from '../server/cekuraServer';
import { waitFor, waitForValue } from '../support/waitFor';
import { useCekuraSuite } from './cekuraSuite';
import { openReview } from './improveFlow';
import { pressing } from './support';

/** The Markdown preview tabs of evidence pages (webviews, titled "Preview Cekura Evidence …"). */
function evidencePreviews(): vscode.Tab[] {
	return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && t.label.includes('Cekura Evidence'));
}

/** The evidence page of the open review, as the preview reads it: `cekura-evidence:/review-<id>/Cekura Evidence <id> – <file stem>.md`. */
async function evidenceDocument(api: TestApi): Promise<vscode.TextDocument> {
	const [review] = api.reviews.openReviews;
	assert.ok(review, 'no review is open');
	const stem = review.sourceName.replace(/\.[^.]*$/, '');
	return vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: EVIDENCE_SCHEME, path: `/review-${review.id}/Cekura Evidence ${review.id} – ${stem}.md` }));
}

/** What the preview shows of the page: the Markdown's backslash escapes removed. */
function shown(markdown: string): string {
	return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

function bulkRequests(server: CekuraServer): number {
	return server.requests.filter((r) => r.path.endsWith('/runs/bulk/')).length;
}

suite('Show Evidence beside the review (against the local Cekura server)', () => {
	const { api, server, user } = useCekuraSuite();

	test('shows each run\'s failures and the transcript around them in a Markdown preview beside the diff', async () => {
		user.runIds = [5546, 5545];
		const { tab: diff } = await openReview();
		const before = bulkRequests(server);

		await vscode.commands.executeCommand(Commands.showEvidence);

		const preview = await waitForValue(() => evidencePreviews()[0], 'the evidence preview to open');
		assert.ok((preview.group.viewColumn ?? 0) > (diff.group.viewColumn ?? 0), `the preview is in column ${preview.group.viewColumn}, the diff in ${diff.group.viewColumn}: not beside it`);
		assert.equal(reviewTabs().length, 1, 'the review diff must stay open');
		assert.equal(bulkRequests(server), before + 1, 'the runs are read once');

		const document = await evidenceDocument(api);
		assert.equal(document.languageId, 'markdown');
		const page = shown(document.getText());
		assert.match(page, /^# Evidence for the review of prompt-[\w-]+\.md$/m);
		assert.match(page, /^## Run 5546: Reschedule cleaning to next week$/m);
		assert.match(page, /^## Run 5545: New patient asks about insurance$/m);
		assert.ok(page.indexOf('## Run 5546') < page.indexOf('## Run 5545'), 'runs in the order the review used them');
		assert.match(page, /^- \*\*Outcome:\*\* Failed \(status completed, evaluation failure\)$/m);
		assert.match(page, /^- \*\*Booking confirmed\*\* \(metric 7\)\n {2}- The agent never read back the new appointment time\.$/m);
		assert.match(page, /^- \*\*Ends call before confirming booking\*\* \(category 311, critical\)$/m);
		assert.match(page, /^- \*\*Missed:\*\* Call ended before confirmation \(depends on the prompt's words: “Agent confirms the new date and time”\)$/m);
		assert.match(page, /^### Transcript around 01:\d\d[^\n]*\(turns \d+–\d+ of \d+\)$/m);
		assert.match(page, /^- ▶ \*\*\[01:58\] Main Agent:\*\* /m, 'the cited moment (01:58) is marked in the excerpt');
		assert.doesNotMatch(page, /dashboard\.cekura\.ai/, 'a local server\'s runs do not link to Cekura\'s web app');

		await vscode.commands.executeCommand(Commands.showEvidence);
		assert.equal(bulkRequests(server), before + 1, 'shown again, the evidence is not read again');
		assert.equal(evidencePreviews().length, 1, 'shown again, the same preview is revealed');
	});

	test('a second Show Evidence while the first is under way reads and opens nothing more', async () => {
		user.runIds = [5546];
		await openReview();
		const before = bulkRequests(server);
		await Promise.all([vscode.commands.executeCommand(Commands.showEvidence), vscode.commands.executeCommand(Commands.showEvidence)]);
		await waitFor(() => evidencePreviews().length === 1, 'the evidence preview to open');
		assert.equal(bulkRequests(server), before + 1, 'the runs were read twice');
		assert.equal(evidencePreviews().length, 1);
	});

	test('the summary notification\'s Show Evidence opens it; closing the review closes it', async () => {
		user.answer = pressing('Show Evidence');
		user.runIds = [5546];
		await openReview();
		await waitFor(() => evidencePreviews().length === 1, 'the notification\'s Show Evidence to open the preview');
		assert.equal(api.reviews.openReviews.length, 1, 'Show Evidence must not close the review');
		const document = await evidenceDocument(api);
		assert.match(shown(document.getText()), /^## Run 5546: Reschedule cleaning to next week$/m);

		await vscode.commands.executeCommand(Commands.discardImprovement);
		await waitFor(() => evidencePreviews().length === 0, 'the evidence preview to close with its review');
		await waitFor(() => document.getText() === 'The review this evidence belongs to is closed.\n', 'the page to say its review is closed');
	});

	test('a 404 to the run details says so with Open Settings, and opens nothing', async () => {
		user.runIds = [5546];
		await openReview();
		server.setModes({ runsBulk: 'removed-404' });
		user.messages.length = 0;

		await vscode.commands.executeCommand(Commands.showEvidence);

		const errors = user.messages.filter((m) => m.severity === 'error');
		assert.equal(errors.length, 1, JSON.stringify(user.messages));
		assert.match(errors[0].text, /could not find the details of runs 5546 \(HTTP 404\)/);
		assert.deepEqual(errors[0].actions, ['Open Settings', 'Show Log']);
		assert.equal(evidencePreviews().length, 0);
		assert.equal(reviewTabs().length, 1, 'the review stays open');
	});

	test('a rejected key (401) offers Set API Key, and the new key reads the evidence', async () => {
		user.runIds = [5546];
		await openReview();
		user.apiKeyAnswers.push('ck_wrong_key');
		await vscode.commands.executeCommand(Commands.setApiKey);
		user.messages.length = 0;
		user.apiKeyAnswers.push(DEMO_API_KEY);
		user.answer = pressing('Set API Key');

		await vscode.commands.executeCommand(Commands.showEvidence);

		const error = user.messages.find((m) => m.severity === 'error');
		assert.ok(error, 'no error was shown');
		assert.match(error.text, /rejected the API key \(401\)/);
		assert.deepEqual(error.actions, ['Set API Key', 'Show Log']);
		await waitFor(() => evidencePreviews().length === 1, 'the evidence preview after the new key');
		assert.match(shown((await evidenceDocument(api)).getText()), /## Run 5546/);
	});

	test('without an open review it says so and reads nothing', async () => {
		await vscode.commands.executeCommand(Commands.showEvidence);
		assert.ok(user.messagesMatching(/no improved prompt is open for review/).length === 1, JSON.stringify(user.messages));
		assert.equal(bulkRequests(server), 0);
	});
});
