import * as assert from 'node:assert/strict';
import { waitFor, waitForValue } from '../../support/waitFor';
import type { Flow, Workbench } from '../workbench';
import { acceptFocus, improveRequests, improveSelection, setApiKey, uncheckAllRuns, waitForRunList } from './steps';

/** The step counter VS Code puts after a multi-step input's title: "(2/3)". */
async function stepCounter(wb: Workbench, title: RegExp): Promise<{ step: number; total: number }> {
	return waitForValue(
		async () => {
			const texts = await wb.quickPickTitleOrMessage().catch(() => undefined);
			const counter = texts && title.test(texts.title) ? /\((\d+)\/(\d+)\)$/.exec(texts.title) : null;
			return counter ? { step: Number(counter[1]), total: Number(counter[2]) } : undefined;
		},
		`a quick input titled ${title} with a step counter`,
		15_000,
		200,
	);
}

const BACK_BUTTON = '.quick-input-widget .quick-input-titlebar .quick-input-left-action-bar .action-label';

/** Runs checked, OK, and in the focus step the title bar's Back button: the runs again, still checked; on to the review. */
export const backToRuns: Flow = {
	name: 'backToRuns',
	async run(ctx) {
		const { wb, shotsDir, log } = ctx;
		await setApiKey(wb);
		await improveSelection(wb);
		await uncheckAllRuns(wb);
		const first = await stepCounter(wb, /Choose up to 3 runs/);
		assert.equal(first.step, 1);
		assert.equal(await wb.page.locator(`${BACK_BUTTON}:visible`).count(), 0, 'the first step offers Back');
		for (const id of [5546, 5547]) await wb.toggleQuickPickRow(new RegExp(`#${id} `));
		await wb.clickQuickPickOk();

		await waitFor(async () => !/Looking up/.test((await wb.quickPickTitleOrMessage().catch(() => undefined))?.placeholder ?? 'Looking up'), 'the focus step to finish loading', 15_000, 200);
		const focus = await stepCounter(wb, /Focus the improvement/);
		assert.deepEqual(focus, { step: 2, total: first.total }, 'the focus step\'s counter');
		log(`focus step: ${await wb.screenshot(shotsDir, 'back-focus-step.png', { moveMouse: false })}`);
		const back = wb.page.locator(BACK_BUTTON).first();
		await back.waitFor({ state: 'visible', timeout: 15_000 });
		assert.match((await back.getAttribute('aria-label')) ?? (await back.getAttribute('title')) ?? '', /Back/);
		await back.click();

		await waitForRunList(wb);
		assert.deepEqual(await stepCounter(wb, /Choose up to 3 runs/), first, 'the runs step after Back');
		for (const id of [5546, 5547]) assert.equal(await wb.isQuickPickRowChecked(new RegExp(`#${id} `)), true, `run ${id} lost its check after Back`);
		log(`runs after Back: ${await wb.screenshot(shotsDir, 'back-runs-kept.png', { moveMouse: false })}`);
		assert.equal(improveRequests(ctx).length, 0, 'a request went out before the flow ended');

		await wb.clickQuickPickOk();
		await acceptFocus(wb);
		// The runs go in the order the picker lists them.
		await wb.waitForDiffEditor('Original ↔ Improved (runs 5547, 5546)');
		const sent = improveRequests(ctx);
		assert.equal(sent.length, 1);
		assert.deepEqual(sent[0].body.run_ids, [5547, 5546]);
	},
};
