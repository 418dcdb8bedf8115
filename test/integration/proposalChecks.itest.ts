import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, Settings } from '../../src/constants';
import type { HistoryEntry } from '../../src/core/history';
import { waitFor } from '../support/waitFor';
import { useCekuraSuite } from './cekuraSuite';
import { editText } from './edits';
import { openReview } from './improveFlow';
import { SAMPLE_PROMPT, setSetting } from './support';

/** The sample prompt with a price on the line run 5546's proposal rewrites ("Keep calls short." → "…confirmed the booking."). */
const PRICED = SAMPLE_PROMPT.replace('Keep calls short.', 'Keep calls short. A cleaning costs $120.');
const GUARDRAIL = '⚠ Guardrails: a line about prices was changed or removed; look at it first: line 3: “Keep calls short. A cleaning costs $120.”';
/** Run 5546 failed metric 7 and category 311; the local improver's summary names both. */
const COVERED = '✓ Coverage: the summary or the edits address all 2 failures in focus.';
const SUMMARY = /Proposal by Cekura:/;

suite('Every proposal is checked, and the checks are shown', () => {
	const { api, user } = useCekuraSuite();

	test('the summary notification and Show Review Summary show each check as a line after the summary, those to look at first; the history entry keeps them', async () => {
		const { source } = await openReview(PRICED);
		const shown = await user.waitForMessage(SUMMARY);
		assert.equal(shown.severity, 'warning', 'a changed guardrail line did not make the summary a warning');
		const text = shown.text;
		for (const line of [
			GUARDRAIL,
			'⚠ Growth: +362 characters (≈+91 tokens), +194%, over the budget of +25%: every call pays for the longer prompt.',
			'✓ Placeholders: the prompt has none.',
			'✓ Locality: 66% of lines changed (6 of 9).',
			COVERED,
		]) assert.ok(text.includes(line), `the summary lacks "${line}": ${text}`);
		assert.ok(text.startsWith('Proposal by Cekura:'), 'a check comes before the summary');
		assert.ok(text.indexOf(GUARDRAIL) < text.indexOf('✓ Placeholders'), 'the checks to look at do not come first');

		user.messages.length = 0;
		await vscode.commands.executeCommand(Commands.showReviewSummary);
		assert.equal((await user.waitForMessage(SUMMARY)).text, text, 'Show Review Summary shows other lines');

		const [review] = api.reviews.openReviews;
		const entry = async (): Promise<HistoryEntry | undefined> => (await api.history.all()).find((e) => e.source.uri === source.document.uri.toString());
		await waitFor(async () => !!(await entry()), 'the history entry');
		const recorded = await entry();
		assert.deepEqual(recorded?.checks?.map((c) => c.kind), ['placeholders', 'locality', 'growth', 'coverage', 'guardrails']);
		assert.deepEqual(recorded?.checks, review.checks);
	});

	test('a proposal reopened from the history shows its recorded checks again, and the history list names those to look at', async () => {
		const { source } = await openReview(PRICED);
		await user.waitForMessage(SUMMARY);
		await vscode.commands.executeCommand(Commands.discardImprovement);
		await waitFor(async () => (await api.history.all()).some((e) => e.outcome === 'discarded'), 'the discarded entry');
		user.messages.length = 0;
		let listed: vscode.QuickPickItem | undefined;
		user.pick = (items, options) => {
			if (/^Cekura: Improvement History/.test(options.title ?? '')) {
				listed = items.find((i) => (i as { entry?: HistoryEntry }).entry?.source.uri === source.document.uri.toString());
				return listed;
			}
			return items.find((i) => /Reopen Review/.test(i.label));
		};
		await vscode.commands.executeCommand(Commands.showHistory);
		assert.ok(listed?.detail?.includes(GUARDRAIL), `the history list does not name the guardrail line: ${listed?.detail}`);
		assert.ok(!listed?.detail?.includes('✓'), 'the history list names fine checks too');
		const again = await user.waitForMessage(SUMMARY);
		assert.ok(again.text.includes(GUARDRAIL) && again.text.includes(COVERED), `the reopened review lacks its checks: ${again.text}`);
	});

	test('cekura.checks.growthBudgetPercent sets the budget the growth line measures against', async () => {
		await setSetting(Settings.checksGrowthBudgetPercent, 200);
		await openReview(PRICED);
		const shown = await user.waitForMessage(SUMMARY);
		assert.ok(shown.text.includes('✓ Growth: +362 characters (≈+91 tokens), +194%, within the budget of +200%.'), shown.text);
	});

	test('Improve Again with the same runs names the failures in focus from the runs, so the coverage line finds them in the summary', async () => {
		const { improved } = await openReview();
		await user.waitForMessage(SUMMARY);
		// Without the rule for metric 7, the same runs give a new proposal that adds it again.
		await editText(improved, '- Before ending any call in which an appointment was booked or moved, read back the date and time and wait for the caller to confirm.\n', '');
		user.messages.length = 0;
		user.pick = (items, options) => (/Improve Again with which runs/.test(options.title ?? '') ? items.find((i) => /Same runs/.test(i.label)) : undefined);
		user.onInputBox = () => '';
		await vscode.commands.executeCommand(Commands.improveAgain, improved.uri);
		const shown = await user.waitForMessage(SUMMARY);
		assert.ok(shown.text.includes(COVERED), `the coverage line did not find the failures by name: ${shown.text}`);
	});
});
