import * as assert from 'node:assert/strict';
import type { Flow } from '../workbench';
import { waitForQuickInputTitle } from './steps';

const WALKTHROUGH = "Improve a voice agent's prompt from its test runs";

/** The walkthrough teaches the first run, its buttons run the commands; the editor title bar offers Improve on a prompt file. */
export const walkthrough: Flow = {
	name: 'walkthrough',
	async run({ wb, shotsDir, log }) {
		await wb.runCommand('Welcome: Open Walkthrough...');
		await waitForQuickInputTitle(wb, /walkthrough/i).catch(() => undefined);
		const rows = await wb.quickPickRows();
		assert.ok(rows.some((r) => r.includes(WALKTHROUGH)), `the walkthrough is not offered: ${JSON.stringify(rows)}`);
		await wb.clickQuickPickRowByLabel(new RegExp(WALKTHROUGH.replace(/'/g, '.')));

		const page = wb.page.locator('.gettingStartedContainer');
		await page.locator('.getting-started-step', { hasText: 'Set your Cekura API key' }).first().waitFor({ timeout: 15_000 });
		for (const step of ['Choose the engine', 'Open your prompt and select it', 'Improve it from your runs', 'Review, then apply or discard']) {
			assert.equal(await page.locator('.getting-started-step', { hasText: step }).count(), 1, `step "${step}" is missing`);
		}
		log(`walkthrough: ${await wb.screenshot(shotsDir, 'walkthrough.png')}`);

		// The step's button runs the command: the key box opens.
		await page.locator('.getting-started-step', { hasText: 'Set your Cekura API key' }).first().click();
		await page.locator('.monaco-button, a', { hasText: /^Set API Key$/ }).first().click();
		await waitForQuickInputTitle(wb, /Cekura: Set API Key/);
		await wb.closeQuickInput();

		// A prompt file's title bar offers Improve Prompt from Runs….
		await wb.openFile('front-desk.prompty', 'Keep calls short.');
		const action = wb.page.locator('.part.editor .editor-group-container.active .editor-actions .action-label[aria-label*="Improve Prompt from Runs"]');
		await action.first().waitFor({ state: 'visible', timeout: 15_000 });
	},
};
