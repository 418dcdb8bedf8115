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
		const { review, left, proposed } = await this.newReview(request);
		this.recorder.opened(review, request.source, proposed);
		await this.show(review, left, proposed);
		this.opened(review, request);
		if (request.previous) await this.replaced(request.previous.review);
		return review;
	}

	/**
	 * Opens the review of a proposal still arriving (`request.proposal` holds the edits so far): its right side is
	 * read-only, so the next draft can replace it, and nothing is recorded until `complete`.
	 */
	async openDraft(request: ReviewRequest, editsApplied: number): Promise<Review> {
		const { review, left, proposed } = await this.newReview(request);
		review.drafting = { editsApplied };
		await this.show(review, left, proposed, true);
		this.opened(review, request);
		return review;
	}

	/** The next draft: the right side's content is replaced; resolves once its document holds it. */
	async updateDraft(review: Review, source: vscode.TextDocument, text: string, editsApplied: number): Promise<void> {
		if (!review.drafting) return;
		const proposed = fitToOriginal(text, this.files.text(review.originalUri) ?? review.originalText, eolOf(source));
		review.drafting = { editsApplied };
		this.log.debug(`Review ${review.id}: a draft of ${editsApplied} edits goes to the workbench.`);
		this.files.put(review.improvedUri, proposed, true);
		this.reviews.changedOne();
		await documentHolds(review.improvedUri, proposed);
		this.log.debug(`Review ${review.id}: the right side holds the draft of ${editsApplied} edits.`);
	}

	/**
	 * The proposal of a draft review is complete and checked: its right side becomes the proposal, writable, the
	 * review is recorded in the history and can be applied (and replaces the one it improved on).
	 */
	async complete(review: Review, request: ReviewRequest): Promise<void> {
		const { proposal, source, previous } = request;
		const proposed = fitToOriginal(proposal.improved_prompt, this.files.text(review.originalUri) ?? review.originalText, eolOf(source));
		review.summary = proposal.summary_of_changes;
		review.warnings = proposal.warnings;
		review.stats = request.stats;
		// The editor of an open right side takes typing only once the workbench has read the file again and seen it
		// writable, which takes a moment even when the text is the last draft's: the review is complete (the status
		// bar and the summary say so) only then, so a key pressed at once is not refused by a read-only editor.
		const reread = rightSideDocument(review) ? this.files.nextRead(review.improvedUri) : undefined;
		this.files.put(review.improvedUri, proposed, false);
		// Apply reads the right side's document: it must hold the proposal before Apply may write it.
		await documentHolds(review.improvedUri, proposed);
		if (reread) {
			if (!(await reread)) this.log.warn(`Review ${review.id}: the workbench did not read the right side again; typing there may be refused for a moment.`);
			// A request to the workbench and its answer: the read answered before it has been handled.
			await vscode.commands.getCommands(true);
		}
		review.drafting = undefined;
		this.recorder.opened(review, source, proposed);
		this.reviews.changedOne();
		this.log.info(`Review ${review.id}: the proposal is complete.`);
		if (previous) await this.replaced(previous.review);
	}

	private async newReview(request: ReviewRequest): Promise<{ review: Review; left: string; proposed: string }> {
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
		return { review, left, proposed: fitToOriginal(proposal.improved_prompt, left, eolOf(source)) };
	}

	private opened(review: Review, { source, encoding, previous }: ReviewRequest): void {
		this.log.info(`Review ${review.id} opened${review.drafting ? ' as a draft' : ''} for ${source.uri.toString()} (runs ${review.runIds.join(', ')}, proposal by ${review.author}, prompt written as ${encoding.description}${previous ? `, improving on review ${previous.review.id}` : ''}).`);
	}

	/** Puts the two sides in place and shows the diff. */
	async show(review: Review, left: string, right: string, readonlyRight = false): Promise<void> {
		this.files.put(review.originalUri, left, true);
		this.files.put(review.improvedUri, right, readonlyRight);
		this.log.debug(`Review ${review.id}: its diff goes to the workbench.`);
		// The diff goes first: the context key and the review's listeners (its changes, the status bar) come after,
		// so neither the workbench nor this host handles them before it; waiting for one only delays the other.
		const diff = vscode.commands.executeCommand('vscode.diff', review.originalUri, review.improvedUri, review.title, { preview: false });
		await Promise.all([diff, this.reviews.add(review)]);
		// Apply or Discard right away must still find the tab to close.
		await waitForReviewTab(review.improvedUri);
	}

	/**
	 * Closes the review's tab and drops its sides, recording the outcome and the right side as the user left it
	 * (`improvedDoc`'s text, when it is open). The tracker stops unless a newer review took it over. A draft leaves
	 * no record, and its tracker stays with the request that made it.
	 */
	async close(review: Review, improvedDoc: vscode.TextDocument | undefined, outcome: 'applied' | 'discarded', disposeTracker = true): Promise<void> {
		if (!this.reviews.remove(review)) return;
		if (!review.drafting) {
			if (disposeTracker) review.tracker.dispose();
			this.recorder.closed(review, outcome, improvedDoc?.getText() ?? this.files.text(review.improvedUri) ?? '');
		}
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

/**
 * Resolves once the open document of `uri` holds `text` (VS Code reloads it after the file changed), at once when
 * none is open, or after `timeoutMs` when it never does (a document the user edited keeps its own text).
 */
function documentHolds(uri: vscode.Uri, text: string, timeoutMs = 3000): Promise<void> {
	const key = uri.toString();
	const holds = (): boolean => {
		const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
		return !document || document.getText() === text;
	};
	if (holds()) return Promise.resolve();
	return new Promise((resolve) => {
		const done = (): void => {
			clearTimeout(timer);
			listener.dispose();
			resolve();
		};
		const listener = vscode.workspace.onDidChangeTextDocument((e) => e.document.uri.toString() === key && holds() && done());
		const timer = setTimeout(done, timeoutMs);
	});
}
