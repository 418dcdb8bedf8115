import * as assert from 'node:assert/strict';
import type { Flow } from '../workbench';
import { openReview, setApiKey } from './steps';

/** Editing the original prompt while its review is open: Apply refuses and the edit survives. */
export const driftRefused: Flow = {
	name: 'driftRefused',
	async run(ctx) {
		const { wb, shotsDir } = ctx;
		await setApiKey(wb);
		await openReview(ctx);

		await wb.page.locator('.part.editor .tab', { hasText: 'dental-front-desk.md' }).first().click();
		await wb.page.locator('.part.editor .tab.active', { hasText: 'dental-front-desk.md' }).waitFor({ timeout: 15_000 });
		await wb.selectLines(4, 4);
		await wb.page.keyboard.press('End');
		await wb.page.keyboard.type(' EDITED BY ME');
		await wb.runCommand('Cekura: Apply Improved Prompt');

		const warning = await wb.waitForNotification(/was edited after it was sent to Cekura/);
		assert.match(warning, /not applied/);
		await wb.screenshot(shotsDir, 'drift-refused.png');
		const text = await wb.editorText();
		assert.ok(text.includes('EDITED BY ME'), 'the user\'s edit was lost');
		assert.ok(!text.includes('Rules learned from test runs'), 'the improvement was applied over the edit');
	},
};
