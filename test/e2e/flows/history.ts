import * as assert from 'node:assert/strict';
import { waitFor } from '../../support/waitFor';
import type { Flow, Workbench } from '../workbench';
import { clickEditorAction, openReview, PROMPT_FILE, setApiKey, waitForApplied, waitForQuickInputTitle } from './steps';

const RULES = 'Rules learned from test runs';
const REVIEW_TITLE = 'Original ↔ Improved (runs 5546)';

/** Cekura: Show Improvement History, the newest proposal of the prompt file, then `action`. */
async function fromHistory(wb: Workbench, action: RegExp): Promise<string[]> {
	await wb.runCommand('Cekura: Show Improvement History');
	await waitForQuickInputTitle(wb, /Cekura: Improvement History/);
	const rows = await wb.quickPickRows();
	await wb.clickQuickPickRowByLabel(new RegExp(`^${PROMPT_FILE.replace('.', '\\.')}, lines 3–20`));
	await waitForQuickInputTitle(wb, new RegExp(`Cekura: ${PROMPT_FILE.replace('.', '\\.')} of`));
	await wb.clickQuickPickRowByLabel(action);
	return rows;
}

async function showSource(wb: Workbench): Promise<void> {
	await wb.page.locator('.part.editor .tab', { hasText: PROMPT_FILE }).first().click();
	await wb.page.locator('.part.editor .tab.active', { hasText: PROMPT_FILE }).waitFor({ timeout: 15_000 });
}

/**
 * The history as a person uses it: improve and apply; Show Improvement History lists it; Reopen shows the review
 * again; after Undo, Apply Again writes the proposal back (one Undo step); a review open when the window reloads
 * comes back with the user's edit, and Apply still works.
 */
export const history: Flow = {
	name: 'history',
	async run(ctx) {
		const { wb, shotsDir, log } = ctx;
		await setApiKey(wb);
		await openReview(ctx);
		await clickEditorAction(wb, 'Apply Improved Prompt');
		await wb.page.locator('.part.editor .tab', { hasText: REVIEW_TITLE }).waitFor({ state: 'hidden', timeout: 15_000 });
		await waitFor(async () => (await wb.editorText()).includes(RULES), 'the improvement in the file');
		await wb.page.locator('.statusbar-item', { hasText: /Cekura: \+\d+ −\d+ lines/ }).first().waitFor({ state: 'hidden', timeout: 15_000 });
		await waitForApplied(wb);

		// The list: the proposal just applied comes first, with its outcome, runs and author.
		const rows = await fromHistory(wb, /Reopen Review/);
		log(`history rows: ${JSON.stringify(rows.slice(0, 4))}`);
		const first = rows.find((r) => r.startsWith(`${PROMPT_FILE}, lines 3–20`));
		assert.ok(first, `the proposal is not listed: ${JSON.stringify(rows)}`);
		assert.match(first, /applied · runs 5546 · by Cekura/);
		assert.ok(rows.some((r) => /Filter by File/.test(r)) && rows.some((r) => /Filter by Run/.test(r)), 'the list offers no filters');

		// Reopen: the recorded original beside the proposal. The original is no longer in the file (it was applied).
		await wb.waitForDiffEditor(REVIEW_TITLE);
		assert.match(await wb.readDiffSide('modified'), new RegExp(RULES));
		assert.ok(!(await wb.readDiffSide('original')).includes(RULES), 'the left side is not the recorded original');
		await wb.waitForNotification(/no longer in dental-front-desk\.md for sure/);
		await wb.screenshot(shotsDir, 'history-reopened.png');
		await clickEditorAction(wb, 'Discard Improved Prompt');

		// Undo the Apply, then Apply Again from the history: the proposal is back, and one Undo takes it out again.
		await showSource(wb);
		await wb.page.keyboard.press('ControlOrMeta+Z');
		await waitFor(async () => !(await wb.editorText()).includes(RULES), 'one Undo to restore the original prompt');
		await fromHistory(wb, /Apply Again/);
		await waitFor(async () => (await wb.editorText()).includes(RULES), 'Apply Again to write the proposal into the file');
		await waitForApplied(wb);
		await wb.screenshot(shotsDir, 'history-applied-again.png');
		await wb.page.keyboard.press('ControlOrMeta+Z');
		await waitFor(async () => !(await wb.editorText()).includes(RULES), 'one Undo to take Apply Again back');

		// Reopen (the original is in the file again), edit the right side, reload the window: the review is restored.
		await fromHistory(wb, /Reopen Review/);
		await wb.waitForDiffEditor(REVIEW_TITLE);
		await wb.waitForNotification(/Proposal by Cekura/);
		const line = wb.page.locator('.part.editor .editor-group-container.active .monaco-diff-editor .editor.modified .view-line', { hasText: RULES }).first();
		await line.click({ timeout: 10_000 });
		await wb.page.keyboard.press('End');
		await wb.page.keyboard.type(' KEPT');
		await waitFor(async () => (await wb.readDiffSide('modified')).includes('KEPT'), 'the edit on the right side');

		await wb.runCommand('Developer: Reload Window');
		await wb.waitForReady();
		await wb.waitForDiffEditor(REVIEW_TITLE, 60_000);
		await waitFor(async () => (await wb.readDiffSide('modified')).includes('KEPT'), 'the restored review to show the edited right side', 30_000);
		assert.ok(!(await wb.readDiffSide('original')).includes(RULES), 'the restored left side is not the original');
		await wb.screenshot(shotsDir, 'history-restored.png');
		// The review is known again: its status bar item, and Apply in the Command Palette (shown only while the
		// cekura.reviewOpen context key is set), which writes the edited right side.
		await wb.page.locator('.statusbar-item', { hasText: /Cekura: \+\d+ −\d+ lines/ }).first().waitFor({ timeout: 15_000 });
		await wb.runCommand('Cekura: Apply Improved Prompt');
		await wb.page.locator('.part.editor .tab', { hasText: REVIEW_TITLE }).waitFor({ state: 'hidden', timeout: 15_000 });
		await waitFor(async () => (await wb.editorText()).includes('KEPT'), 'Apply after the reload to write the edited right side');
		await waitForApplied(wb);
		await wb.page.keyboard.press('ControlOrMeta+Z');
		await waitFor(async () => !(await wb.editorText()).includes(RULES), 'one Undo to restore the original prompt');
	},
};
