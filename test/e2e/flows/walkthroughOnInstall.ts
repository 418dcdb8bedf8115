import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Flow, FlowContext } from '../workbench';

const WALKTHROUGH = "Improve a voice agent's prompt from its test runs";
const STEPS = ['Set your Cekura API key', 'Choose the engine', 'Open your prompt and select it', 'Improve it from your runs', 'Review, then apply or discard'];

/**
 * A VS Code that has never had the extension: the user installs the packaged .vsix from the Extensions view
 * (… → Install from VSIX…), and VS Code opens the walkthrough by itself.
 */
export const walkthroughOnInstall: Flow = {
	name: 'walkthroughOnInstall',
	installsExtension: true,
	async run(ctx) {
		// As downloaded: alone in a folder of its own.
		const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'cekura-e2e-downloads-'));
		try {
			const downloaded = path.join(downloads, 'cekura-prompt-improver.vsix');
			fs.copyFileSync(ctx.vsix, downloaded);
			await installAndSeeWalkthrough(ctx, downloaded);
		} finally {
			fs.rmSync(downloads, { recursive: true, force: true });
		}
	},
};

async function installAndSeeWalkthrough({ wb, page, shotsDir, log }: FlowContext, vsix: string): Promise<void> {
	// A VS Code as shipped opens on its Welcome page; the extension is not installed yet: no walkthrough, no command.
	await page.locator('.part.editor .tab', { hasText: /^\s*Welcome\s*$/ }).first().waitFor({ timeout: 30_000 });
	const container = page.locator('.gettingStartedContainer');
	assert.equal(await container.getByText(WALKTHROUGH).count(), 0, 'the walkthrough is shown before the install');
	const before = await wb.commandPaletteRows('Cekura:');
	assert.ok(!before.some((row) => row.startsWith('Cekura: ')), `the extension is already installed: ${JSON.stringify(before)}`);
	await wb.closeQuickInput();

	await page.locator('.part.activitybar .action-item a.action-label[aria-label^="Extensions"]').first().click();
	const sidebar = page.locator('.part.sidebar');
	await sidebar.locator('.composite.title', { hasText: /Extensions/i }).first().waitFor({ timeout: 15_000 });
	await sidebar.locator('.title-actions .action-label[aria-label^="Views and More Actions"]').first().click();
	await page.locator('.monaco-menu .action-item:not(.disabled) .action-label', { hasText: /^Install from VSIX\.\.\.$/ }).first().click();

	// VS Code's own file dialog (the files live on the server): once it lists its first folder, type the path, then Install.
	const widget = page.locator('.quick-input-widget');
	await widget.locator('.quick-input-title', { hasText: /^Install from VSIX$/ }).waitFor({ timeout: 15_000 });
	await widget.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 15_000 });
	await widget.locator('.quick-input-box input').fill(vsix);
	// The dialog moves to the typed file's folder, which lists it.
	await widget.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(vsix) }).first().waitFor({ timeout: 15_000 });
	log(`file dialog: ${await wb.screenshot(shotsDir, 'install-from-vsix.png', { moveMouse: false })}`);
	await widget.locator('.monaco-button', { hasText: /^Install$/ }).first().click();

	await wb.waitForNotification(/^Completed installing extension\.$/, 60_000);

	// Nothing else is clicked: VS Code opens the walkthrough by itself, on its first step.
	await container.locator('.getting-started-step.expanded', { hasText: STEPS[0] }).first().waitFor({ timeout: 60_000 });
	assert.ok(await container.getByText(WALKTHROUGH).first().isVisible(), 'the walkthrough title is not shown');
	for (const step of STEPS) {
		assert.equal(await container.locator('.getting-started-step', { hasText: step }).count(), 1, `step "${step}" is missing`);
	}
	log(`walkthrough opened on install: ${await wb.screenshot(shotsDir, 'walkthrough-on-install.png')}`);
}
