// Page object for the VS Code web workbench served by code-server (selectors and pitfalls from
// CONTRIBUTING.md, "The VS Code test harness"). Every wait has a timeout and fails with what it was waiting for.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { CekuraServer } from '../server/cekuraServer';
import { waitFor } from '../support/waitFor';
import type { OpenAiServer } from '../server/openAiServer';

export type DiffSide = 'original' | 'modified';

export interface QuickInputTexts {
	title: string;
	placeholder: string;
	/** Validation or informational message under the input box; '' when none. */
	message: string;
}

/** What run-ui.ts hands every flow. All flows share one workbench session. */
export interface FlowContext {
	page: Page;
	wb: Workbench;
	/** The local fake Cekura server the extension talks to (reset before each flow). */
	server: CekuraServer;
	/** The local OpenAI-compatible model server, set up in the user settings (reset before each flow). */
	model: OpenAiServer;
	/** The scratch copy of test/fixtures/workspace the workbench has open (restored before each flow). */
	workspaceDir: string;
	/** The packaged extension (.vsix) under test, for a flow that installs it itself. */
	vsix: string;
	shotsDir: string;
	log(message: string): void;
}

/** A UI flow; lives in test/e2e/flows/<name>.ts as a named const and throws on failure. */
export interface Flow {
	name: string;
	/** Runs in a second workbench with workspace trust on, whose folder the flow leaves untrusted (Restricted Mode). */
	untrustedFolder?: boolean;
	/** Runs in a second workbench whose code-server was started with `--locale <locale>` (VS Code's display language). */
	locale?: string;
	/** Runs in a second workbench that does not have the extension: the flow installs it from {@link FlowContext.vsix}. */
	installsExtension?: boolean;
	/** Runs in a second workbench of its own, on a workspace that looks like a user's (see {@link OwnWorkspace}). */
	ownWorkspace?: OwnWorkspace;
	run(ctx: FlowContext): Promise<void>;
}

/** A copy of test/fixtures/<fixture> in a folder named `folderName`, with a model server of its own offering `models`. */
export interface OwnWorkspace {
	fixture: string;
	folderName: string;
	models: string[];
	/** Over the usual user settings; `cekura.openaiCompatible.baseUrl` is the own model server's. */
	userSettings?: Record<string, unknown>;
}

const WORKBENCH_TIMEOUT_MS = 120_000;
const DEFAULT_TIMEOUT_MS = 15_000;
/** Context-menu contributions of installed extensions show up late (§6): retry this often. */
const CONTEXT_MENU_ATTEMPTS = 9;

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_ROWS = `${QUICK_INPUT} .quick-input-list .monaco-list-row`;
const ACTIVE_GROUP = '.part.editor .editor-group-container.active';

/** Opens the workbench on `folder` and waits until it is usable. */
export async function openWorkbench(page: Page, url: string, folder: string): Promise<Workbench> {
	const target = `${url.replace(/\/$/, '')}/?folder=${encodeURIComponent(folder)}`;
	await page.goto(target);
	const workbench = new Workbench(page);
	await workbench.waitForReady();
	return workbench;
}

export class Workbench {
	constructor(readonly page: Page) {}

	/** Waits for the workbench shell and the Explorer showing the folder. */
	async waitForReady(): Promise<void> {
		await visible(this.page.locator('.monaco-workbench'), 'the workbench (.monaco-workbench)', WORKBENCH_TIMEOUT_MS);
		await visible(this.page.locator('.explorer-folders-view .monaco-list-row').first(), 'the Explorer to list the workspace folder', WORKBENCH_TIMEOUT_MS);
	}

	/** Clicks `name` in the Explorer and waits until its editor is active and shows `expectedText`. */
	async openFile(name: string, expectedText: string): Promise<void> {
		const row = this.page
			.locator('.explorer-folders-view .monaco-list-row')
			.filter({ has: this.page.locator('.label-name', { hasText: exactText(name) }) })
			.first();
		await visible(row, `Explorer row "${name}"`);
		await row.click();
		await visible(this.page.locator(`${ACTIVE_GROUP} .tab.active`, { hasText: name }), `the active tab "${name}"`);
		await visible(this.activeEditor().locator('.view-lines', { hasText: expectedText }), `editor "${name}" to show "${expectedText}"`);
	}

	/** Selects whole lines `fromLine`..`toLine` (1-based, both visible) of the active editor. */
	async selectLines(fromLine: number, toLine: number): Promise<void> {
		if (fromLine < 1 || toLine < fromLine) throw new Error(`selectLines(${fromLine}, ${toLine}): need 1 <= fromLine <= toLine`);
		// Clicking the left edge of the text puts the cursor in column 1, also on indented lines (Home would not).
		const start = await this.linePoint(fromLine);
		await this.page.mouse.click(start.x, start.y);
		const end = await this.linePoint(toLine);
		await this.page.keyboard.down('Shift');
		try {
			await this.page.mouse.click(end.x, end.y);
			await this.page.keyboard.press('End');
		} finally {
			await this.page.keyboard.up('Shift');
		}
		// The status bar shows where the cursor ended up; a single empty line gives an empty selection.
		await visible(this.page.locator('.part.statusbar .statusbar-item', { hasText: new RegExp(`Ln ${toLine}, Col \\d+`) }).first(), `the cursor to end on line ${toLine}`, 5_000);
		if (toLine > fromLine) await visible(this.activeEditor().locator('.selected-text').first(), `a selection of lines ${fromLine}-${toLine}`, 5_000);
	}

	async selectAll(): Promise<void> {
		const lines = this.activeEditor().locator('.view-lines');
		await visible(lines, 'the active editor');
		await lines.click({ position: { x: 5, y: 5 } });
		await this.page.keyboard.press('ControlOrMeta+A');
		await visible(this.activeEditor().locator('.selected-text').first(), 'the select-all selection', 5_000);
	}

	/**
	 * Right-clicks the selection (or the cursor line) of the active editor, waits for the menu entry
	 * `title`, runs `beforeClick` with the menu open (e.g. a screenshot) and clicks the entry.
	 */
	async contextMenuCommand(title: string, beforeClick?: () => Promise<void>): Promise<void> {
		const entry = this.page.locator('.monaco-menu .action-item:not(.disabled) .action-label', { hasText: exactText(title) });
		for (let attempt = 1; ; attempt++) {
			const point = await this.selectionPoint();
			await this.page.mouse.click(point.x, point.y, { button: 'right' });
			try {
				await entry.first().waitFor({ state: 'visible', timeout: 3_000 });
				break;
			} catch {
				await this.page.keyboard.press('Escape');
				if (attempt >= CONTEXT_MENU_ATTEMPTS) {
					const shown = await this.page.locator('.monaco-menu .action-label').allInnerTexts().catch(() => []);
					throw new Error(`context menu entry "${title}" did not appear after ${attempt} right-clicks (menu showed: ${shown.filter(Boolean).join(' | ') || 'nothing'})`);
				}
				await this.page.waitForTimeout(2_000);
			}
		}
		if (beforeClick) await beforeClick();
		// A click landing right after the menu opened is sometimes swallowed (the entry only gets focus):
		// click again, then fall back to Enter on the focused entry.
		const menu = this.page.locator('.monaco-menu:visible');
		for (let attempt = 1; ; attempt++) {
			if (attempt <= 3) await entry.first().click();
			else await this.page.keyboard.press('Enter');
			try {
				await menu.first().waitFor({ state: 'hidden', timeout: 2_000 });
				return;
			} catch {
				if (attempt >= 4) throw new Error(`the context menu stayed open after choosing "${title}" ${attempt} times`);
			}
		}
	}

	/** F1, type `title`, click the command row whose label is exactly `title`. */
	async runCommand(title: string): Promise<void> {
		// An installed extension's commands reach the palette only once its host has scanned it (§6): retry.
		for (let attempt = 1; ; attempt++) {
			await this.openCommandPalette(title);
			const row = this.quickPickRow(title, true);
			try {
				await visible(row, `command palette row "${title}"`, attempt < 5 ? 3_000 : DEFAULT_TIMEOUT_MS);
				await row.click();
				return;
			} catch (err) {
				if (attempt >= 5) throw err;
				await this.closeQuickInput().catch(() => undefined);
				await this.page.waitForTimeout(1_000);
			}
		}
	}

	/** F1 and `query`; returns the rows the palette offers (after the list settles). Leaves the palette open. */
	async commandPaletteRows(query: string): Promise<string[]> {
		await this.openCommandPalette(query);
		return this.quickPickRows();
	}

	/** The visible quick pick rows as their aria-labels: "label, description, detail"; palette rows add ", <keybinding>". */
	async quickPickRows(): Promise<string[]> {
		await visible(this.page.locator(QUICK_INPUT), 'the quick input');
		await this.settle();
		// The row's aria-label is "label, description, detail"; innerText would run them together.
		const rows = await this.page.locator(QUICK_INPUT_ROWS).all();
		const texts: string[] = [];
		for (const row of rows) texts.push(normalize((await row.getAttribute('aria-label')) || (await row.innerText())));
		return texts.filter(Boolean);
	}

	/** Clicks the first row whose aria-label ("label, description, detail", icons left out) matches `label`. */
	async clickQuickPickRowByLabel(label: RegExp): Promise<void> {
		const rows = await this.quickPickRows();
		const index = rows.findIndex((row) => label.test(row));
		if (index < 0) throw new Error(`no quick pick row matches ${String(label)}; rows: ${JSON.stringify(rows)}`);
		await this.page.locator(QUICK_INPUT_ROWS).nth(index).click();
	}

	/** Ticks or unticks the checkbox of the multi-select row containing `text`. */
	async toggleQuickPickRow(text: string | RegExp): Promise<void> {
		const row = this.quickPickRow(text);
		await visible(row, `quick pick row ${String(text)}`);
		const checkbox = row.locator('.monaco-checkbox, .monaco-custom-toggle, input[type=checkbox]').first();
		if ((await checkbox.count()) === 0) throw new Error(`quick pick row ${String(text)} has no checkbox (is the pick canPickMany?)`);
		const before = await row.getAttribute('aria-checked');
		await checkbox.click();
		await waitFor(async () => (await row.getAttribute('aria-checked')) !== before, `quick pick row ${String(text)} to change its checked state`);
	}

	/** Clicks OK of a multi-select quick pick (Enter would toggle the focused row instead, §6). */
	async clickQuickPickOk(): Promise<void> {
		const ok = this.page.locator(`${QUICK_INPUT} .monaco-button`, { hasText: exactText('OK') });
		await visible(ok, 'the OK button of the quick pick');
		await ok.click();
	}

	/** Whether the multi-select row containing `text` is ticked. */
	async isQuickPickRowChecked(text: string | RegExp): Promise<boolean> {
		const row = this.quickPickRow(text);
		await visible(row, `quick pick row ${String(text)}`);
		return (await row.getAttribute('aria-checked')) === 'true';
	}

	async quickPickTitleOrMessage(): Promise<QuickInputTexts> {
		const widget = this.page.locator(QUICK_INPUT);
		await visible(widget, 'the quick input');
		await this.settle();
		const textOf = async (selector: string): Promise<string> => {
			const element = widget.locator(selector).first();
			return (await element.isVisible()) ? normalize(await element.innerText()) : '';
		};
		const placeholder = (await widget.locator('.quick-input-box input').first().getAttribute('placeholder')) ?? '';
		return {
			title: await textOf('.quick-input-title'),
			placeholder,
			message: (await textOf('.quick-input-message')) || (await textOf('.monaco-inputbox-message')),
		};
	}

	/** Replaces the quick input's text with `text`. */
	async typeInQuickInput(text: string): Promise<void> {
		const input = this.page.locator(`${QUICK_INPUT} .quick-input-box input`);
		await visible(input, 'the quick input box');
		await input.fill(text);
	}

	async acceptQuickInput(): Promise<void> {
		await visible(this.page.locator(`${QUICK_INPUT} .quick-input-box input`), 'the quick input box');
		await this.page.keyboard.press('Enter');
	}

	async isQuickInputVisible(): Promise<boolean> {
		return this.page.locator(QUICK_INPUT).isVisible();
	}

	/** Escape until the quick input is gone. */
	async closeQuickInput(): Promise<void> {
		for (let i = 0; i < 3 && (await this.isQuickInputVisible()); i++) {
			await this.page.keyboard.press('Escape');
			await this.page.waitForTimeout(200);
		}
		await hidden(this.page.locator(QUICK_INPUT), 'the quick input to close');
	}

	/** Waits for a modal dialog whose message matches `text`; returns its message and button labels. */
	async waitForDialog(text: string | RegExp, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<{ message: string; buttons: string[] }> {
		const dialog = this.page.locator('.monaco-dialog-box', { hasText: text }).first();
		await visible(dialog, `a dialog matching ${String(text)}`, timeoutMs);
		const buttons = (await dialog.locator('.dialog-buttons .monaco-button').allInnerTexts()).map(normalize);
		return { message: normalize(await dialog.innerText()), buttons };
	}

	async clickDialogButton(label: string | RegExp): Promise<void> {
		const button = this.page.locator('.monaco-dialog-box .dialog-buttons .monaco-button', { hasText: label }).first();
		await visible(button, `the dialog button ${String(label)}`);
		await button.click();
		await hidden(this.page.locator('.monaco-dialog-box'), 'the dialog to close');
	}

	/** Waits for a notification toast matching `text`; returns its message text. */
	async waitForNotification(text: string | RegExp, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<string> {
		const toast = this.notification(text);
		await visible(toast, `a notification matching ${String(text)}`, timeoutMs);
		return (await toast.locator('.notification-list-item-message').first().innerText()).replace(/\u00a0/g, ' ').trim();
	}

	async clickNotificationButton(notificationText: string | RegExp, buttonLabel: string): Promise<void> {
		const button = this.notification(notificationText).locator('.monaco-button', { hasText: exactText(buttonLabel) }).first();
		await visible(button, `button "${buttonLabel}" on the notification ${String(notificationText)}`);
		await button.click();
	}

	/** Texts of all visible notification toasts. */
	async notificationTexts(): Promise<string[]> {
		const messages = await this.page.locator('.notifications-toasts .notification-toast .notification-list-item-message').allInnerTexts();
		return messages.map((message) => message.replace(/\u00a0/g, ' ').trim());
	}

	/** Waits for a diff editor whose active tab title contains `titleSubstring`. */
	async waitForDiffEditor(titleSubstring: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
		await visible(this.page.locator(`${ACTIVE_GROUP} .tab.active`, { hasText: titleSubstring }), `the active tab "${titleSubstring}"`, timeoutMs);
		await visible(this.page.locator(`${ACTIVE_GROUP} .monaco-diff-editor`), `a diff editor for "${titleSubstring}"`, timeoutMs);
		await visible(this.page.locator(`${ACTIVE_GROUP} .monaco-diff-editor .editor.modified .view-line`).first(), 'the modified side of the diff to render');
	}

	/** Rendered text of one side of the active diff editor (only lines in view are rendered). */
	async readDiffSide(side: DiffSide): Promise<string> {
		const lines = this.page.locator(`${ACTIVE_GROUP} .monaco-diff-editor .editor.${side} .view-lines`);
		await visible(lines, `the ${side} side of the diff editor`);
		return cleanEditorText(await lines.innerText());
	}

	/** Rendered text of the active normal (non-diff) editor. */
	async editorText(): Promise<string> {
		const lines = this.activeEditor().locator('.view-lines');
		await visible(lines, 'an active text editor');
		return cleanEditorText(await lines.innerText());
	}

	/** Saves `<dir>/<name>` (adds .png when missing) and returns its path. */
	async screenshot(dir: string, name: string, options: { moveMouse?: boolean } = {}): Promise<string> {
		fs.mkdirSync(dir, { recursive: true });
		const file = path.join(dir, name.endsWith('.png') ? name : `${name}.png`);
		if (options.moveMouse ?? true) {
			// A pointer left over a widget shows hovers in the picture.
			await this.page.mouse.move(1, 1);
			await this.page.waitForTimeout(500);
		}
		await this.page.screenshot({ path: file });
		return file;
	}

	/** Between flows: close dialogs, quick input, menus, notifications and every editor (discarding changes). */
	async reset(): Promise<void> {
		for (let i = 0; i < 3; i++) await this.page.keyboard.press('Escape');
		await this.runCommand('Notifications: Clear All Notifications');
		await this.runCommand('View: Close All Editors');
		// A flow may have opened the panel (e.g. the Output view); it shrinks the editor for the next one.
		if (await this.page.locator('.part.panel').isVisible()) await this.runCommand('View: Toggle Panel Visibility');
		// Dirty editors ask whether to save; in the web workbench that is an in-page dialog.
		for (let i = 0; i < 10; i++) {
			const dontSave = this.page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Don't Save$/ });
			try {
				await dontSave.first().waitFor({ state: 'visible', timeout: i === 0 ? 1_000 : 500 });
			} catch {
				break;
			}
			await dontSave.first().click();
		}
		await visible(this.page.locator(`${ACTIVE_GROUP} .tab`).first(), 'all editors to close', 5_000, 'hidden');
	}

	/** The active editor group's normal code editor (the diff editor's inner editors are excluded). */
	activeEditor(): Locator {
		return this.page.locator(`${ACTIVE_GROUP} .editor-container .monaco-editor:not(.monaco-diff-editor .monaco-editor):not(.monaco-diff-editor)`).first();
	}

	private quickPickRow(text: string | RegExp, exactLabel = false): Locator {
		const rows = this.page.locator(QUICK_INPUT_ROWS);
		if (exactLabel && typeof text === 'string') {
			return rows.filter({ has: this.page.locator('.label-name', { hasText: exactText(text) }) }).first();
		}
		return rows.filter({ hasText: text }).first();
	}

	/** The notification toast matching `text`. */
	notification(text: string | RegExp): Locator {
		return this.page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
	}

	private async openCommandPalette(query: string): Promise<void> {
		// An editor the extension reveals a moment later (the last step of Apply) takes the focus and closes the
		// palette under the typing: open it again, as a person would.
		for (let attempt = 1; ; attempt++) {
			await this.closeQuickInput().catch(() => undefined);
			await this.page.keyboard.press('F1');
			const input = this.page.locator(`${QUICK_INPUT} .quick-input-box input`);
			try {
				await visible(input, 'the command palette (F1)');
				// The palette opens with ">"; keep it so the text is matched against commands.
				await input.fill(`>${query}`, { timeout: 5_000 });
				break;
			} catch (err) {
				if (attempt >= 3) throw err;
			}
		}
		await this.settle();
	}

	/** Lets the quick pick finish filtering / rendering after input. */
	private async settle(): Promise<void> {
		await this.page.waitForTimeout(400);
	}

	/** A point at column 1 of line `line` of the active editor (the left edge of its text area). */
	private async linePoint(line: number): Promise<{ x: number; y: number }> {
		const editor = this.activeEditor();
		const number = editor.locator('.margin-view-overlays .line-numbers', { hasText: exactText(String(line)) }).first();
		// The editor re-renders its lines while it loads (e.g. once the grammar arrives): retry briefly.
		for (let attempt = 1; ; attempt++) {
			await visible(number, `line number ${line} in the active editor (is the line scrolled into view?)`);
			const numberBox = await number.boundingBox({ timeout: 2_000 }).catch(() => null);
			const linesBox = await editor.locator('.view-lines').boundingBox({ timeout: 2_000 }).catch(() => null);
			if (numberBox && linesBox) return { x: linesBox.x + 1, y: numberBox.y + numberBox.height / 2 };
			if (attempt >= 10) throw new Error(`line ${line} of the active editor has no position on screen`);
			await this.page.waitForTimeout(300);
		}
	}

	/**
	 * Where to right-click so the selection survives: inside the bottom-most selected line (the end the editor
	 * keeps revealed; top lines may sit under the sticky-scroll header), else the cursor.
	 */
	private async selectionPoint(): Promise<{ x: number; y: number }> {
		const editor = this.activeEditor();
		await visible(editor, 'an active text editor');
		const area = await editor.locator('.view-lines').boundingBox();
		const editorBox = await editor.boundingBox();
		if (!area || !editorBox) throw new Error('the active editor has no position on screen');
		// getBoundingClientRect also measures the blinking cursor while it is invisible.
		const rects = async (selector: string): Promise<Rect[]> =>
			editor.locator(selector).evaluateAll((elements) =>
				elements.map((element): Rect => {
					const r = element.getBoundingClientRect();
					return { x: r.x, y: r.y, width: r.width, height: r.height };
				}),
			);
		const onScreen = (r: Rect): boolean => r.height > 0 && r.y >= editorBox.y && r.y + r.height <= editorBox.y + editorBox.height;
		const selected = (await rects('.selected-text')).filter((r) => r.width >= 4 && onScreen(r)).sort((a, b) => b.y - a.y)[0];
		if (selected) return { x: selected.x + Math.min(selected.width / 2, 40), y: selected.y + selected.height / 2 };
		const cursor = (await rects('.cursor')).filter(onScreen)[0];
		if (cursor) return { x: cursor.x + 1, y: cursor.y + cursor.height / 2 };
		throw new Error('no selection or cursor on screen to right-click');
	}
}

interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}

async function visible(locator: Locator, what: string, timeoutMs = DEFAULT_TIMEOUT_MS, state: 'visible' | 'hidden' = 'visible'): Promise<void> {
	try {
		await locator.waitFor({ state, timeout: timeoutMs });
	} catch (err) {
		const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
		throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${state === 'hidden' ? ' to go away' : ''} (${reason})`);
	}
}

function hidden(locator: Locator, what: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
	return visible(locator, what, timeoutMs, 'hidden');
}

function exactText(text: string): RegExp {
	return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

function normalize(text: string): string {
	return text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
}

function cleanEditorText(text: string): string {
	return text.replace(/\u00a0/g, ' ').replace(/\r\n/g, '\n');
}
