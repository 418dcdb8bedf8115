import * as assert from 'node:assert/strict';
import type { Flow } from '../workbench';
import { IMPROVE_TITLE, waitForQuickInputTitle } from './steps';

/** The extension's entry points are where a user looks for them: the editor context menu and the palette. */
export const commandEntryPoints: Flow = {
	name: 'commandEntryPoints',
	async run({ wb, shotsDir, log }) {
		await wb.openFile('dental-front-desk.md', 'Bright Smile Dental');
		await wb.selectLines(3, 4);
		await wb.contextMenuCommand(IMPROVE_TITLE, async () => {
			log(`context menu: ${await wb.screenshot(shotsDir, 'context-menu.png', { moveMouse: false })}`);
		});

		// No key is stored in a new profile: the command asks for one first.
		await waitForQuickInputTitle(wb, /Cekura: Set API Key/);
		assert.match((await wb.quickPickTitleOrMessage()).message + (await wb.page.locator('.quick-input-widget').innerText()), /No Cekura API key is set yet/);
		await wb.closeQuickInput();

		const setKeyRows = await wb.commandPaletteRows('Cekura: Set API Key');
		assert.ok(setKeyRows.some((row) => row === 'Cekura: Set API Key' || row.startsWith('Cekura: Set API Key,')), `palette rows for "Cekura: Set API Key": ${JSON.stringify(setKeyRows)}`);
		await wb.closeQuickInput();

		// Listing every Cekura command at once makes the negative check meaningful: the list has rendered.
		const cekuraRows = await wb.commandPaletteRows('Cekura:');
		assert.ok(cekuraRows.some((row) => row.startsWith(`Cekura: ${IMPROVE_TITLE}`)), `palette rows for "Cekura:": ${JSON.stringify(cekuraRows)}`);
		for (const hidden of ['Cekura: Apply Improved Prompt', 'Cekura: Discard Improved Prompt', 'Cekura: Show Summary of Changes', 'Cekura: Show Evidence', 'Cekura: Test Proposal in Simulated Chats…', 'Cekura: Improve Again with Test Results']) {
			// Rows read "<title>[, <keybinding>]".
			assert.ok(!cekuraRows.some((row) => row === hidden || row.startsWith(`${hidden},`)), `"${hidden}" is offered in the palette although no review is open: ${JSON.stringify(cekuraRows)}`);
		}
		await wb.closeQuickInput();
		log(`palette offers: ${cekuraRows.join(' | ')}`);
	},
};
