import * as vscode from 'vscode';
import { HISTORY_SCHEME } from '../../../constants';
import { errorMessage } from '../../../core/errorMessage';
import { testReportPath, type HistoryEntry, type RecordedTest } from '../../../core/history';
import type { Log } from '../../../vscode/log';
import type { ImprovementHistory } from '../../../vscode/review/improvementHistory';
import type { Review } from '../../../vscode/review/review';

/**
 * Records the test with the proposal in the improvement history (the report with it), so the report outlives the
 * review and reopening the proposal from the history offers it. Resolves the report's document.
 */
export async function recordTest(history: ImprovementHistory, review: Review, test: RecordedTest): Promise<vscode.Uri | undefined> {
	await history.update(review.historyId, (entry) => ({ ...entry, test }));
	const entry = await history.get(review.historyId);
	return entry?.test && reportUri(entry, review.id);
}

/** `cekura-history:/<entry>/test/<when>/Cekura Test <n> – <file>.md`, served from the history by `HistoryDocuments`. */
export function reportUri(entry: HistoryEntry, n?: number): vscode.Uri | undefined {
	return entry.test && vscode.Uri.from({ scheme: HISTORY_SCHEME, path: testReportPath(entry, entry.test, n) });
}

/** Opens the report in VS Code's Markdown preview beside `beside` (the review's diff, when it is open). */
export async function openReport(report: vscode.Uri, log: Log, beside?: Review): Promise<void> {
	// The preview opens beside the active editor: make the review's diff the active one first.
	if (beside) await vscode.commands.executeCommand('vscode.diff', beside.originalUri, beside.improvedUri, beside.title, { preview: false });
	try {
		await vscode.commands.executeCommand('markdown.showPreviewToSide', report);
	} catch (err) {
		// VS Code's Markdown extension (built in) can be disabled: then the page is shown as Markdown text.
		log.warn(`The Markdown preview is not available (${errorMessage(err)}); showing the test report as text.`);
		await vscode.window.showTextDocument(report, { viewColumn: vscode.ViewColumn.Beside, preview: false });
	}
}
