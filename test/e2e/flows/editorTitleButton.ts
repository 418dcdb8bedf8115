import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Flow, Workbench } from '../workbench';
import { acceptFocus, clickEditorAction, IMPROVE_TITLE, pickRuns, setApiKey } from './steps';

/** A Markdown file no other flow improves, so whether it was improved before is up to this flow. */
const NOTES = 'after-hours-notes.md';
const NOTES_TEXT = [
	'# After-hours line',
	'',
	'You answer calls to Bright Smile Dental after 17:00.',
	'Take a message with the caller\'s name and number.',
	'Never book appointments after hours.',
	'',
].join('\n');

const ACTIONS = '.part.editor .editor-group-container.active .editor-actions';

/** Whether the active editor's title bar shows ✨ Improve Prompt from Runs…, once it shows its other actions. */
async function showsImprove(wb: Workbench): Promise<boolean> {
	// Split Editor is in every editor's title bar: once it is there, the bar has been drawn for this editor.
	await wb.page.locator(`${ACTIONS} .action-label[aria-label*="Split Editor"]`).first().waitFor({ state: 'visible', timeout: 15_000 });
	// The bar is redrawn when a context key it depends on changes: give that a moment before reading it.
	await wb.page.waitForTimeout(500);
	return (await wb.page.locator(`${ACTIONS} .action-label[aria-label*="${IMPROVE_TITLE}"]`).count()) > 0;
}

/**
 * The ✨ title-bar button is on prompt files and on files improved before, not on every Markdown file: a plain
 * Markdown file has none, a .prompty file has it; once the Markdown file was improved (even if the proposal was
 * discarded) it has it too.
 */
export const editorTitleButton: Flow = {
	name: 'editorTitleButton',
	async run({ wb, shotsDir, log, workspaceDir }) {
		await setApiKey(wb);
		fs.writeFileSync(path.join(workspaceDir, NOTES), NOTES_TEXT);
		// The Explorer's Refresh, shown when the pointer is over it: the file watcher may not have told it yet.
		await wb.page.locator('.explorer-folders-view').first().hover();
		await wb.page.locator('.part.sidebar .action-label[aria-label^="Refresh Explorer"]').first().click({ timeout: 15_000 });

		await wb.openFile(NOTES, 'After-hours line');
		assert.equal(await showsImprove(wb), false, `${NOTES} (plain Markdown, never improved) shows ✨ in its title bar`);
		log(`plain Markdown, no ✨: ${await wb.screenshot(shotsDir, 'title-bar-plain-markdown.png')}`);

		await wb.openFile('front-desk.prompty', 'Keep calls short.');
		assert.equal(await showsImprove(wb), true, 'front-desk.prompty shows no ✨ in its title bar');

		await wb.openFile(NOTES, 'After-hours line');
		await wb.selectLines(3, 5);
		await wb.contextMenuCommand(IMPROVE_TITLE);
		await pickRuns(wb, [5546]);
		await acceptFocus(wb);
		await wb.waitForDiffEditor('Original ↔ Improved (runs 5546)');
		await clickEditorAction(wb, 'Discard Improved Prompt');

		await wb.openFile(NOTES, 'After-hours line');
		assert.equal(await showsImprove(wb), true, `${NOTES}, improved before, shows no ✨ in its title bar`);
		log(`improved before, ✨: ${await wb.screenshot(shotsDir, 'title-bar-improved-markdown.png')}`);
	},
};
