import * as assert from 'node:assert/strict';
import type { Flow } from '../workbench';

const IMPROVE_TITLE = 'Improve Prompt from Runs…';

/** The extension's entry points are where a user looks for them: the editor context menu and the palette. */
export const commandEntryPoints: Flow = {
	name: 'commandEntryPoints',
	async run({ wb, shotsDir, log }) {
		await wb.openFile('dental-front-desk.md', 'Bright Smile Dental');
		await wb.selectLines(3, 4);
		await wb.contextMenuCommand(IMPROVE_TITLE, async () => {
			log(`context menu: ${await wb.screenshot(shotsDir, 'context-menu.png', { moveMouse: false })}`);
		});

		// The placeholder build answered with a message naming the command; the real one opens a quick input
		// (the API key prompt when no key is stored, else the run picker). Either proves the command ran.
		const reaction = await Promise.any([
			wb.waitForNotification(/cekura\.improvePrompt/).then((text) => `notification "${text}"`),
			wb.page
				.locator('.quick-input-widget')
				.waitFor({ state: 'visible', timeout: 15_000 })
				.then(async () => {
					const texts = await wb.quickPickTitleOrMessage();
					return `quick input titled "${texts.title}" (placeholder "${texts.placeholder}")`;
				}),
		]).catch(() => {
			throw new Error(`"${IMPROVE_TITLE}" showed neither a notification nor a quick input within 15 s`);
		});
		log(`${IMPROVE_TITLE} answered with a ${reaction}`);
		await wb.closeQuickInput();

		const setKeyRows = await wb.commandPaletteRows('Cekura: Set API Key');
		assert.ok(setKeyRows.some((row) => row === 'Cekura: Set API Key' || row.startsWith('Cekura: Set API Key,')), `palette rows for "Cekura: Set API Key": ${JSON.stringify(setKeyRows)}`);
		await wb.closeQuickInput();

		// Listing every Cekura command at once makes the negative check meaningful: the list has rendered.
		const cekuraRows = await wb.commandPaletteRows('Cekura:');
		assert.ok(cekuraRows.some((row) => row.startsWith(`Cekura: ${IMPROVE_TITLE}`)), `palette rows for "Cekura:": ${JSON.stringify(cekuraRows)}`);
		for (const hidden of ['Cekura: Apply Improved Prompt', 'Cekura: Discard Improved Prompt', 'Cekura: Show Summary of Changes']) {
			// Rows read "<title>[, <keybinding>]".
			assert.ok(!cekuraRows.some((row) => row === hidden || row.startsWith(`${hidden},`)), `"${hidden}" is offered in the palette although no review is open: ${JSON.stringify(cekuraRows)}`);
		}
		await wb.closeQuickInput();
		log(`palette offers: ${cekuraRows.join(' | ')}`);
	},
};
