import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { waitForValue } from '../../support/waitFor';
import { repoRoot } from '../codeServer';
import type { Flow, Workbench } from '../workbench';
import { openReview, setApiKey } from './steps';

const TITLE_ACTIONS = (group: 'active' | 'other'): string => `.part.editor .editor-group-container${group === 'active' ? '.active' : ':not(.active)'} .title .editor-actions .action-label`;
const REVIEW_ITEM = '.part.statusbar .statusbar-item';

/** The titles of the icons the manifest puts in a review's title bar, in their order, as `package.nls[.<locale>].json` says them. */
export function reviewActionTitles(locale?: string): string[] {
	const root = repoRoot();
	const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
		contributes: { commands: { command: string; title: string }[]; menus: Record<string, { command: string; when?: string; group?: string }[]> };
	};
	const nls = JSON.parse(fs.readFileSync(path.join(root, locale ? `package.nls.${locale}.json` : 'package.nls.json'), 'utf8')) as Record<string, string>;
	const order = (group = ''): number => Number(/@(\d+)$/.exec(group)?.[1] ?? 0);
	return manifest.contributes.menus['editor/title']
		.filter((e) => /resourceScheme == cekura-review/.test(e.when ?? '') && e.group?.startsWith('navigation'))
		.sort((a, b) => order(a.group) - order(b.group))
		.map((e) => nls[(manifest.contributes.commands.find((c) => c.command === e.command)?.title ?? '').replace(/^%|%$/g, '')]);
}

/**
 * The actions shown in the title bar of the active editor group (or of the other one, when two are open): what a
 * screen reader reads of each (its label), and its text.
 */
export function titleBarActions(wb: Workbench, group: 'active' | 'other' = 'active'): Promise<{ label: string; text: string }[]> {
	return wb.page.locator(TITLE_ACTIONS(group)).evaluateAll((nodes) =>
		nodes.filter((n) => n.getBoundingClientRect().width > 0).map((n) => ({ label: n.getAttribute('aria-label') ?? '', text: (n.textContent ?? '').trim() })),
	);
}

/** What a screen reader reads of the open review: each title-bar action's label, and the status bar item's. */
async function readLabels(wb: Workbench): Promise<{ actions: { label: string; text: string }[]; status: { label: string; role: string } }> {
	const actions = await titleBarActions(wb);
	const item = wb.page.locator(REVIEW_ITEM, { hasText: /Cekura: \+\d+ −\d+/ }).first();
	await item.waitFor({ timeout: 15_000 });
	const labelled = item.locator('[aria-label]').first();
	return { actions, status: { label: (await labelled.getAttribute('aria-label')) ?? '', role: (await labelled.getAttribute('role')) ?? '' } };
}

/**
 * Asserts what a screen reader reads of the open review: every icon-only action in the title bar has a label of its
 * own, Cekura's are their command titles (VS Code adds the key in parentheses), and the status bar item says whose
 * review it is, its progress and what activating it does. `texts` are the locale's words.
 */
export async function assertScreenReaderLabels(wb: Workbench, texts: { titles: string[]; status: RegExp }, log: (m: string) => void): Promise<void> {
	const { actions, status } = await waitForValue(async () => {
		const read = await readLabels(wb);
		return texts.titles.every((t) => read.actions.some((a) => a.label.startsWith(t))) ? read : undefined;
	}, `the review's title-bar actions ${JSON.stringify(texts.titles)}`, 15_000, 250);
	log(`title bar: ${JSON.stringify(actions.map((a) => a.label))}; status bar: ${status.label} (${status.role})`);
	const iconOnly = actions.filter((a) => a.text === '');
	assert.deepEqual(iconOnly.filter((a) => a.label.trim() === ''), [], 'an icon-only title-bar action without a label');
	const labels = iconOnly.map((a) => a.label);
	assert.deepEqual(labels.filter((l, i) => labels.indexOf(l) !== i), [], 'title-bar actions a screen reader cannot tell apart');
	const ours = texts.titles.map((title) => actions.find((a) => a.label === title || a.label.startsWith(`${title} (`))?.label);
	assert.deepEqual(ours.map((label, i) => label?.replace(/ \([^()]*\)$/, '') ?? `(missing) ${texts.titles[i]}`), texts.titles);
	assert.match(status.label, texts.status);
	assert.equal(status.role, 'button');
}

/** Opens a review as a user does, then reads it as a screen reader does. */
export const screenReaderLabels: Flow = {
	name: 'screenReaderLabels',
	async run(ctx) {
		const { wb, shotsDir, log } = ctx;
		await setApiKey(wb);
		try {
			await openReview(ctx);
			await assertScreenReaderLabels(
				wb,
				{
					titles: reviewActionTitles(),
					status: /^Cekura review of dental-front-desk\.md: \+\d+ −\d+ lines · 1 of 1 change left\. Activate to show the summary of changes\.$/,
				},
				log,
			);
			await keysFromTheTooltip(wb, 'Cekura: Apply Improved Prompt', 'Apply Improved Prompt');
			log(`keys of Apply: ${await wb.screenshot(shotsDir, 'keys-of-apply.png')}`);
		} catch (err) {
			log(`failed: ${await wb.screenshot(shotsDir, 'screen-reader-labels-failed.png')}`);
			throw err;
		}
	},
};

/**
 * The status bar item's tooltip names a command instead of a key (the extension host cannot know the user's keys);
 * clicking the name opens Keyboard Shortcuts showing only that command's keys.
 */
async function keysFromTheTooltip(wb: Workbench, name: string, title: string): Promise<void> {
	const item = wb.page.locator(REVIEW_ITEM, { hasText: /Cekura: \+\d+ −\d+/ }).first();
	const link = wb.page.locator('.monaco-hover a, .workbench-hover a', { hasText: name }).first();
	await waitForValue(async () => {
		await wb.page.mouse.move(1, 1);
		await item.hover();
		return (await link.waitFor({ timeout: 3_000 }).then(() => true, () => false)) || undefined;
	}, `the link "${name}" in the status bar item's tooltip`, 20_000, 500);
	const hover = (await wb.page.locator('.monaco-hover, .workbench-hover').first().innerText()).replace(/\u00a0/g, ' ');
	assert.doesNotMatch(hover, /\b(Ctrl|Cmd|Alt)\b|[⌘⌥⌃]/, `the tooltip spells a key: ${hover}`);
	await link.click();
	const rows = wb.page.locator('.keybindings-editor .monaco-list-row');
	await waitForValue(async () => ((await rows.count()) === 1 ? true : undefined), 'Keyboard Shortcuts listing one command', 15_000, 250);
	assert.match((await rows.first().innerText()).replace(/\u00a0/g, ' '), new RegExp(title));
}
