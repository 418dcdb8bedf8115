import * as assert from 'node:assert/strict';
import type { Flow } from '../workbench';

/**
 * The Language Model API's consent, as a user meets it: the test consumer (test/fixtures/lm-consumer) asks the test
 * provider's models (test/fixtures/lm-provider). The plain `cekura-test` model answers at once; the
 * `cekura-test-auth` model (requiresAuthorization) first shows a modal dialog, which the flow answers with Allow;
 * afterwards VS Code remembers the answer. (In the integration run the same dialog is refused: NoPermissions.)
 */
export const languageModelConsent: Flow = {
	name: 'languageModelConsent',
	async run({ wb, page, shotsDir, log }) {
		const answered = /cekura-test consumer: answered Greet the caller\. Before ending the call, read back the booked date and time/;
		const dialog = page.locator('.monaco-dialog-box');

		await wb.runCommand('Cekura Test: Ask the Test Model');
		log(`no consent for the plain provider: ${await wb.waitForNotification(answered)}`);
		assert.equal(await dialog.count(), 0, 'a dialog appeared for the model without requiresAuthorization');
		await wb.reset(); // clears the notification: the next answer reads the same

		await wb.runCommand('Cekura Test: Ask the Consent Model');
		await dialog.waitFor({ state: 'visible', timeout: 15_000 });
		const message = (await dialog.locator('.dialog-message-text').innerText()).trim();
		const detail = (await dialog.locator('.dialog-message-detail').innerText().catch(() => '')).trim();
		const buttons = (await dialog.locator('.dialog-buttons .monaco-button').allInnerTexts()).map((b) => b.trim());
		log(`consent dialog: "${message}" / detail "${detail}" / buttons ${JSON.stringify(buttons)}`);
		log(`screenshot: ${await wb.screenshot(shotsDir, 'lm-consent-dialog.png', { moveMouse: false })}`);
		assert.equal(message, "The extension 'Cekura Test LM Consumer' wants to access the language models provided by Cekura Test Models.");
		assert.equal(detail, 'Justification: The Cekura UI test asks for a rewrite.');
		assert.ok(buttons.includes('Allow'), `dialog buttons: ${JSON.stringify(buttons)}`);
		await dialog.locator('.dialog-buttons .monaco-button', { hasText: 'Allow' }).click();
		await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
		log(`after Allow: ${await wb.waitForNotification(answered)}`);

		await wb.reset();
		await wb.runCommand('Cekura Test: Ask the Consent Model');
		await wb.waitForNotification(answered);
		assert.equal(await dialog.count(), 0, 'the consent dialog came back after Allow');
		log('the second request went through without asking again');
	},
};
