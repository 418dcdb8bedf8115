import * as assert from 'node:assert/strict';
import { waitFor } from '../../support/waitFor';
import type { FlowContext, Flow, Workbench } from '../workbench';
import { diffShownAt, markReviewDiffShown, recordResponseToDiff, waitForReviewDiffShown, WRITING_TIME_MS } from './responseToDiff';
import { acceptFocus, clickEditorAction, improveRequests, improveSelection, pickRuns, setApiKey, waitForQuickInputTitle } from './steps';

const MODEL = 'local-improver';

/** Cekura: Choose Improvement Engine… from the palette, picking the row whose label (icons left out) matches `row`. */
export async function chooseEngine(wb: Workbench, row: RegExp): Promise<void> {
	await wb.runCommand('Cekura: Choose Improvement Engine…');
	await waitForQuickInputTitle(wb, /Choose Improvement Engine/);
	await wb.clickQuickPickRowByLabel(row);
	await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15_000 });
}

function chatRequests(ctx: FlowContext): number {
	return ctx.model.requests.filter((r) => r.path === '/v1/chat/completions').length;
}

/**
 * Cekura's server answers 404 on improve_prompt (as Cekura's own does since mid-2026): one question, the model the
 * user has, a review labelled with it, Apply. The next improvement asks nothing.
 */
export const fallbackToModel: Flow = {
	name: 'fallbackToModel',
	async run(ctx) {
		const { wb, server, model, shotsDir, log } = ctx;
		await setApiKey(wb);
		server.setModes({ improve: 'removed-404' });
		// The model takes its time before its first word, as a real one does: the progress notification is up when it answers.
		model.setModes({ mode: 'slow-first-token', delayMs: WRITING_TIME_MS });
		await improveSelection(wb);
		await pickRuns(wb, [5546]);
		await acceptFocus(wb);

		const dialog = await wb.waitForDialog(/does not offer improve_prompt/);
		assert.match(dialog.message, /HTTP 404/);
		const use = dialog.buttons.find((b) => b === `Use ${MODEL} (local server)`);
		assert.ok(use, `no button for the model server: ${JSON.stringify(dialog.buttons)}`);
		log(`dialog: ${await wb.screenshot(shotsDir, 'fallback-choice.png', { moveMouse: false })}`);
		await markReviewDiffShown(wb.page, `by ${MODEL} (local server)`);
		await wb.clickDialogButton(use);

		await waitForReviewDiffShown(wb.page, `by ${MODEL} (local server)`);
		const seenAt = Date.now();
		await wb.waitForDiffEditor(`by ${MODEL} (local server)`);
		const answeredAt = ctx.model.requests.find((r) => r.path === '/v1/chat/completions')?.answeredAt;
		const shown = await diffShownAt(wb.page, answeredAt);
		const shownIn = recordResponseToDiff(shotsDir, answeredAt, shown.at, 'fallbackToModel');
		log(`the model's answer → review diff painted: ${shownIn} ms (${shown.stages}; seen by polling +${answeredAt === undefined ? '?' : seenAt - answeredAt}; answer sent at ${answeredAt === undefined ? '?' : new Date(answeredAt).toISOString()})`);
		const summary = await wb.waitForNotification(/Proposal by local-improver \(local server\)/);
		assert.match(summary, /\+\d+ −\d+ lines/);
		assert.match(await wb.readDiffSide('modified'), /Rules learned from test runs/);
		assert.equal(improveRequests(ctx).length, 1, 'Cekura was not asked first');
		assert.equal(chatRequests(ctx), 1);
		log(`review: ${await wb.screenshot(shotsDir, 'review-by-model.png')}`);

		await clickEditorAction(wb, 'Apply Improved Prompt');
		await wb.page.locator('.part.editor .tab.active', { hasText: 'dental-front-desk.md' }).waitFor({ timeout: 15_000 });
		assert.match(await wb.editorText(), /Rules learned from test runs/);

		// Remembered: the next improvement goes to the model without a question.
		await wb.page.keyboard.press('ControlOrMeta+Z');
		await waitFor(async () => !(await wb.editorText()).includes('Rules learned from test runs'), 'Undo to restore the prompt');
		await improveSelection(wb);
		await pickRuns(wb, [5546]);
		await acceptFocus(wb);
		await wb.waitForDiffEditor(`by ${MODEL} (local server)`);
		assert.equal(await wb.page.locator('.monaco-dialog-box').count(), 0, 'the choice was asked again');
		assert.equal(chatRequests(ctx), 2);
	},
};

/** The OpenAI-compatible engine chosen in Choose Improvement Engine…: Cekura's improve_prompt is not called at all. */
export const explicitModelEngine: Flow = {
	name: 'explicitModelEngine',
	async run(ctx) {
		const { wb, shotsDir, log } = ctx;
		await setApiKey(wb);
		try {
			await wb.runCommand('Cekura: Choose Improvement Engine…');
			await waitForQuickInputTitle(wb, /Choose Improvement Engine/);
			const rows = await wb.quickPickRows();
			log(`engines offered: ${rows.join(' | ')}`);
			assert.ok(rows.some((r) => /^Automatic, current · Cekura first/.test(r)), `Automatic is not shown as the current choice: ${JSON.stringify(rows)}`);
			assert.ok(rows.some((r) => /^Cekura Test Model, cekura-test/.test(r)), `the language models VS Code offers are not listed: ${JSON.stringify(rows)}`);
			log(`engine picker: ${await wb.screenshot(shotsDir, 'engine-picker.png', { moveMouse: false })}`);
			await wb.closeQuickInput();
			await chooseEngine(wb, new RegExp(`${MODEL} \\(local server\\)`));

			await improveSelection(wb);
			await pickRuns(wb, [5546]);
			await acceptFocus(wb);
			await wb.waitForDiffEditor(`by ${MODEL} (local server)`);
			assert.equal(improveRequests(ctx).length, 0, 'Cekura\'s improve_prompt was called although the model engine was chosen');
			assert.equal(chatRequests(ctx), 1);
			await clickEditorAction(wb, 'Discard Improved Prompt');

			// A model that is slow to answer: Cancel stops the stream and changes nothing.
			ctx.model.setModes({ mode: 'slow-first-token', delayMs: 60_000 });
			await improveSelection(wb);
			await pickRuns(wb, [5546]);
			await acceptFocus(wb);
			await wb.waitForNotification(/improving the prompt with local-improver/);
			log(`progress: ${await wb.screenshot(shotsDir, 'progress-model.png')}`);
			await wb.clickNotificationButton(/improving the prompt with local-improver/, 'Cancel');
			await waitFor(() => ctx.model.requests.some((r) => r.path === '/v1/chat/completions' && r.aborted), 'Cancel to abort the model request');
			await wb.notification(/improving the prompt/).waitFor({ state: 'hidden', timeout: 10_000 });
			assert.equal(await wb.page.locator('.tab', { hasText: 'Original ↔ Improved' }).count(), 0, 'a review opened after Cancel');
			assert.ok(!(await wb.editorText()).includes('Rules learned from test runs'), 'the file changed after Cancel');
		} finally {
			await chooseEngine(wb, /Automatic, Cekura first/);
		}
	},
};
