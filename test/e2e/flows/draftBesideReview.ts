import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { longPrompt } from '../../support/longPrompts';
import { waitFor } from '../../support/waitFor';
import type { Flow, Workbench } from '../workbench';
import { chooseEngine } from './modelEngines';
import { titleBarActions } from './screenReaderLabels';
import { acceptFocus, IMPROVE_TITLE, openReview, pickRuns, setApiKey } from './steps';

const MODEL = 'local-improver';
// A file of its own: VS Code keeps where each file was scrolled to, and streamedEdits leaves long-prompt.md at its end.
const FILE = 'prompt-beside-review.md';
const APPLY = 'Apply Improved Prompt';
const DISCARD = 'Discard Improved Prompt';

/** Whether the title bar of that editor group shows Apply, and Discard. */
async function buttons(wb: Workbench, group: 'active' | 'other'): Promise<{ apply: boolean; discard: boolean; labels: string[] }> {
	const labels = (await titleBarActions(wb, group)).map((a) => a.label);
	return { apply: labels.some((l) => l.startsWith(APPLY)), discard: labels.some((l) => l.startsWith(DISCARD)), labels };
}

/** Waits until both groups' title bars show Apply as expected: `draft` group without it, `complete` group with it. */
async function expectButtons(wb: Workbench, draft: 'active' | 'other', what: string): Promise<void> {
	const complete = draft === 'active' ? 'other' : 'active';
	const ok = async (): Promise<boolean> => {
		const [d, c] = [await buttons(wb, draft), await buttons(wb, complete)];
		return !d.apply && d.discard && c.apply;
	};
	try {
		await waitFor(ok, what, 10_000, 100);
	} catch {
		const [d, c] = [await buttons(wb, draft), await buttons(wb, complete)];
		assert.fail(`${what}: the draft's title bar ${JSON.stringify(d.labels)}, the complete review's ${JSON.stringify(c.labels)}`);
	}
}

/**
 * A complete review moved into a second editor group stays open (it used to be discarded: the move closes its tab in
 * the first group); a proposal then streams into a draft review in the first: with the editor actions of every group
 * shown (`workbench.editor.alwaysShowEditorActions`), the draft's title bar hides Apply (it would refuse) and the
 * complete review's keeps it, whichever group is active.
 */
export const draftBesideReview: Flow = {
	name: 'draftBesideReview',
	async run(ctx) {
		const { wb, model, shotsDir, log, workspaceDir } = ctx;
		const settingsDir = path.join(workspaceDir, '.vscode');
		fs.mkdirSync(settingsDir, { recursive: true });
		fs.writeFileSync(path.join(settingsDir, 'settings.json'), `${JSON.stringify({ 'workbench.editor.alwaysShowEditorActions': true }, null, '\t')}\n`);
		fs.writeFileSync(path.join(workspaceDir, FILE), longPrompt(6000));
		try {
			await setApiKey(wb);
			// A complete review (Cekura's engine answers whole), moved to a group on the right: it stays open there.
			await openReview(ctx);
			await wb.runCommand('View: Move Editor into Right Group');
			const reviewTab = wb.page.locator('.part.editor .tab', { hasText: 'dental-front-desk.md: Original ↔ Improved' });
			await waitFor(async () => (await wb.page.locator('.part.editor .editor-group-container').count()) === 2 && (await reviewTab.count()) === 1, 'the review in a second editor group');
			await wb.runCommand('View: Focus First Editor Group');
			await chooseEngine(wb, new RegExp(`${MODEL} \\(local server\\)`));
			assert.equal(await reviewTab.count(), 1, 'the review moved to the right group was closed');
			// In the left group, a long prompt improved by a model whose edits arrive slowly: a draft for a while.
			model.setModes({ mode: 'edits', editPauseMs: 20_000 });
			await wb.openFile(FILE, 'Bright Smiles Dental');
			await wb.selectAll();
			await wb.contextMenuCommand(IMPROVE_TITLE);
			await pickRuns(wb, [5546]);
			await acceptFocus(wb);
			await wb.page.locator('.part.editor .editor-group-container.active .tab.active', { hasText: `${FILE}: Original ↔ Improved` }).waitFor({ timeout: 30_000 });
			await expectButtons(wb, 'active', 'the draft active on the left, the complete review on the right');
			log(`draft beside a complete review: ${await wb.screenshot(shotsDir, 'draft-beside-review.png', { moveMouse: false })}`);
			await reviewTab.click();
			await expectButtons(wb, 'other', 'the complete review active on the right, the draft on the left');
			assert.ok(model.requests.filter((r) => r.path === '/v1/chat/completions').at(-1)?.answeredAt === undefined, 'the proposal completed before the title bars were read');
		} finally {
			await chooseEngine(wb, /Automatic, Cekura first/);
			// The workspace copy keeps files the fixture does not have: leave the settings to the next flows as they were.
			fs.rmSync(settingsDir, { recursive: true, force: true });
		}
	},
};
