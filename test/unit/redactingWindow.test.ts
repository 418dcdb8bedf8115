import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as vscode from 'vscode';
import { QuickInputIds } from '../../src/core/quickInputIds';
import { BACK, isBack } from '../../src/core/quickInputStep';
import { redactingWindow } from '../../src/vscode/redactingWindow';
import type { QuickPickWidget, UserInterface } from '../../src/vscode/userInterface';

const KEY = 'ck_live_0123456789abcdef';
const redact = (text: string): string => text.split(KEY).join('«redacted»');

interface Item extends vscode.QuickPickItem {
	runId: number;
}

/** What reaches the screen: a quick pick that keeps what it was given, and reports selections as the workbench does. */
class ScreenPick implements Partial<QuickPickWidget<Item>> {
	items: readonly Item[] = [];
	selectedItems: readonly Item[] = [];
	title: string | undefined;
	placeholder: string | undefined;
	listeners: ((items: readonly Item[]) => void)[] = [];
	onDidChangeSelection = ((listener: (items: readonly Item[]) => void) => {
		this.listeners.push(listener);
		return { dispose: () => {} };
	}) as vscode.Event<readonly Item[]>;
}

function screen(pick: ScreenPick, answer: unknown = undefined, progress: string[] = []): UserInterface {
	return {
		withProgress: (title, task) => {
			progress.push(title);
			return task((message) => progress.push(message), { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) });
		},
		showMessage: async () => undefined,
		showInputBox: async () => undefined,
		inputStep: async () => BACK,
		showQuickPick: async <T extends vscode.QuickPickItem>(items: readonly T[]) => items[1],
		pickStep: async () => answer as never,
		createQuickPick: <T extends vscode.QuickPickItem>() => pick as unknown as QuickPickWidget<T>,
	};
}

test('a quick pick made with createQuickPick shows its title, placeholder and items without the key, and hands back the caller\'s own items', () => {
	const onScreen = new ScreenPick();
	const picker = redactingWindow(screen(onScreen), redact).createQuickPick<Item>(QuickInputIds.runs);
	const items: Item[] = [
		{ label: `#1 scenario ${KEY}`, description: `said ${KEY}`, detail: `detail ${KEY}`, runId: 1 },
		{ label: '#2 fine', runId: 2 },
	];
	picker.title = `Runs of ${KEY}`;
	picker.placeholder = `Filter ${KEY}`;
	picker.items = items;
	picker.selectedItems = [items[0]];

	const everything = JSON.stringify([onScreen.title, onScreen.placeholder, onScreen.items, onScreen.selectedItems]);
	assert.ok(!everything.includes(KEY), `the key reached the screen: ${everything}`);
	assert.match(onScreen.items[0].label, /«redacted»/);
	assert.equal(picker.title, `Runs of ${KEY}`, 'the extension reads back what it set');
	assert.deepEqual(picker.items, items);
	assert.deepEqual(picker.selectedItems, [items[0]], 'the selection is the caller\'s own items');

	const reported: (readonly Item[])[] = [];
	picker.onDidChangeSelection((selected) => reported.push(selected));
	onScreen.listeners.forEach((l) => l(onScreen.items));
	assert.deepEqual(reported, [items]);
	assert.equal(reported[0][0], items[0]);
});

test('what holds no text (busy, checkboxes, the step counter, the Back button) reaches the screen as it is', () => {
	const onScreen = new ScreenPick() as ScreenPick & Record<string, unknown>;
	const picker = redactingWindow(screen(onScreen), redact).createQuickPick<Item>(QuickInputIds.focus);
	const back = { iconPath: 'back' } as unknown as vscode.QuickInputButton;
	picker.busy = true;
	picker.canSelectMany = true;
	picker.step = 2;
	picker.totalSteps = 3;
	picker.buttons = [back];
	assert.deepEqual([onScreen.busy, onScreen.canSelectMany, onScreen.step, onScreen.totalSteps, onScreen.buttons], [true, true, 2, 3, [back]]);
	onScreen.busy = false;
	assert.equal(picker.busy, false);
	assert.equal(Object.keys(picker).includes('busy'), false, 'a field of its own would hide the one on the screen');
});

test('setting the same items again redacts each item once and shows the same copies', () => {
	const onScreen = new ScreenPick();
	let calls = 0;
	const picker = redactingWindow(screen(onScreen), (text) => (calls++, redact(text))).createQuickPick<Item>(QuickInputIds.runs);
	const items: Item[] = [{ label: '#1', runId: 1 }];
	picker.items = items;
	const first = onScreen.items[0];
	const afterFirst = calls;
	picker.items = [...items, { label: '#2', runId: 2 }];
	assert.equal(onScreen.items[0], first);
	assert.equal(calls - afterFirst, 1, 'only the new item was redacted');
});

test('a step\'s single-choice pick is redacted, and Back comes through as Back', async () => {
	const items: Item[] = [{ label: `a ${KEY}`, runId: 1 }, { label: 'b', runId: 2 }];
	const window = redactingWindow(screen(new ScreenPick(), BACK), redact);
	const answer = await window.pickStep(items, { id: QuickInputIds.chatModel, title: KEY }, { step: 2, totalSteps: 3, canGoBack: true });
	assert.ok(isBack(answer));
	const picked = await window.showQuickPick(items, { id: QuickInputIds.chatModel });
	assert.equal(picked, items[1]);
});

test('a progress notification shows its title and each message without the key', async () => {
	const shown: string[] = [];
	const result = await redactingWindow(screen(new ScreenPick(), undefined, shown), redact).withProgress(`Improving with ${KEY}`, async (report) => {
		report(`${KEY}: 1,204 characters received…`);
		return 'done';
	});
	assert.equal(result, 'done');
	assert.deepEqual(shown, ['Improving with «redacted»', '«redacted»: 1,204 characters received…']);
});
