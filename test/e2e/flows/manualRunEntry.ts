import * as assert from 'node:assert/strict';
import type { Flow } from '../workbench';
import { chooseManualEntry, improveRequests, improveSelection, PROMPT_FILE_TEXT, setApiKey, waitForQuickInputText, waitForQuickInputTitle } from './steps';

/** Typing run IDs: invalid input is refused in place, duplicates dropped; then Discard changes nothing. */
export const manualRunEntry: Flow = {
	name: 'manualRunEntry',
	async run(ctx) {
		const { wb, shotsDir } = ctx;
		await setApiKey(wb);
		await improveSelection(wb);
		await chooseManualEntry(wb);
		await wb.typeInQuickInput('5546, abc');
		await waitForQuickInputText(wb, /"abc" is not a run ID/);
		await wb.typeInQuickInput('5546 5547 5548 5549');
		await waitForQuickInputText(wb, /At most 3 runs/);
		await wb.screenshot(shotsDir, 'manual-entry-refused.png');
		await wb.typeInQuickInput('5546 5546, 5547');
		// Valid input: the box shows its prompt again instead of a complaint.
		await waitForQuickInputText(wb, /^Run IDs, separated by commas or spaces/m);
		await wb.acceptQuickInput();

		// Unchecking every failure, then OK, means no filter.
		await waitForQuickInputTitle(wb, /Focus the improvement/);
		await wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row[aria-checked="true"]').first().waitFor({ timeout: 15_000 });
		for (let row = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row[aria-checked="true"]'); (await row.count()) > 0; ) {
			await wb.toggleQuickPickRow(((await row.first().getAttribute('aria-label')) ?? '').split(',')[0]);
		}
		await wb.clickQuickPickOk();
		await wb.waitForDiffEditor('Original ↔ Improved (runs 5546, 5547)');
		const body = improveRequests(ctx)[0]?.body;
		assert.deepEqual(body?.run_ids, [5546, 5547]);
		assert.equal(body?.workflow_metric_ids, undefined, 'no focus was chosen, yet workflow_metric_ids were sent');
		assert.equal(body?.category_ids, undefined, 'no focus was chosen, yet category_ids were sent');

		await wb.clickNotificationButton(/lines, \+\d+/, 'Discard');
		await wb.page.locator('.part.editor .tab.active', { hasText: 'dental-front-desk.md' }).waitFor({ timeout: 15_000 });
		const text = await wb.editorText();
		assert.ok(text.includes(PROMPT_FILE_TEXT) && !text.includes('Rules learned from test runs'), 'Discard changed the file');
		assert.equal(await wb.page.locator('.tab', { hasText: 'Original ↔ Improved' }).count(), 0, 'the review tab is still open');
	},
};
