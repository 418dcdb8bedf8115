import * as assert from 'node:assert/strict';
import type { Flow } from '../workbench';
import { waitForValue } from '../../support/waitFor';
import { acceptFocus, improveRequests, improveSelection, setApiKey, uncheckAllRuns, waitForRunList } from './steps';

/** A server that pages the run list: "Load more runs…" fetches the next page and keeps what is checked. */
export const loadMoreRuns: Flow = {
	name: 'loadMoreRuns',
	async run(ctx) {
		const { wb, server } = ctx;
		server.setModes({ maxPageSize: 5 });
		await setApiKey(wb);
		await improveSelection(wb);
		await uncheckAllRuns(wb);
		const firstPage = (await waitForRunList(wb)).filter((r) => /^#\d+ /.test(r));
		assert.equal(firstPage.length, 5, `expected one page of 5 runs, got ${JSON.stringify(firstPage)}`);
		const firstId = /^#(\d+) /.exec(firstPage[0])?.[1];
		await wb.toggleQuickPickRow(new RegExp(`#${firstId} `));

		await wb.typeInQuickInput('Load more');
		await wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Load more runs' }).first().click();
		await wb.typeInQuickInput('');
		const rows = await waitForValue(
			async () => {
				const runs = (await wb.quickPickRows()).filter((r) => /^#\d+ /.test(r));
				return runs.length > 5 ? runs : undefined;
			},
			'a second page after "Load more runs…"',
			15_000,
			200,
		);
		assert.ok(await wb.isQuickPickRowChecked(new RegExp(`#${firstId} `)), 'loading more runs lost the checked run');
		assert.equal(server.requests.filter((r) => r.path.endsWith('/runs/')).length, 2);
		const secondPageId = rows.map((r) => /^#(\d+) /.exec(r)?.[1]).find((id) => id && !firstPage.some((f) => f.startsWith(`#${id} `)));
		assert.ok(secondPageId, `no run from the second page is listed: ${JSON.stringify(rows)}`);
		await wb.typeInQuickInput(secondPageId);
		await wb.toggleQuickPickRow(new RegExp(`#${secondPageId} `));
		await wb.typeInQuickInput('');
		await wb.clickQuickPickOk();
		await acceptFocus(wb);
		await wb.waitForDiffEditor('Original ↔ Improved (runs');
		assert.deepEqual([...(improveRequests(ctx)[0]?.body.run_ids ?? [])].sort(), [Number(firstId), Number(secondPageId)].sort());
	},
};
