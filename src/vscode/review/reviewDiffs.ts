import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PromptEncoding } from '../../core/encodingTypes';
import type { Proposal } from '../../core/proposal';
import { fitToOriginal } from '../../core/eol';
import type { Focus } from '../../core/focus';
import { eolOf } from '../documentEol';
import type { Log } from '../log';
import type { HistoryRecorder } from './historyRecorder';
import type { OpenReviews } from './openReviews';
import type { PromptTracker } from './promptTracker';
import type { Review } from './review';
import type { ReviewFileSystem } from './reviewFileSystem';
import { newHistoryId, newReview } from './reviewRecord';
import { closeTabs, reviewTabs, waitForReviewTab } from './reviewTabs';

export interface ReviewRequest {
	source: vscode.TextDocument;
	/** Follows the prompt since it was sent; the review owns it from now on. */
	tracker: PromptTracker;
	/** How the prompt is written in the file; the review shows it decoded. */
	encoding: PromptEncoding;
	proposal: Proposal;
	/** The size of the change, `+4 −1 lines, +52 −3 words in 2 changes`, or what to show until `setStats` has it. */
	stats: string;
	runIds: readonly number[];
	focus: Focus;
	/**
	 * Improve Again: the review whose right side (`text`, as the user left it) was improved on. The new review shows
	 * `text` on its left, takes over its tracker and replaces it.
	 */
	previous?: { review: Review; text: string };
}

/** A review's diff: its two in-memory sides and its tab, from opening a proposal to closing. */
export class ReviewDiffs {
	constructor(
		private readonly reviews: OpenReviews,
		private readonly recorder: HistoryRecorder,
		private readonly files: ReviewFileSystem,
		private readonly log: Log,
		/** Settles once the reviews open when the window closed are back. */
		private readonly restored: Promise<void>,
	) {}

	/** Opens the review of a proposal, and records it in the history. */
	async open(request: ReviewRequest): Promise<Review> {
		const { source, tracker, encoding, proposal, previous } = request;
		// Restored reviews are in place first, so a new one never takes the place of one coming back.
		await this.restored;
		const name = path.basename(source.uri.path) || 'prompt.md';
		const originalText = encoding.decode(tracker.raw);
		const historyId = newHistoryId();
		const review = newReview(this.reviews.newId(), historyId, historyId, {
			sourceUri: source.uri,
			sourceName: name,
			originalText,
			encoding,
			tracker,
			author: proposal.author,
			summary: proposal.summary_of_changes,
			warnings: proposal.warnings,
			checks: proposal.checks ?? [],
			stats: request.stats,
			runIds: request.runIds,
			focus: request.focus,
			previousId: previous?.review.id,
		});
		// The history keeps the file's original beside the proposal: that is what Apply Again finds in the file.
		const left = previous ? previous.text : originalText;
		const proposed = fitToOriginal(proposal.improved_prompt, left, eolOf(source));
		this.recorder.opened(review, source, proposed);
		await this.show(review, left, proposed);
		this.log.info(`Review ${review.id} opened for ${source.uri.toString()} (runs ${review.runIds.join(', ')}, proposal by ${proposal.author}, prompt written as ${encoding.description}${previous ? `, improving on review ${previous.review.id}` : ''}).`);
		if (previous) await this.replaced(previous.review);
		return review;
	}

	/** Puts the two sides in place and shows the diff. */
	async show(review: Review, left: string, right: string): Promise<void> {
		this.files.put(review.originalUri, left, true);
		this.files.put(review.improvedUri, right, false);
		// The context key and the diff travel to the workbench together: waiting for one before sending the other
		// only delays the diff.
		await Promise.all([this.reviews.add(review), vscode.commands.executeCommand('vscode.diff', review.originalUri, review.improvedUri, review.title, { preview: false })]);
		// Apply or Discard right away must still find the tab to close.
		await waitForReviewTab(review.improvedUri);
	}

	/**
	 * Closes the review's tab and drops its sides, recording the outcome and the right side as the user left it
	 * (`improvedDoc`'s text, when it is open). The tracker stops unless a newer review took it over.
	 */
	async close(review: Review, improvedDoc: vscode.TextDocument | undefined, outcome: 'applied' | 'discarded', disposeTracker = true): Promise<void> {
		if (!this.reviews.remove(review)) return;
		if (disposeTracker) review.tracker.dispose();
		this.recorder.closed(review, outcome, improvedDoc?.getText() ?? this.files.text(review.improvedUri) ?? '');
		// Saving into the in-memory side clears its dirty state, so closing the tab asks nothing.
		if (improvedDoc?.isDirty) await improvedDoc.save();
		await closeTabs(reviewTabs(review.improvedUri));
		this.files.remove(review.originalUri);
		this.files.remove(review.improvedUri);
		await this.reviews.announce();
	}

	/** Closes a review that a newer one (Improve Again) took over; its tracker goes on with the newer one. */
	private async replaced(review: Review): Promise<void> {
		await this.close(review, rightSideDocument(review), 'discarded', false);
		this.log.info(`Review ${review.id}: replaced by a new proposal.`);
	}
}

/** The review's right side, when a document of it is open. */
export function rightSideDocument(review: Review): vscode.TextDocument | undefined {
	return vscode.workspace.textDocuments.find((d) => d.uri.toString() === review.improvedUri.toString());
}
