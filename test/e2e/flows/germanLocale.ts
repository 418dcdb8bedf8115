import * as assert from 'node:assert/strict';
import { waitForValue } from '../../support/waitFor';
import type { Flow } from '../workbench';
import { waitForQuickInputTitle } from './steps';

/**
 * VS Code started with `--locale de`: the extension's command titles come from package.nls.de.json and its messages
 * from l10n/bundle.l10n.de.json, although VS Code's own menus stay English (the test language pack translates none).
 */
export const germanLocale: Flow = {
	name: 'germanLocale',
	locale: 'de',
	async run({ wb, shotsDir, log }) {
		// The extension's commands reach the palette once its host has scanned it: ask again until they are listed.
		const rows = await waitForValue(async () => {
			const listed = await wb.commandPaletteRows('Cekura:');
			if (listed.some((row) => row.startsWith('Cekura: '))) return listed;
			await wb.closeQuickInput();
			return undefined;
		}, 'the Cekura commands in the palette', 60_000, 1_000);
		assert.ok(rows.some((row) => row.startsWith('Cekura: Prompt anhand von Läufen verbessern…')), `palette rows for "Cekura:": ${JSON.stringify(rows)}`);
		assert.ok(rows.some((row) => row.startsWith('Cekura: API-Schlüssel entfernen')), `palette rows for "Cekura:": ${JSON.stringify(rows)}`);
		log(`palette in German: ${await wb.screenshot(shotsDir, 'german-palette.png', { moveMouse: false })}`);
		await wb.closeQuickInput();

		// No key is stored in a new profile: the command says so, in German.
		await wb.runCommand('Cekura: API-Schlüssel entfernen');
		const message = await wb.waitForNotification(/Cekura: Es war kein API-Schlüssel gespeichert\./);
		log(`notification: ${message}`);
		log(`notification in German: ${await wb.screenshot(shotsDir, 'german-notification.png')}`);

		// Improving asks for the key, then lists the runs: the picker's title and each run's outcome (from src/core,
		// through @vscode/l10n) are German too.
		await wb.openFile('dental-front-desk.md', 'Bright Smile Dental');
		await wb.selectLines(3, 4);
		await wb.runCommand('Cekura: Prompt anhand von Läufen verbessern…');
		await waitForQuickInputTitle(wb, /^Cekura: API-Schlüssel festlegen$/);
		assert.match(await wb.page.locator('.quick-input-widget').innerText(), /Es ist noch kein Cekura-API-Schlüssel festgelegt\./);
		await wb.typeInQuickInput('ck_demo_local');
		await wb.acceptQuickInput();
		await waitForQuickInputTitle(wb, /^Cekura: Bis zu 3 Läufe auswählen \(0\/3 ausgewählt\)$/);
		const runRows = await waitForValue(async () => {
			const listed = await wb.quickPickRows();
			return listed.some((row) => row.includes('Fehlgeschlagen')) ? listed : undefined;
		}, 'runs marked Fehlgeschlagen in the run picker', 15_000, 200);
		log(`run picker in German: ${await wb.screenshot(shotsDir, 'german-run-picker.png', { moveMouse: false })}`);
		assert.ok(!runRows.some((row) => /\bFailed\b/.test(row)), `an English outcome in the run picker: ${JSON.stringify(runRows)}`);
		await wb.closeQuickInput();
	},
};
