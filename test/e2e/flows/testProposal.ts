import * as assert from 'node:assert/strict';
import { waitFor } from '../../support/waitFor';
import type { Flow } from '../workbench';
import { chooseEngine } from './modelEngines';
import { clickEditorAction, openReview, setApiKey, waitForQuickInputTitle } from './steps';

const MODEL = 'local-improver';

/**
 * Test Proposal in Simulated Chats… from the review's beaker icon: the scenario pick says what it costs, one progress
 * notification, then the report beside the diff with the verdict (run 5546's scenario fixed by the proposal). A second
 * test is cancelled from its progress notification: every chat it started is ended on Cekura.
 */
export const testProposal: Flow = {
	name: 'testProposal',
	async run(ctx) {
		const { wb, server, shotsDir, log } = ctx;
		await setApiKey(wb);
		try {
			await chooseEngine(wb, new RegExp(`${MODEL} \\(local server\\)`));
			await openReview(ctx, [5546]);

			await clickEditorAction(wb, 'Test Proposal in Simulated Chats');
			await waitForQuickInputTitle(wb, /Test the original and the proposal on which scenarios\?/);
			const rows = await wb.quickPickRows();
			assert.ok(rows.some((r) => /The failed scenario, 2 chats, each billed by Cekura as a simulation/.test(r)), `the pick does not say what it starts: ${JSON.stringify(rows)}`);
			log(`scenario pick: ${await wb.screenshot(shotsDir, 'test-scenarios.png', { moveMouse: false })}`);
			await wb.clickQuickPickRowByLabel(/The failed scenario/);

			const notice = await wb.waitForNotification(/Cekura: tested the proposal of dental-front-desk\.md/, 60_000);
			assert.match(notice, /1 fixed, 0 regressed/);
			const previewTab = wb.page.locator('.part.editor .editor-group-container .tab', { hasText: /Preview Cekura Test \d+ – dental-front-desk/ }).first();
			await previewTab.waitFor({ state: 'visible', timeout: 30_000 });
			const page = wb.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
			await page.locator('h1', { hasText: 'Test of the proposal for dental-front-desk.md' }).waitFor({ timeout: 30_000 });
			const text = (await page.locator('body').innerText()).replace(/\u00a0/g, ' ');
			assert.match(text, /Simulated text chats with local-improver \(local server\) playing the agent/);
			assert.match(text, /Reschedule cleaning to next week\s+0\/1\s+1\/1\s+.*fixed/);
			assert.ok(server.apiChatRuns().every((r) => r.ended), 'a chat was left running');
			log(`report beside the diff: ${await wb.screenshot(shotsDir, 'test-report.png')}`);

			// Cancel: the caller takes long to answer; every chat started is ended.
			server.setModes({ callerDelayMs: 60_000 });
			const before = server.apiChatRuns().length;
			await wb.runCommand('Cekura: Test Proposal in Simulated Chats…');
			await waitForQuickInputTitle(wb, /Test the original and the proposal on which scenarios\?/);
			await wb.clickQuickPickRowByLabel(/The failed scenario/);
			await waitFor(() => server.apiChatRuns().slice(before).some((r) => r.agentTurns > 0), 'the chats to be under way', 30_000);
			await wb.waitForNotification(/testing the proposal of dental-front-desk\.md/);
			log(`progress: ${await wb.screenshot(shotsDir, 'test-progress.png', { moveMouse: false })}`);
			await wb.clickNotificationButton(/testing the proposal of dental-front-desk\.md/, 'Cancel');
			await waitFor(() => server.apiChatRuns().slice(before).every((r) => r.ended), 'Cancel to end every chat', 15_000);
			assert.ok(server.apiChatRuns().slice(before).every((r) => r.endedBy === 'client'));
		} finally {
			await chooseEngine(wb, /Automatic, Cekura first/);
		}
	},
};
