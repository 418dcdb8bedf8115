import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { waitFor, waitForValue } from '../../support/waitFor';
import type { Flow, Workbench } from '../workbench';
import { assertScreenReaderLabels, reviewActionTitles } from './screenReaderLabels';
import { clickEditorAction, waitForQuickInputTitle } from './steps';

/**
 * VS Code started with `--locale de`: the extension's command titles come from package.nls.de.json and its messages
 * from l10n/bundle.l10n.de.json, although VS Code's own menus stay English (the test language pack translates none).
 */
export const germanLocale: Flow = {
	name: 'germanLocale',
	locale: 'de',
	async run({ wb, workspaceDir, shotsDir, log }) {
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
		await waitForQuickInputTitle(wb, /^Cekura: Bis zu 3 Läufe auswählen · 0 von 3 ausgewählt \(1\/\d\)$/);
		const runRows = await waitForValue(async () => {
			const listed = await wb.quickPickRows();
			return listed.some((row) => row.includes('Fehlgeschlagen')) ? listed : undefined;
		}, 'runs marked Fehlgeschlagen in the run picker', 15_000, 200);
		log(`run picker in German: ${await wb.screenshot(shotsDir, 'german-run-picker.png', { moveMouse: false })}`);
		assert.ok(!runRows.some((row) => /\bFailed\b/.test(row)), `an English outcome in the run picker: ${JSON.stringify(runRows)}`);
		await wb.closeQuickInput();

		// A prompt inside a single-quoted YAML string cannot take the proposal's new lines: Apply refuses, and the
		// reason names how the prompt is written in German too.
		const yamlFile = path.join(workspaceDir, 'agent.yaml');
		const yamlText = "p: 'You are the front desk of Bright Smile Dental. Be brief.'\n";
		fs.writeFileSync(yamlFile, yamlText);
		await wb.openFile('agent.yaml', 'Bright Smile Dental');
		await selectInsideQuotes(wb, 'p: \''.length);
		await wb.runCommand('Cekura: Prompt anhand von Läufen verbessern…');
		await waitForQuickInputTitle(wb, /^Cekura: Bis zu 3 Läufe auswählen/);
		await waitForValue(async () => ((await wb.quickPickRows()).some((row) => row.startsWith('#5546 ')) ? true : undefined), 'run #5546 in the run picker', 15_000, 200);
		await wb.toggleQuickPickRow(/#5546 /);
		await wb.clickQuickPickOk();
		await waitFor(
			async () => {
				const texts = await wb.quickPickTitleOrMessage().catch(() => undefined);
				return !!texts && /Schwerpunkt der Verbesserung/.test(texts.title) && !/Es wird ermittelt/.test(texts.placeholder);
			},
			'the focus step, in German, to finish loading',
			15_000,
			200,
		);
		await wb.clickQuickPickOk();
		await wb.waitForDiffEditor('Original ↔ Verbessert (Läufe 5546)');
		await assertScreenReaderLabels(
			wb,
			{
				titles: reviewActionTitles('de'),
				status: /^Cekura-Überprüfung von agent\.yaml: \+\d+ −\d+ Zeilen · .+ offen\. Aktivieren, um die Zusammenfassung der Änderungen anzuzeigen\.$/,
			},
			log,
		);
		await clickEditorAction(wb, 'Verbesserten Prompt übernehmen');
		const refusal = await wb.waitForNotification(/Die Verbesserung wurde nicht übernommen/);
		log(`refusal: ${refusal}`);
		log(`refusal in German: ${await wb.screenshot(shotsDir, 'german-refusal.png')}`);
		assert.match(refusal, /daher kann er nicht als das Innere eines YAML-Strings in einfachen Anführungszeichen geschrieben werden/);
		assert.doesNotMatch(refusal, /the inside of|single-quoted/, 'an English description in the German refusal');
		assert.equal(fs.readFileSync(yamlFile, 'utf8'), yamlText, 'the file changed although Apply refused');
	},
};

/** Selects the text between the quotes of line 1, whose opening quote ends at column `afterQuote` (0-based). */
async function selectInsideQuotes(wb: Workbench, afterQuote: number): Promise<void> {
	await wb.selectLines(1, 1);
	await wb.page.keyboard.press('Home');
	for (let i = 0; i < afterQuote; i++) await wb.page.keyboard.press('ArrowRight');
	await wb.page.keyboard.press('Shift+End');
	await wb.page.keyboard.press('Shift+ArrowLeft');
	await wb.page.locator('.part.statusbar .statusbar-item', { hasText: /\(\d+ ausgewählt\)|\(\d+ selected\)/ }).first().waitFor({ timeout: 5_000 });
}
