import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { longPrompt } from '../../support/longPrompts';
import { waitFor, waitForValue } from '../../support/waitFor';
import type { Flow } from '../workbench';
import { chooseEngine } from './modelEngines';
import { diffShownAt, markReviewDiffShown, waitForReviewDiffShown } from './responseToDiff';
import { startPageTrace } from '../pageTrace';
import { titleBarActions } from './screenReaderLabels';
import { acceptFocus, IMPROVE_TITLE, pickRuns, setApiKey, waitForRunList } from './steps';

/** Where the flow leaves the times from the first complete edit in the stream to the review painted, for `npm run bench`. */
export const EDIT_TO_REVIEW_FILE = path.join('test-results', 'e2e', 'edit-to-review.json');

const MODEL = 'local-improver';
const FILE = 'long-prompt.md';
/** 50 tokens per second, at about 4 characters per token. */
const MODEL_CHARS_PER_SECOND = 200;
/** How many proposals the flow times. */
const PROPOSALS = 7;

/**
 * A long prompt improved by a model answering with edits: the review opens at the first edit, before the answer
 * ends, and is timed from the moment the server wrote that edit to the review diff painted; Apply in the title bar is
 * refused while the edits arrive; the summary comes once the proposal is complete.
 */
export const streamedEdits: Flow = {
	name: 'streamedEdits',
	async run(ctx) {
		const { wb, model, shotsDir, log } = ctx;
		await setApiKey(wb);
		fs.writeFileSync(path.join(ctx.workspaceDir, FILE), longPrompt(6000));
		await chooseEngine(wb, new RegExp(`${MODEL} \\(local server\\)`));
		const title = 'Original ↔ Improved (runs 5546)';
		const samples: { flow: string; ms: number }[] = [];
		try {
			for (let i = 0; i < PROPOSALS; i++) {
				// The model writes at 50 tokens/s, as a real one does: the first edit is complete a second or two after
				// the request, when the workbench has settled, and the progress notification counts the characters
				// received while the review opens. (Written at once, the edit met the workbench still opening the
				// progress notification.) The first time, a pause after each edit leaves the review a draft long enough
				// to look at it and try Apply.
				model.setModes({ mode: 'edits', charsPerSecond: MODEL_CHARS_PER_SECOND, editPauseMs: i === 0 ? 6000 : 0 });
				await wb.openFile(FILE, 'Bright Smiles Dental');
				await wb.selectAll();
				await wb.contextMenuCommand(IMPROVE_TITLE);
				if (i === 0) {
					await pickRuns(wb, [5546]);
				} else {
					await waitForRunList(wb);
					await wb.clickQuickPickOk();
				}
				await markReviewDiffShown(wb.page, title);
				const trace = process.env.E2E_TRACE && i >= 1 ? await startPageTrace(wb.page) : undefined;
				await acceptFocus(wb);
				await waitForReviewDiffShown(wb.page, title);
				await trace?.stop(path.join(shotsDir, `trace-${i + 1}.json`));
				const requestNow = () => ctx.model.requests.filter((r) => r.path === '/v1/chat/completions')[i];
				const firstEdit = await waitForValue(() => requestNow()?.editsWrittenAt?.[0], 'the server to write the first edit', 30_000);
				const request = requestNow();
				const shown = await diffShownAt(wb.page, firstEdit);
				assert.ok(shown.at !== undefined, `proposal ${i + 1}: the review was not painted (${shown.stages})`);
				assert.ok(request.answeredAt === undefined || request.answeredAt > shown.at, `proposal ${i + 1}: the review was painted only after the whole answer`);
				samples.push({ flow: 'streamedEdits', ms: shown.at - firstEdit });
				log(`proposal ${i + 1}: first complete edit → review painted ${shown.at - firstEdit} ms (${shown.stages}) (edit written at ${new Date(firstEdit).toISOString()})`);
				if (i === 0) {
					log(`drafting: ${await wb.screenshot(shotsDir, 'review-drafting.png', { moveMouse: false })}`);
					const drafting = (await titleBarActions(wb)).map((a) => a.label);
					assert.ok(drafting.some((l) => l.startsWith('Discard Improved Prompt')), `Discard, which stops the request, is not in the draft's title bar: ${JSON.stringify(drafting)}`);
					assert.ok(!drafting.some((l) => l.startsWith('Apply Improved Prompt')), `Apply is in the draft's title bar: ${JSON.stringify(drafting)}`);
					await wb.runCommand('Cekura: Apply Improved Prompt');
					await wb.waitForNotification(/the proposal is still arriving/);
				}
				const summary = wb.notification(/Proposal by local-improver/);
				// The first answer pauses 6 s after each edit: its summary comes some 20 s after the first edit.
				await summary.waitFor({ timeout: i === 0 ? 30_000 : 15_000 });
				assert.match(await wb.readDiffSide('modified'), /never end the call before/);
				if (i === 0) await waitFor(async () => (await titleBarActions(wb)).some((a) => a.label.startsWith('Apply Improved Prompt')), 'Apply in the title bar once the proposal is complete');
				await summary.locator('.monaco-button', { hasText: /^Discard$/ }).click();
				await wb.page.locator('.part.editor .tab', { hasText: title }).waitFor({ state: 'hidden', timeout: 15_000 });
			}
		} finally {
			fs.writeFileSync(path.join(shotsDir, path.basename(EDIT_TO_REVIEW_FILE)), `${JSON.stringify(samples, null, '\t')}\n`);
			await chooseEngine(wb, /Automatic, Cekura first/);
		}
	},
};
