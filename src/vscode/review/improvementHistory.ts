import type * as vscode from 'vscode';
import type { HistoryEntry } from '../../core/history';

/** The improvement history of a workspace, kept in a file (made on the lazy side: `ImproveSide.history`). */
export interface ImprovementHistory extends vscode.Disposable {
	readonly file: vscode.Uri;
	/** Every entry, newest first. */
	all(): Promise<readonly HistoryEntry[]>;
	get(id: string): Promise<HistoryEntry | undefined>;
	record(entry: HistoryEntry): Promise<void>;
	update(id: string, change: (entry: HistoryEntry) => HistoryEntry): Promise<void>;
	/** Resolves when every change so far is on disk. */
	flushed(): Promise<void>;
}
