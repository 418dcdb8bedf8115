import * as assert from 'node:assert/strict';
import type { Flow } from '../workbench';
import { waitFor } from '../../support/waitFor';
import { chooseEngine } from './modelEngines';
import { acceptFocus, improveRequests, improveSelection, pickRuns, setApiKey, waitForQuickInputTitle } from './steps';

/** 404 on improve_prompt with the Cekura engine chosen: a first-class message, Show Log opens the log with the error. */
export const errorNotOffered: Flow = {
	name: 'errorNotOffered',
	async run(ctx) {
		const { wb, server, shotsDir } = ctx;
		await setApiKey(wb);
		await chooseEngine(wb, /Cekura, improve_prompt at /);
		try {
			server.setModes({ improve: 'removed-404' });
			await improveSelection(wb);
			await pickRuns(wb, [5546]);
			await acceptFocus(wb);
			const message = await wb.waitForNotification(/does not offer improve_prompt/);
			assert.match(message, /HTTP 404/);
			await wb.screenshot(shotsDir, 'error-not-offered.png');
			await wb.clickNotificationButton(/does not offer improve_prompt/, 'Show Log');
			await wb.page.locator('.part.panel .view-lines', { hasText: 'does not offer improve_prompt' }).first().waitFor({ timeout: 15_000 });
			assert.equal(await wb.page.locator('.tab', { hasText: 'Original ↔ Improved' }).count(), 0);
		} finally {
			await chooseEngine(wb, /Automatic, Cekura first/);
		}
	},
};

/** 401: Set API Key on the error, type a good key, and the request is retried to the review. */
export const errorUnauthorized: Flow = {
	name: 'errorUnauthorized',
	async run(ctx) {
		const { wb, shotsDir } = ctx;
		await setApiKey(wb, 'ck_not_a_real_key');
		await improveSelection(wb);
		// The run list is refused too: the picker falls back to typed IDs and says why.
		await waitForQuickInputTitle(wb, /Enter up to 3 run IDs/);
		assert.match(await wb.page.locator('.quick-input-widget').innerText(), /Could not list your runs: .*401/);
		await wb.typeInQuickInput('5546');
		await wb.acceptQuickInput();

		const message = await wb.waitForNotification(/rejected the API key \(401\)/);
		assert.match(message, /Invalid API key/, 'the message does not say what the server answered');
		await wb.screenshot(shotsDir, 'error-unauthorized.png');
		await wb.clickNotificationButton(/rejected the API key/, 'Set API Key');
		await wb.typeInQuickInput('ck_demo_local');
		await wb.acceptQuickInput();
		await wb.waitForDiffEditor('Original ↔ Improved (runs 5546)');
		assert.equal(improveRequests(ctx).length, 2);
	},
};

/** The run list refused (403): say why and fall back to typing run IDs. */
export const errorRunListForbidden: Flow = {
	name: 'errorRunListForbidden',
	async run(ctx) {
		const { wb, server } = ctx;
		await setApiKey(wb);
		server.setModes({ runsList: 'forbidden' });
		await improveSelection(wb);
		await waitForQuickInputTitle(wb, /Enter up to 3 run IDs/);
		assert.match(await wb.page.locator('.quick-input-widget').innerText(), /Could not list your runs: .*403/);
		await wb.closeQuickInput();
	},
};

/** A slow answer: the progress notification's Cancel aborts the request; nothing opens, nothing changes. */
export const cancelRequest: Flow = {
	name: 'cancelRequest',
	async run(ctx) {
		const { wb, server, shotsDir } = ctx;
		await setApiKey(wb);
		server.setModes({ improve: 'slow', delayMs: 60_000 });
		await improveSelection(wb);
		await pickRuns(wb, [5546]);
		await acceptFocus(wb);
		await wb.waitForNotification(/improving the prompt/);
		await wb.screenshot(shotsDir, 'progress.png');
		await wb.clickNotificationButton(/improving the prompt/, 'Cancel');
		await waitFor(() => improveRequests(ctx).some((r) => r.aborted), 'Cancel to abort the HTTP request');
		await wb.notification(/improving the prompt/).waitFor({ state: 'hidden', timeout: 10_000 });
		assert.equal(await wb.page.locator('.tab', { hasText: 'Original ↔ Improved' }).count(), 0);
		const errors = (await wb.notificationTexts()).filter((t) => /Cekura:/.test(t) && !/improving/.test(t));
		assert.deepEqual(errors, [], 'cancelling showed an error');
	},
};
