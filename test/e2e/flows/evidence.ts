import * as assert from 'node:assert/strict';
import type { Flow } from '../workbench';
import { clickEditorAction, openReview, setApiKey } from './steps';

/**
 * Show Evidence from the review's title bar: the run's failing metric and the transcript around the failure appear
 * in a Markdown preview in the editor group beside the diff, and the diff stays where it was.
 */
export const evidence: Flow = {
	name: 'evidence',
	async run(ctx) {
		const { wb, shotsDir, log } = ctx;
		await setApiKey(wb);
		await openReview(ctx, [5546]);

		await clickEditorAction(wb, 'Show Evidence');

		// The preview is a webview: its page lives in an inner frame of the webview's iframe.
		const previewTab = wb.page.locator('.part.editor .editor-group-container .tab', { hasText: /Preview Cekura Evidence \d+/ }).first();
		await previewTab.waitFor({ state: 'visible', timeout: 30_000 });
		const page = wb.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
		await page.locator('h2', { hasText: 'Run 5546: Reschedule cleaning to next week' }).waitFor({ timeout: 30_000 });
		const text = (await page.locator('body').innerText()).replace(/\u00a0/g, ' ');
		assert.match(text, /Failing metrics/);
		assert.match(text, /Booking confirmed \(metric 7\)/);
		assert.match(text, /The agent never read back the new appointment time\./);
		assert.match(text, /Ends call before confirming booking \(category 311, critical\)/);
		assert.match(text, /Transcript around 01:\d\d/);
		assert.match(text, /▶ \[01:58\] Main Agent:/, 'the cited moment of the transcript is not shown');
		assert.doesNotMatch(text, /\\[[\]():.]/, 'escapes must not show as backslashes');

		// Beside the diff: two editor groups, the diff in one and the preview in the other.
		const groups = wb.page.locator('.part.editor .editor-group-container');
		assert.equal(await groups.count(), 2, 'the preview did not open in a group of its own');
		const diffGroup = groups.filter({ has: wb.page.locator('.tab', { hasText: 'Original ↔ Improved (runs 5546)' }) });
		const previewGroup = groups.filter({ has: wb.page.locator('.tab', { hasText: /Preview Cekura Evidence/ }) });
		assert.equal(await diffGroup.count(), 1, 'the review diff is no longer open in its own group');
		assert.equal(await previewGroup.count(), 1);
		const [diffBox, previewBox] = [await diffGroup.boundingBox(), await previewGroup.boundingBox()];
		assert.ok(diffBox && previewBox && previewBox.x >= diffBox.x + diffBox.width - 2, `the preview (${JSON.stringify(previewBox)}) is not to the right of the diff (${JSON.stringify(diffBox)})`);
		log(`evidence beside the diff: ${await wb.screenshot(shotsDir, 'evidence.png')}`);
	},
};
