import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { waitFor, waitForValue } from '../../support/waitFor';
import type { Flow } from '../workbench';
import { acceptFocus, clickEditorAction, IMPROVE_TITLE, improveRequests, pickRuns, setApiKey } from './steps';

const EXPORT_FILE = 'vapi-assistant.json';

interface VapiAssistant {
	model: { messages: { role: string; content: string }[] };
}

/**
 * A VAPI assistant export improved where it lives: the CodeLens "Improve with Cekura runs" above the system prompt,
 * runs, focus, the review, Apply from the title bar, save; the file on disk is valid JSON with the improved prompt.
 * First, a .prompty file gets the title bar's Improve Prompt from Runs….
 */
export const agentExport: Flow = {
	name: 'agentExport',
	async run(ctx) {
		const { wb, shotsDir, log, workspaceDir } = ctx;
		await setApiKey(wb);

		await wb.openFile('front-desk.prompty', 'Keep calls short.');
		await wb.page.locator(`.part.editor .editor-group-container.active .editor-actions .action-label[aria-label*="${IMPROVE_TITLE}"]`).first().waitFor({ state: 'visible', timeout: 15_000 });

		const file = path.join(workspaceDir, EXPORT_FILE);
		const original = fs.readFileSync(file, 'utf8');
		const before = JSON.parse(original) as VapiAssistant;
		await wb.openFile(EXPORT_FILE, '"messages"');
		const lens = wb.page.locator('.part.editor .editor-group-container.active .codelens-decoration a', { hasText: 'Improve with Cekura runs' }).first();
		await lens.waitFor({ state: 'visible', timeout: 20_000 });
		const tooltip = (await lens.getAttribute('title')) ?? '';
		assert.match(tooltip, /VAPI assistant \(model\.messages\[0\]\.content\)/);
		// The lens stands above the line of "content" (the next rendered line below the lens).
		// The editor redraws CodeLenses when it refreshes them: measure until both are on screen.
		const contentLine = wb.activeEditor().locator('.view-line', { hasText: '"content": "# Bright Smile Dental' }).first();
		const [lensBox, lineBox] = await waitForValue(
			async () => {
				const boxes = [await lens.boundingBox({ timeout: 1_000 }).catch(() => null), await contentLine.boundingBox({ timeout: 1_000 }).catch(() => null)] as const;
				return boxes[0] && boxes[1] ? [boxes[0], boxes[1]] : undefined;
			},
			'the CodeLens and the "content" line on screen',
			10_000,
			200,
		);
		assert.ok(lineBox.y > lensBox.y && lineBox.y - lensBox.y < 2 * lineBox.height, `the CodeLens is not just above the "content" line: ${JSON.stringify({ lensBox, lineBox })}`);
		log(`CodeLens: ${await wb.screenshot(shotsDir, 'agent-export-codelens.png')}`);
		await lens.click();

		await pickRuns(wb, [5546]);
		await acceptFocus(wb);
		await wb.waitForDiffEditor('Original ↔ Improved (runs 5546)');
		assert.equal(improveRequests(ctx)[0]?.body.prompt, before.model.messages[0].content, 'the prompt sent is not the decoded system message');
		assert.match(await wb.readDiffSide('modified'), /Rules learned from test runs/);
		log(`review: ${await wb.screenshot(shotsDir, 'agent-export-review.png')}`);

		await clickEditorAction(wb, 'Apply Improved Prompt');
		await wb.page.locator('.part.editor .editor-group-container.active .tab.active', { hasText: EXPORT_FILE }).waitFor({ timeout: 15_000 });
		// Apply leaves the source editor focused, with the applied text selected: Ctrl+S saves it.
		await wb.page.keyboard.press('ControlOrMeta+S');
		const saved = await waitForValue(
			() => {
				const text = fs.readFileSync(file, 'utf8');
				return text !== original ? text : undefined;
			},
			`${EXPORT_FILE} to be saved with the improvement`,
			15_000,
			200,
		);
		const after = JSON.parse(saved) as VapiAssistant;
		const improved = after.model.messages[0].content;
		assert.match(improved, /Keep calls short, but never end the call[\s\S]*## Rules learned from test runs/);
		assert.ok(improved.includes('"Zoë", "Ortega"') && improved.includes('C:\\Clinic\\Forms'), 'quotes, backslashes or unicode of the prompt were lost');
		after.model.messages[0].content = before.model.messages[0].content;
		assert.deepEqual(after, before, 'Apply changed more than the system prompt');
		await waitFor(async () => !(await wb.page.locator('.part.editor .editor-group-container.active .tab.active.dirty').count()), 'the editor to show the file saved');
		log(`applied and saved: ${await wb.screenshot(shotsDir, 'agent-export-applied.png')}`);
	},
};
