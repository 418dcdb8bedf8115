import * as vscode from 'vscode';
import { finalText, HISTORY_LIMIT, HISTORY_MAX_CHARS, parseTestReportPath, parseVersionPath } from '../../core/history';
import type { ImprovementHistory } from './improvementHistory';

/**
 * Read-only documents of recorded proposals, `cekura-history:/<entry>/<version>/<file name>` (`versionPath()`), for
 * the history's comparisons, and the last test report of a proposal (`testReportPath()`). `proposal` is what the proposal became: the text applied, else the right side as the
 * user left it. Served from the history file, so a comparison tab restored after a reload still has its content.
 */
export class HistoryDocuments implements vscode.TextDocumentContentProvider {
	constructor(private readonly history: () => ImprovementHistory) {}

	async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
		const tested = parseTestReportPath(uri.path);
		if (tested) return (await this.history().get(tested))?.test?.report ?? vscode.l10n.t('The test report of this proposal is no longer in the improvement history.');
		const named = parseVersionPath(uri.path);
		const entry = named && (await this.history().get(named.id));
		if (!named || !entry) return vscode.l10n.t('This proposal is no longer in the improvement history (it keeps the last {0}, and at most {1} MiB of prompts).', HISTORY_LIMIT, HISTORY_MAX_CHARS / 1024 / 1024);
		return named.version === 'original' ? entry.original : finalText(entry);
	}
}
