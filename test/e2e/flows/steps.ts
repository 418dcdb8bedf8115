import * as assert from 'node:assert/strict';
import { DEMO_API_KEY, type ImproveRecord } from '../../server/cekuraServer';
import { waitFor, waitForValue } from '../../support/waitFor';
import type { FlowContext, Workbench } from '../workbench';

/** Steps several flows share, each as a person does it. */

export const IMPROVE_TITLE = 'Improve Prompt from Runs…';
export const PROMPT_FILE = 'dental-front-desk.md';
export const PROMPT_FILE_TEXT = 'Bright Smile Dental';

/** Cekura: Set API Key from the Command Palette, typing the key into the password box. */
export async function setApiKey(wb: Workbench, key = DEMO_API_KEY): Promise<void> {
	await wb.runCommand('Cekura: Set API Key');
	// The first command of a session also activates the extension: the box can take a moment.
	await waitForQuickInputTitle(wb, /Set API Key/);
	assert.equal(await wb.page.locator('.quick-input-widget .quick-input-box input').getAttribute('type'), 'password', 'the API key box does not hide what is typed');
	await wb.typeInQuickInput(key);
	await wb.acceptQuickInput();
	await waitUntilClosed(wb);
}

/** Opens the prompt file, selects lines `from`..`to` and chooses the command from the right-click menu. */
export async function improveSelection(wb: Workbench, from = 3, to = 20): Promise<void> {
	await wb.openFile(PROMPT_FILE, PROMPT_FILE_TEXT);
	await wb.selectLines(from, to);
	await wb.contextMenuCommand(IMPROVE_TITLE);
}

/** Waits for the run picker to list runs (not just its manual-entry row). */
export async function waitForRunList(wb: Workbench): Promise<string[]> {
	return waitForValue(
		async () => {
			const texts = await wb.quickPickTitleOrMessage();
			const rows = await wb.quickPickRows();
			return /Choose up to 3 runs/.test(texts.title) && rows.some((r) => /^#\d+ /.test(r)) ? rows : undefined;
		},
		'the run picker to list runs',
		15_000,
		200,
	);
}

/** Leaves exactly the given runs checked (the picker pre-checks the IDs used last) and presses OK. */
export async function pickRuns(wb: Workbench, ids: readonly number[]): Promise<void> {
	await uncheckAllRuns(wb);
	for (const id of ids) await wb.toggleQuickPickRow(new RegExp(`#${id} `));
	await wb.clickQuickPickOk();
}

/** Unchecks the runs the picker pre-checked because they were used last. */
export async function uncheckAllRuns(wb: Workbench): Promise<void> {
	await waitForRunList(wb);
	const checked = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row[aria-checked="true"]');
	for (let i = 0; i < 5 && (await checked.count()) > 0; i++) {
		const label = (await checked.first().getAttribute('aria-label')) ?? '';
		const id = /#(\d+) /.exec(label)?.[1];
		if (!id) throw new Error(`a checked row that is not a run: ${label}`);
		await wb.toggleQuickPickRow(new RegExp(`#${id} `));
	}
}

export async function waitForQuickInputTitle(wb: Workbench, title: RegExp, timeoutMs = 15_000): Promise<void> {
	let seen = '';
	try {
		await waitFor(
			async () => {
				seen = (await wb.quickPickTitleOrMessage().catch(() => undefined))?.title ?? '';
				return title.test(seen);
			},
			`a quick input titled ${title}`,
			timeoutMs,
			200,
		);
	} catch (err) {
		// What was on screen instead: another quick input, or a message that answered the command.
		const toasts = await wb.notificationTexts().catch(() => []);
		throw new Error(`${err instanceof Error ? err.message : String(err)} (quick input title: ${JSON.stringify(seen)}; notifications: ${JSON.stringify(toasts)})`);
	}
}

/** Waits until the quick input's title, placeholder or validation message matches `text`. */
export async function waitForQuickInputText(wb: Workbench, text: RegExp, timeoutMs = 10_000): Promise<void> {
	await waitFor(
		async () => {
			const texts = await wb.quickPickTitleOrMessage().catch(() => undefined);
			return !!texts && text.test(`${texts.title}\n${texts.placeholder}\n${texts.message}`);
		},
		`the quick input to say ${text}`,
		timeoutMs,
		100,
	);
}

/** Chooses "Enter run IDs manually…" in the run picker and waits for the input box. */
export async function chooseManualEntry(wb: Workbench): Promise<void> {
	await waitForRunList(wb);
	await wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Enter run IDs manually' }).first().click();
	await waitForQuickInputTitle(wb, /Enter up to 3 run IDs/);
}

/** The focus step: all failing metrics and categories are checked; OK keeps them. */
export async function acceptFocus(wb: Workbench): Promise<string[]> {
	await waitFor(
		async () => {
			const texts = await wb.quickPickTitleOrMessage().catch(() => undefined);
			return !!texts && /Focus the improvement/.test(texts.title) && !/Looking up/.test(texts.placeholder);
		},
		'the focus step to finish loading',
		15_000,
		200,
	);
	const rows = await wb.quickPickRows();
	await wb.clickQuickPickOk();
	return rows;
}

/** From the right-click to the open review diff of runs `ids`. */
export async function openReview(ctx: FlowContext, ids: readonly number[] = [5546]): Promise<void> {
	await improveSelection(ctx.wb);
	await pickRuns(ctx.wb, ids);
	await acceptFocus(ctx.wb);
	await ctx.wb.waitForDiffEditor(`Original ↔ Improved (runs ${ids.join(', ')})`);
}

/** Clicks an icon in the active editor's title bar by its label. */
export async function clickEditorAction(wb: Workbench, label: string): Promise<void> {
	const action = wb.page.locator(`.part.editor .editor-group-container.active .editor-actions .action-label[aria-label*="${label}"]`).first();
	await action.waitFor({ state: 'visible', timeout: 15_000 });
	await action.click();
}

/** Apply's last step: the file shown with the text written selected, then this status bar message. */
export async function waitForApplied(wb: Workbench): Promise<void> {
	await wb.page.locator('.statusbar-item', { hasText: /Cekura: improved prompt applied to dental-front-desk\.md/ }).first().waitFor({ timeout: 15_000 });
}

export async function waitUntilClosed(wb: Workbench): Promise<void> {
	await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15_000 });
}

export function improveRequests(ctx: FlowContext): ImproveRecord[] {
	return ctx.server.improveRequests();
}
