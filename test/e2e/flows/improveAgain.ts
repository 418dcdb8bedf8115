import * as assert from 'node:assert/strict';
import type { Flow } from '../workbench';
import { chooseEngine } from './modelEngines';
import { waitFor } from '../../support/waitFor';
import { acceptFocus, clickEditorAction, improveSelection, pickRuns, setApiKey, waitForApplied, waitForQuickInputTitle, waitForRunList } from './steps';

const MODEL = 'local-improver';
const NOTE = "don't change the greeting";

/**
 * A review by the model engine; Improve Again from the review's title bar with other runs and a steering note; the
 * new proposal is diffed against the previous one and applied.
 */
export const improveAgain: Flow = {
	name: 'improveAgain',
	async run(ctx) {
		const { wb, shotsDir, log } = ctx;
		await setApiKey(wb);
		await chooseEngine(wb, new RegExp(`${MODEL} \\(local server\\)`));
		try {
			await improveSelection(wb);
			await pickRuns(wb, [5546]);
			await acceptFocus(wb);
			await wb.waitForDiffEditor(`Original ↔ Improved (runs 5546) · by ${MODEL}`);
			assert.doesNotMatch(await wb.readDiffSide('modified'), /at least two alternative slots/);

			await clickEditorAction(wb, 'Improve Again');
			await waitForQuickInputTitle(wb, /Improve Again with which runs/);
			const rows = await wb.quickPickRows();
			assert.ok(rows.some((r) => /Same runs: #5546/.test(r)), `rows ${JSON.stringify(rows)}`);
			await wb.clickQuickPickRowByLabel(/Other runs/);
			log(`runs offered: ${(await waitForRunList(wb)).slice(0, 8).join(' | ')}`);
			await pickRuns(wb, [5547]);
			await acceptFocus(wb);
			await waitForQuickInputTitle(wb, /a note for the next proposal/);
			await wb.typeInQuickInput(NOTE);
			log(`note: ${await wb.screenshot(shotsDir, 'improve-again-note.png', { moveMouse: false })}`);
			await wb.acceptQuickInput();

			await wb.waitForDiffEditor('Previous Proposal ↔ Improved Again (runs 5547)');
			assert.match(await wb.readDiffSide('original'), /Rules learned from test runs/, 'the left side is not the previous proposal');
			const second = await wb.readDiffSide('modified');
			assert.match(second, /at least two alternative slots/, 'the new runs\' failure was not addressed');
			const sent = ctx.model.requests.filter((r) => r.path === '/v1/chat/completions').at(-1);
			assert.ok(JSON.stringify(sent?.body).includes(`Note from the user: ${NOTE}`), 'the note was not sent to the model');
			await wb.waitForNotification(/Proposal by local-improver/);
			// The new proposal replaces the previous review once it is complete (it may stream in as edits first).
			await waitFor(async () => (await wb.page.locator('.part.editor .tab', { hasText: 'Original ↔ Improved (runs 5546)' }).count()) === 0, 'the previous review to close');
			log(`review: ${await wb.screenshot(shotsDir, 'improve-again-review.png')}`);

			await clickEditorAction(wb, 'Apply Improved Prompt');
			await waitForApplied(wb);
			const applied = await wb.editorText();
			assert.match(applied, /at least two alternative slots/);
			assert.match(applied, /Rules learned from test runs/);
			await wb.page.keyboard.press('ControlOrMeta+Z');
			await waitFor(async () => !(await wb.editorText()).includes('Rules learned from test runs'), 'Undo to restore the prompt');
		} finally {
			await chooseEngine(wb, /Automatic, Cekura first/);
		}
	},
};
