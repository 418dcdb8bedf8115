import * as assert from 'node:assert/strict';
import type { Flow } from '../workbench';
import { diffShownAt, markReviewDiffShown, recordResponseToDiff, waitForReviewDiffShown, WRITING_TIME_MS } from './responseToDiff';
import { acceptFocus, improveRequests, improveSelection, pickRuns, setApiKey, waitForRunList } from './steps';

/** How many proposals the flow times: enough for a median that one slow frame does not move. */
const PROPOSALS = 10;

/**
 * The improve loop a person repeats — right-click, runs (the ones used last are checked), focus, the review diff,
 * Discard from the summary — timed from each answer to its review diff painted, for `npm run bench`.
 */
export const reviewDiffTimes: Flow = {
	name: 'reviewDiffTimes',
	async run(ctx) {
		const { wb, shotsDir, log } = ctx;
		await setApiKey(wb);
		ctx.server.setModes({ improve: 'slow', delayMs: WRITING_TIME_MS });
		const title = 'Original ↔ Improved (runs 5546)';
		const times: number[] = [];
		for (let i = 0; i < PROPOSALS; i++) {
			await improveSelection(wb);
			if (i === 0) {
				await pickRuns(wb, [5546]);
			} else {
				await waitForRunList(wb);
				await wb.clickQuickPickOk();
			}
			await markReviewDiffShown(wb.page, title);
			await acceptFocus(wb);
			await waitForReviewDiffShown(wb.page, title);
			await wb.waitForDiffEditor(title);
			const answeredAt = improveRequests(ctx)[i]?.answeredAt;
			assert.deepEqual(improveRequests(ctx)[i]?.body?.run_ids, [5546], `proposal ${i + 1} was not asked for the runs used last`);
			const shown = await diffShownAt(wb.page, answeredAt);
			const ms = recordResponseToDiff(shotsDir, answeredAt, shown.at, 'reviewDiffTimes');
			assert.ok(ms !== undefined, `proposal ${i + 1}: no time from the answer to the painted diff (${shown.stages})`);
			times.push(ms);
			log(`proposal ${i + 1}: answer → review diff painted ${ms} ms (${shown.stages})`);

			const summary = wb.notification(/Proposal by Cekura/);
			await summary.waitFor({ timeout: 15_000 });
			await summary.locator('.monaco-button', { hasText: /^Discard$/ }).click();
			await wb.page.locator('.part.editor .tab', { hasText: title }).waitFor({ state: 'hidden', timeout: 15_000 });
		}
		const sorted = [...times].sort((a, b) => a - b);
		log(`${PROPOSALS} proposals: min ${sorted[0]} ms, median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted[sorted.length - 1]} ms`);
	},
};
