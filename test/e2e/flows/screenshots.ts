import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { repoRoot } from '../codeServer';
import type { Flow } from '../workbench';
import { acceptFocus, clickEditorAction, setApiKey, uncheckAllRuns, waitForRunList } from './steps';

const FOLDER = 'acme-dental-voice-agent';
const MODEL = 'llama3.1';
const PROMPT = 'receptionist.prompt.md';
/** Two runs of the Dental Front Desk agent whose failures the proposal addresses. */
const RUNS = [5546, 5523];

/** Nothing a user's own workspace would not show: no temporary folder, no loopback address, no port. */
function assertNoHarnessTraces(text: string, what: string, workspaceDir: string): void {
	const temporary = path.basename(path.dirname(workspaceDir));
	for (const trace of [/127\.0\.0\.1/, /localhost:\d+/, /cekura-e2e/, new RegExp(temporary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))]) {
		assert.doesNotMatch(text, trace, `${what} shows ${String(trace)}: ${JSON.stringify(text)}`);
	}
}

/**
 * `npm run screenshots`: the README's pictures, taken on a workspace that looks like a user's (a voice agent's
 * repository with its receptionist prompt, the runs of its agent on Cekura, a local model) and written to media/.
 * In a test run (without E2E_WRITE_MEDIA=1) the flow checks the same and writes them with the other screenshots, so
 * running the tests never changes a committed file.
 */
export const screenshots: Flow = {
	name: 'screenshots',
	ownWorkspace: {
		fixture: 'screenshot-workspace',
		folderName: FOLDER,
		models: [MODEL],
		// The breadcrumbs would show the review's internal URI path (review-<id> › improved) above the diff.
		userSettings: { 'cekura.openaiCompatible.model': MODEL, 'cekura.improve.engine': 'openaiCompatible', 'breadcrumbs.enabled': false },
	},
	async run({ wb, page, workspaceDir, shotsDir, log }) {
		const media = process.env.E2E_WRITE_MEDIA === '1' ? path.join(repoRoot(), 'media') : shotsDir;
		assert.equal(path.basename(workspaceDir), FOLDER);
		await setApiKey(wb);
		const explorerRow = (name: string) =>
			page.locator('.explorer-folders-view .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/\./g, '\\.')}$`) }) }).first();
		await explorerRow('prompts').click();
		await wb.openFile(PROMPT, 'Acme Dental');
		await wb.selectAll();
		await clickEditorAction(wb, 'Improve Prompt from Runs');

		// The run picker: the runs of the agent this workspace names (cekura.runs.agentId), failed ones first.
		const rows = (await waitForRunList(wb)).filter((r) => /^#\d+ /.test(r));
		assert.ok(rows.length >= 5, `only ${rows.length} runs listed: ${JSON.stringify(rows)}`);
		assert.deepEqual(rows.filter((r) => !r.includes('Dental Front Desk')), [], 'runs of other agents are listed');
		await uncheckAllRuns(wb);
		for (const id of RUNS) await wb.toggleQuickPickRow(new RegExp(`#${id} `));
		const picker = page.locator('.quick-input-widget');
		assertNoHarnessTraces(await picker.innerText(), 'the run picker', workspaceDir);
		await page.mouse.move(1, 1);
		const box = await picker.boundingBox();
		assert.ok(box, 'the run picker has no size');
		// Only the top of the window, down to just below the picker: the picture stays small and to the point.
		const viewport = page.viewportSize() ?? { width: 1400, height: 850 };
		const runsShot = path.join(media, 'screenshot-runs.png');
		await page.screenshot({ path: runsShot, clip: { x: 0, y: 0, width: viewport.width, height: Math.min(viewport.height, Math.ceil(box.y + box.height + 24)) } });
		log(`run picker: ${runsShot}`);
		await wb.clickQuickPickOk();
		await acceptFocus(wb);

		// The review, titled with who wrote the proposal: the local model by name, not by its address.
		const title = `${PROMPT}: Original ↔ Improved (runs ${RUNS.join(', ')}) · by ${MODEL} (local server)`;
		await wb.waitForDiffEditor(title, 30_000);
		const summary = await wb.waitForNotification(new RegExp(`Proposal by ${MODEL.replace(/\./g, '\\.')} \\(local server\\): `), 30_000).catch(async (err: unknown) => {
			log(`toasts: ${JSON.stringify(await wb.notificationTexts())}`);
			throw err;
		});
		assert.match(summary, /\+\d+ −\d+ lines/);
		assert.match(await wb.readDiffSide('modified'), /first verify their full name/);
		const tab = page.locator('.part.editor .editor-group-container.active .tab.active');
		const tabText = `${await tab.innerText()} ${(await tab.getAttribute('aria-label')) ?? ''}`;
		assert.ok(tabText.includes(title), `the review's tab reads ${JSON.stringify(tabText)}`);
		assertNoHarnessTraces(tabText, 'the review\'s tab', workspaceDir);
		assertNoHarnessTraces(summary, 'the summary', workspaceDir);
		assertNoHarnessTraces(await page.title(), 'the window title', workspaceDir);
		assert.match(await page.title(), new RegExp(FOLDER));
		await page.locator('.statusbar-item', { hasText: /Cekura: \+\d+ −\d+ lines/ }).first().waitFor({ timeout: 10_000 });
		// The summary's toast would cover the proposal side; the status bar item keeps it one click away.
		await wb.runCommand('Notifications: Clear All Notifications');
		await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'hidden', timeout: 10_000 });
		log(`review: ${await wb.screenshot(media, 'screenshot-review.png')}`);
	},
};
