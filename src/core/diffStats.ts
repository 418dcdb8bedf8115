import { diffLines, diffWords } from 'diff';

export interface DiffStats {
	linesAdded: number;
	linesRemoved: number;
	wordsAdded: number;
	wordsRemoved: number;
	/** Runs of consecutive changed lines. */
	changes: number;
}

/**
 * Line and word counts of the change. Words are compared only within each changed block of lines, which keeps
 * the cost proportional to the change rather than to the whole prompt.
 */
export function diffStats(original: string, improved: string): DiffStats {
	const stats: DiffStats = { linesAdded: 0, linesRemoved: 0, wordsAdded: 0, wordsRemoved: 0, changes: 0 };
	let removed = '';
	let added = '';
	const closeBlock = (): void => {
		if (!removed && !added) return;
		stats.changes++;
		for (const part of diffWords(removed, added)) {
			const words = countWords(part.value);
			if (part.added) stats.wordsAdded += words;
			if (part.removed) stats.wordsRemoved += words;
		}
		removed = '';
		added = '';
	};
	for (const part of diffLines(normalize(original), normalize(improved))) {
		if (part.added) {
			stats.linesAdded += part.count ?? 0;
			added += part.value;
		} else if (part.removed) {
			stats.linesRemoved += part.count ?? 0;
			removed += part.value;
		} else {
			closeBlock();
		}
	}
	closeBlock();
	return stats;
}

/** `+4 −1 lines, +52 −3 words in 2 changes` */
export function formatDiffStats(stats: DiffStats): string {
	const changes = `${stats.changes} ${stats.changes === 1 ? 'change' : 'changes'}`;
	return `+${stats.linesAdded} −${stats.linesRemoved} lines, +${stats.wordsAdded} −${stats.wordsRemoved} words in ${changes}`;
}

function normalize(text: string): string {
	const unified = text.replace(/\r\n/g, '\n');
	return unified.endsWith('\n') ? unified : `${unified}\n`;
}

function countWords(text: string): number {
	const matches = text.match(/[^\s]+/g);
	return matches ? matches.length : 0;
}
