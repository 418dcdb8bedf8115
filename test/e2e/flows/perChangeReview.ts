import * as assert from 'node:assert/strict';
import { waitFor } from '../../support/waitFor';
import type { Flow, Workbench } from '../workbench';
import { clickEditorAction, openReview, setApiKey, waitForApplied } from './steps';

const MODIFIED = '.part.editor .editor-group-container.active .monaco-diff-editor .editor.modified';

async function statusBar(wb: Workbench, text: RegExp): Promise<void> {
	await wb.page.locator('.part.statusbar .statusbar-item', { hasText: text }).first().waitFor({ timeout: 15_000 });
}

/** One change at a time: the keyboard keeps the user's own change, a CodeLens click reverts Cekura's; Apply writes the result. */
export const perChangeReview: Flow = {
	name: 'perChangeReview',
	async run(ctx) {
		const { wb, shotsDir, log } = ctx;
		await setApiKey(wb);
		// VS Code shows CodeLenses in diff editors only with `diffEditor.codeLens` on: run-ui.ts sets it, as a user does.
		try {
			await openReview(ctx);
			log('review open');
			await statusBar(wb, /Cekura: \+\d+ −\d+ lines · 1 of 1 change left/);

			// A change of the user's own on the proposal side: two changes to decide. (VS Code shows the first change,
			// at the end: the user goes back to the top.)
			await wb.page.keyboard.press('Control+Home');
			await wb.page.locator(`${MODIFIED} .view-line`, { hasText: '## Style' }).first().click();
			await wb.page.keyboard.press('End');
			await wb.page.keyboard.type(' and tone');
			log('typed a change of the user\'s own');
			await statusBar(wb, /· 2 of 2 changes left/);
			const lenses = wb.page.locator(`${MODIFIED} .codelens-decoration a`, { hasText: 'Keep Original' });
			await waitFor(async () => (await lenses.count()) === 2, 'a Keep Original CodeLens above each of the two changes');
			// A key spelled by the extension host may be wrong (remote windows, rebound keys): the tooltip names the command.
			assert.equal(await lenses.first().getAttribute('title'), 'Put the original lines back in place of this change. Command: Cekura: Keep Original (This Change)');
			log(`review with two changes: ${await wb.screenshot(shotsDir, 'per-change-review.png')}`);

			// The keyboard: from the top, to the first change, keep it; the cursor moves on to the next one.
			await wb.page.keyboard.press('Control+Home');
			await statusBar(wb, /Ln 1, Col 1\b/);
			await wb.page.keyboard.press('Control+Alt+.');
			await statusBar(wb, /Ln 9, Col 1\b/);
			await wb.page.keyboard.press('Control+Alt+]');
			await statusBar(wb, /· 1 of 2 changes left/);
			await waitFor(async () => (await lenses.count()) === 1, 'the lenses of the kept change to go');

			// The mouse: Keep Original on Cekura's change (the rules section it appended).
			await lenses.first().click();
			await statusBar(wb, /· all 2 changes decided/);
			const modified = await wb.readDiffSide('modified');
			assert.ok(!modified.includes('Rules learned from test runs'), 'Keep Original left Cekura\'s rules on the proposal side');
			await wb.screenshot(shotsDir, 'per-change-decided.png');

			await clickEditorAction(wb, 'Apply Improved Prompt');
			await waitForApplied(wb);
			const applied = await wb.editorText();
			assert.match(applied, /## Style and tone\n- Speak in short/);
			assert.ok(!applied.includes('Rules learned from test runs'), 'the reverted change was applied');
		} catch (err) {
			log(`failed: ${await wb.screenshot(shotsDir, 'per-change-failed.png')}`);
			throw err;
		}
	},
};
