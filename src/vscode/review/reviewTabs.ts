import * as vscode from 'vscode';
import { REVIEW_SCHEME } from '../../constants';

/** Review diffs are the diff tabs whose right side is a review document. */

function allTabs(): vscode.Tab[] {
	return vscode.window.tabGroups.all.flatMap((g) => g.tabs);
}

export function isReviewTab(tab: vscode.Tab, improvedUri?: vscode.Uri): boolean {
	if (!(tab.input instanceof vscode.TabInputTextDiff) || tab.input.modified.scheme !== REVIEW_SCHEME) return false;
	return improvedUri === undefined || tab.input.modified.toString() === improvedUri.toString();
}

export function reviewTabs(improvedUri?: vscode.Uri): vscode.Tab[] {
	return allTabs().filter((t) => isReviewTab(t, improvedUri));
}

/** The sides of the active tab's diff, when the active tab is a diff. */
export function activeDiff(): vscode.TabInputTextDiff | undefined {
	const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
	return input instanceof vscode.TabInputTextDiff ? input : undefined;
}

/** `vscode.diff` can resolve before its tab exists; waits (a little) until it does. */
export function waitForReviewTab(improvedUri: vscode.Uri, timeoutMs = 5000): Promise<void> {
	if (reviewTabs(improvedUri).length) return Promise.resolve();
	return new Promise((resolve) => {
		const done = (): void => {
			clearTimeout(timer);
			listener.dispose();
			resolve();
		};
		const listener = vscode.window.tabGroups.onDidChangeTabs(() => reviewTabs(improvedUri).length > 0 && done());
		const timer = setTimeout(done, timeoutMs);
	});
}

export async function closeTabs(tabs: readonly vscode.Tab[]): Promise<void> {
	if (tabs.length) await vscode.window.tabGroups.close([...tabs]);
}
