import * as assert from 'node:assert/strict';
import type { Flow } from '../workbench';
import { acceptFocus, clickEditorAction, improveRequests, improveSelection, pickRuns, setApiKey } from './steps';

/**
 * A user who just cloned an agent's repository and did not trust it: the folder opens in Restricted Mode, and the
 * extension still improves and applies a prompt (its settings that send data elsewhere are user-level only).
 */
export const restrictedMode: Flow = {
	name: 'restrictedMode',
	untrustedFolder: true,
	async run(ctx) {
		const { wb, shotsDir, log } = ctx;
		// Depending on the startup prompt, the workbench asks first or opens the folder in Restricted Mode at once.
		const decline = wb.page.locator('.monaco-dialog-box .monaco-button', { hasText: /No, I don.t trust the authors/ }).first();
		const restricted = wb.page.locator('.statusbar-item', { hasText: /Restricted Mode/ }).first();
		await decline.or(restricted).waitFor({ state: 'visible', timeout: 60_000 });
		if (await decline.isVisible()) await decline.click();
		await wb.waitForReady();
		await restricted.waitFor({ timeout: 15_000 });
		log(`Restricted Mode: ${await wb.screenshot(shotsDir, 'restricted-mode.png', { moveMouse: false })}`);

		await setApiKey(wb);
		await improveSelection(wb);
		await pickRuns(wb, [5546]);
		await acceptFocus(wb);
		await wb.waitForDiffEditor('Original ↔ Improved (runs 5546)');
		log(`review in Restricted Mode: ${await wb.screenshot(shotsDir, 'restricted-review.png')}`);
		await clickEditorAction(wb, 'Apply Improved Prompt');
		await wb.page.locator('.part.editor .tab.active', { hasText: 'dental-front-desk.md' }).waitFor({ timeout: 15_000 });
		assert.match(await wb.editorText(), /Rules learned from test runs/);
		assert.equal(improveRequests(ctx).length, 1);
	},
};
