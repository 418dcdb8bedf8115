import type { HistoryEntry } from '../../core/history';

/**
 * The files the user has improved before: each file with a proposal in the history, whatever became of it (applied,
 * discarded or open), newest first, once. Untitled documents are left out: VS Code gives their names
 * (`untitled:Untitled-1`) to unrelated documents later.
 */
export function improvedFiles(entries: readonly Pick<HistoryEntry, 'source'>[]): string[] {
	const uris = new Set<string>();
	for (const { source } of entries) if (!source.uri.startsWith('untitled:')) uris.add(source.uri);
	return [...uris];
}
