import * as vscode from 'vscode';
import type { HistoryEntry } from '../../core/history';
import { errorDetail } from '../../core/errorMessage';
import type { Log } from '../log';
import type { OpenReviews } from './openReviews';
import type { ReviewFileSystem } from './reviewFileSystem';
import { keyOfUri, reviewOfEntry } from './reviewRecord';
import type { ReviewServices } from './reviewServices';
import { closeTabs, reviewTabs } from './reviewTabs';

/**
 * After a reload: the reviews whose tabs VS Code restored come back from the improvement history, where they are
 * recorded as open; review tabs with nothing recorded behind them close.
 */
export class ReviewRestore {
	/** Restorations under way, by the key in their documents' paths. */
	private readonly restoring = new Map<string, Promise<void>>();
	/** Settles once the reviews open when the window closed are back (or could not be). */
	readonly done: Promise<void>;

	constructor(
		private readonly reviews: OpenReviews,
		private readonly files: ReviewFileSystem,
		private readonly log: Log,
		private readonly improve: () => ReviewServices,
	) {
		// A review tab VS Code restores after a reload asks for its documents: they come back from the history.
		files.restoreWith((uri) => this.restoreFor(uri));
		// After activate() returns: the lazy half, which restoring loads, is handed objects made after this one.
		this.done = Promise.resolve().then(() => this.restoreOpenReviews()).then(undefined, (err: unknown) => log.error(`Restoring the open reviews failed: ${errorDetail(err)}`));
	}

	/** At activation: the reviews whose tabs VS Code restored come back; review tabs with nothing to restore close. */
	private async restoreOpenReviews(): Promise<void> {
		// Most windows open without review tabs: then the history is not read at all.
		if (reviewTabs().length === 0) return;
		const entries = await this.improve().history.all();
		const tabKeys = new Set(reviewTabs().flatMap((t) => keyOfUri((t.input as vscode.TabInputTextDiff).modified) ?? []));
		for (const entry of entries) if (entry.openReview && tabKeys.has(entry.openReview)) await this.restoreEntry(entry, entry.openReview);
		const orphans = reviewTabs().filter((t) => !this.reviews.byUri((t.input as vscode.TabInputTextDiff).modified));
		if (orphans.length) this.log.info(`Closing ${orphans.length} review tabs left from the last session with nothing recorded behind them.`);
		await closeTabs(orphans);
	}

	/** A review document was asked for and is not here: restore its review if the history has it open. */
	private async restoreFor(uri: vscode.Uri): Promise<void> {
		const key = keyOfUri(uri);
		if (!key || this.reviews.wasClosed(key)) return;
		const entry = (await this.improve().history.all()).find((e) => e.openReview === key);
		if (entry) await this.restoreEntry(entry, key);
	}

	private restoreEntry(entry: HistoryEntry, key: string): Promise<void> {
		let restoring = this.restoring.get(key);
		if (!restoring) {
			restoring = (async () => {
				const placed = await this.improve().placeRecordedPrompt(entry);
				const review = reviewOfEntry(this.reviews.newId(), entry, key, placed);
				this.files.put(review.originalUri, entry.original, true);
				this.files.put(review.improvedUri, entry.current, false);
				await this.reviews.add(review);
				this.log.info(`Review ${review.id} restored from the last session for ${entry.source.uri}${placed.found ? '' : '; the original is not in the file for sure, so Apply will refuse'}.`);
			})();
			this.restoring.set(key, restoring);
		}
		return restoring;
	}
}
