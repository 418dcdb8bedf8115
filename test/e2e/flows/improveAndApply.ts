import * as assert from 'node:assert/strict';
import type { Flow } from '../workbench';
import { waitFor } from '../../support/waitFor';
import { diffShownAt, markReviewDiffShown, recordResponseToDiff, waitForReviewDiffShown, WRITING_TIME_MS } from './responseToDiff';
import { acceptFocus, clickEditorAction, improveRequests, improveSelection, pickRuns, setApiKey, waitForRunList } from './steps';

/** The main path: key, right-click, runs (failed first), focus, diff with summary, Apply from the title bar, Undo. */
export const improveAndApply: Flow = {
	name: 'improveAndApply',
	async run(ctx) {
		const { wb, shotsDir, log } = ctx;
		await setApiKey(wb);
		await improveSelection(wb);

		const rows = await waitForRunList(wb);
		const runRows = rows.filter((r) => /^#\d+ /.test(r));
		const firstPassed = runRows.findIndex((r) => /Passed/.test(r));
		const lastFailed = runRows.map((r) => /Failed/.test(r)).lastIndexOf(true);
		assert.ok(lastFailed >= 0, `no failed runs listed: ${JSON.stringify(runRows.slice(0, 5))}`);
		assert.ok(firstPassed === -1 || lastFailed < firstPassed, 'a passed run is listed before a failed one');
		assert.ok(rows[0].includes('Enter run IDs manually'), `the first row is ${JSON.stringify(rows[0])}`);
		log(`${runRows.length} runs listed, first: ${runRows[0]}`);
		await wb.screenshot(shotsDir, 'run-picker.png');

		await pickRuns(wb, [5546]);
		// Cekura takes its time to write a proposal, as a model does: the progress notification is up when it arrives.
		ctx.server.setModes({ improve: 'slow', delayMs: WRITING_TIME_MS });
		await markReviewDiffShown(wb.page, 'Original ↔ Improved (runs 5546)');
		const focus = await acceptFocus(wb);
		assert.ok(focus.some((r) => r.includes('Booking confirmed')), `focus rows ${JSON.stringify(focus)}`);

		await waitForReviewDiffShown(wb.page, 'Original ↔ Improved (runs 5546)');
		const seenAt = Date.now();
		await wb.waitForDiffEditor('Original ↔ Improved (runs 5546)');
		const answeredAt = improveRequests(ctx)[0]?.answeredAt;
		const shown = await diffShownAt(wb.page, answeredAt);
		const shownIn = recordResponseToDiff(shotsDir, answeredAt, shown.at, 'improveAndApply');
		log(`Cekura's answer → review diff painted: ${shownIn} ms (${shown.stages}; seen by polling +${answeredAt === undefined ? '?' : seenAt - answeredAt}; answer sent at ${answeredAt === undefined ? '?' : new Date(answeredAt).toISOString()})`);
		const summary = await wb.waitForNotification(/Rules learned from test runs|Added/);
		assert.match(summary, /\+\d+ −\d+ lines/);
		const improved = await wb.readDiffSide('modified');
		assert.match(improved, /Rules learned from test runs/);
		assert.ok(!(await wb.readDiffSide('original')).includes('Rules learned from test runs'));
		const body = improveRequests(ctx)[0]?.body;
		assert.deepEqual(body?.run_ids, [5546]);
		assert.ok(body?.workflow_metric_ids?.includes(7), `workflow_metric_ids ${JSON.stringify(body?.workflow_metric_ids)}`);
		// Typing into the original side does nothing: it is read-only.
		const originalSide = wb.page.locator('.part.editor .editor-group-container.active .monaco-diff-editor .editor.original .view-line', { hasText: '## Rules' }).first();
		await originalSide.click({ timeout: 10_000 });
		await wb.page.keyboard.press('End');
		await wb.page.keyboard.type('TYPED');
		// VS Code answers typing into a read-only editor with a message over it.
		await wb.page.locator('.monaco-editor-overlaymessage', { hasText: /read-only/i }).first().waitFor({ timeout: 10_000 });
		assert.ok(!(await wb.readDiffSide('original')).includes('TYPED'), 'the original side of the review took typing');
		assert.ok(!(await wb.readDiffSide('modified')).includes('TYPED'), 'the click did not reach the original side (the typing went to the improved side)');

		const status = wb.page.locator('.statusbar-item', { hasText: /Cekura: \+\d+ −\d+ lines/ });
		await status.first().waitFor({ timeout: 10_000 });
		log(`review: ${await wb.screenshot(shotsDir, 'review.png')}`);

		await clickEditorAction(wb, 'Apply Improved Prompt');
		await wb.page.locator('.part.editor .tab.active', { hasText: 'dental-front-desk.md' }).waitFor({ timeout: 15_000 });
		await status.first().waitFor({ state: 'hidden', timeout: 10_000 });
		const applied = await wb.editorText();
		assert.match(applied, /Rules learned from test runs/);
		assert.match(applied, /^# Bright Smile Dental/);
		await wb.screenshot(shotsDir, 'applied.png');

		await wb.page.keyboard.press('ControlOrMeta+Z');
		await waitFor(async () => !(await wb.editorText()).includes('Rules learned from test runs'), 'one Undo to restore the original prompt');
	},
};
