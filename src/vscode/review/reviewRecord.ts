import * as vscode from 'vscode';
import { ORIGINAL_SCHEME, REVIEW_SCHEME } from '../../constants';
import type { Focus } from '../../core/focus';
import type { HistoryEntry } from '../../core/history';
import type { PlacedPrompt } from './promptTracker';
import type { Review } from './review';
import { ReviewFileSystem } from './reviewFileSystem';

/*
 * A review's record: its documents are named by a key (`/review-<key>/improved/<name>`) that its history entry keeps,
 * so a review tab VS Code restores after a reload finds its entry again.
 */

const NO_FOCUS: Focus = { workflow_metric_ids: [], category_ids: [] };

/** A review record with its documents' URIs (named by `key`) and title. */
export function newReview(id: number, historyId: string, key: string, fields: Omit<Review, 'id' | 'historyId' | 'originalUri' | 'improvedUri' | 'title'>): Review {
	const name = fields.sourceName;
	// A prompt taken from JSON, YAML or code is text: named after its file alone, it would be highlighted and
	// checked as JSON or YAML. The name alone decides, so a review restored after a reload gets the same URIs.
	const documentName = /\.(md|markdown|txt|prompty)$|^[^.]*$/i.test(name) ? name : `${name}.md`;
	const runs = fields.runIds.join(', ');
	return {
		...fields,
		id,
		historyId,
		originalUri: ReviewFileSystem.uri(ORIGINAL_SCHEME, `/review-${key}/original/${documentName}`),
		improvedUri: ReviewFileSystem.uri(REVIEW_SCHEME, `/review-${key}/improved/${documentName}`),
		title:
			fields.previousId !== undefined
				? vscode.l10n.t('{0}: Previous Proposal ↔ Improved Again (runs {1}) · by {2}', name, runs, fields.author)
				: vscode.l10n.t('{0}: Original ↔ Improved (runs {1}) · by {2}', name, runs, fields.author),
	};
}

/** The review of a recorded proposal, following its prompt where `placed` found it. */
export function reviewOfEntry(id: number, entry: HistoryEntry, key: string, placed: PlacedPrompt): Review {
	return newReview(id, entry.id, key, {
		sourceUri: placed.tracker.uri,
		sourceName: entry.source.name,
		originalText: entry.original,
		encoding: placed.encoding,
		tracker: placed.tracker,
		author: entry.author,
		summary: entry.summary,
		warnings: entry.warnings,
		checks: entry.checks ?? [],
		stats: entry.stats,
		runIds: entry.runIds,
		focus: entry.focus ?? NO_FOCUS,
	});
}

/** The key in a review's documents' paths. */
export function reviewKey(review: Review): string {
	return keyOfUri(review.improvedUri) ?? '';
}

export function keyOfUri(uri: vscode.Uri): string | undefined {
	return /^\/review-([^/]+)\//.exec(uri.path)?.[1];
}

/** Unique, and safe in a path: the time and a random part, in base 36. */
export function newHistoryId(): string {
	return `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 6).toString(36).padStart(6, '0')}`;
}
