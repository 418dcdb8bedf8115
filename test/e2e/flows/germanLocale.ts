import * as assert from 'node:assert/strict';
import { waitForValue } from '../../support/waitFor';
import type { Flow } from '../workbench';

/**
 * VS Code started with `--locale de`: the extension's command titles come from package.nls.de.json and its messages
 * from l10n/bundle.l10n.de.json, although VS Code's own menus stay English (no language pack is installed).
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
	},
};
