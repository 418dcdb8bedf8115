import * as assert from 'node:assert/strict';
import type { Flow } from '../workbench';
import { improveRequests, improveSelection, setApiKey, uncheckAllRuns, waitForQuickInputText, waitForRunList } from './steps';

/** Checking a 4th run undoes that check and the picker says why. */
export const fourthRunRefused: Flow = {
	name: 'fourthRunRefused',
	async run(ctx) {
		const { wb, shotsDir } = ctx;
		await setApiKey(wb);
		await improveSelection(wb);
		await uncheckAllRuns(wb);
		const rows = (await waitForRunList(wb)).filter((r) => /^#\d+ /.test(r)).slice(0, 4);
		const ids = rows.map((r) => /^#(\d+) /.exec(r)?.[1] ?? '');
		for (const id of ids.slice(0, 3)) await wb.toggleQuickPickRow(new RegExp(`#${id} `));
		assert.match((await wb.quickPickTitleOrMessage()).title, /3 of 3 chosen/);

		const fourth = new RegExp(`#${ids[3]} `);
		await wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: fourth }).first().locator('.monaco-checkbox, .monaco-custom-toggle, input[type=checkbox]').first().click();
		await waitForQuickInputText(wb, /At most 3 runs: uncheck one first/);
		assert.equal(await wb.isQuickPickRowChecked(fourth), false, 'the 4th run stayed checked');
		for (const id of ids.slice(0, 3)) assert.equal(await wb.isQuickPickRowChecked(new RegExp(`#${id} `)), true, `run ${id} lost its check`);
		await wb.screenshot(shotsDir, 'fourth-run-refused.png');

		await wb.closeQuickInput();
		assert.equal(improveRequests(ctx).length, 0, 'a request went out after Escape');
	},
};
