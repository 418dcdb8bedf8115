import type * as vscode from 'vscode';
import { improvedFiles } from '../../core/improvedFiles';
import { inBackground } from '../../../vscode/background';
import type { ImprovedFiles } from '../../../vscode/improvedFiles';
import type { Log } from '../../../vscode/log';
import type { HistoryStore } from './historyStore';

/**
 * Hands the main bundle's `ImprovedFiles` the files of the history: once it is read, and after each change. The history
 * is made on first use (a review recorded or restored, Show Improvement History), so activation never reads it.
 */
export function keepImprovedFiles(history: HistoryStore, files: ImprovedFiles, log: Log): vscode.Disposable {
	const update = (): void => inBackground(history.all().then((entries) => files.set(improvedFiles(entries))), 'Updating the files improved before', log);
	update();
	return history.onDidChange(update);
}
