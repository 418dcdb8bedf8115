import type * as vscode from 'vscode';
import { QuickInputIds } from '../../src/core/quickInputIds';
import { redact } from '../../src/core/redact';
import { redactingWindow } from '../../src/vscode/redactingWindow';
import type { QuickPickWidget, UserInterface } from '../../src/vscode/userInterface';
import { KEY, keyShownIn, MODEL_KEY, type FaultCase } from './faultCase';

interface RunItem extends vscode.QuickPickItem {
	runId?: number;
}

/** The quick pick on the screen: it keeps what it is given, which is what a person would read. */
class Screen {
	title: string | undefined;
	placeholder: string | undefined;
	items: readonly RunItem[] = [];
	selectedItems: readonly RunItem[] = [];
	onDidChangeSelection = () => ({ dispose: () => {} });
	text(): string {
		return JSON.stringify([this.title, this.placeholder, this.items, this.selectedItems]);
	}
}

/** A quick pick made by `createQuickPick`, as the run and focus pickers make theirs, through the extension's `Ui` redaction. */
function picker(): { shown: Screen; pick: QuickPickWidget<RunItem> } {
	const shown = new Screen();
	const screen = { createQuickPick: () => shown } as unknown as UserInterface;
	const pick = redactingWindow(screen, (text) => redact(text, [KEY, MODEL_KEY])).createQuickPick<RunItem>(QuickInputIds.runs);
	return { shown, pick };
}

/** Quick picks that a picker builds itself (`createQuickPick`): a server's text with a key is shown redacted there too. */
export function quickInputCases(): FaultCase[] {
	return [
		{
			name: 'a run list whose scenario names, statuses and agents echo the key',
			check() {
				const { shown, pick } = picker();
				const items: RunItem[] = [
					{ label: `#5546 Reschedule ${KEY}`, description: `Failed · ${MODEL_KEY}`, detail: `Agent ${KEY}`, runId: 5546 },
					{ label: '#5547 fine', runId: 5547 },
				];
				pick.items = items;
				pick.selectedItems = [items[0]];
				return keyShownIn('the run picker', shown.text());
			},
		},
		{
			name: 'a next page of runs with the key, added to the ones shown',
			check() {
				const { shown, pick } = picker();
				const first: RunItem[] = [{ label: '#1 fine', runId: 1 }];
				pick.items = first;
				pick.items = [...first, { label: `#2 ${encodeURIComponent(KEY)}`, detail: KEY, runId: 2 }];
				return keyShownIn('the run picker after Load more', shown.text());
			},
		},
		{
			name: 'a quick pick title and placeholder that quote an error with the key',
			check() {
				const { shown, pick } = picker();
				pick.title = `Cekura: Choose up to 3 runs: ${KEY}`;
				pick.placeholder = `Could not list runs: 401 for key ${MODEL_KEY}`;
				return keyShownIn('the quick pick\'s title or placeholder', shown.text());
			},
		},
	];
}
