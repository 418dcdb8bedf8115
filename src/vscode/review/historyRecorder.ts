import * as vscode from 'vscode';
import { REVIEW_SCHEME } from '../../constants';
import { closedEntry, type HistoryEntry } from '../../core/history';
import type { ProposalCheck } from '../../core/proposal';
import { inBackground } from '../background';
import type { Log } from '../log';
import type { ImprovementHistory } from './improvementHistory';
import type { OpenReviews } from './openReviews';
import type { Review } from './review';
import { reviewKey } from './reviewRecord';
import type { ReviewServices } from './reviewServices';

/** How long the right side rests before its text is saved in the history (so it survives a reload). */
const EDIT_SAVE_DELAY_MS = 300;

/**
 * Records every review in the improvement history: opened, its size of the change, its right side as the user edits
 * it (once the edits rest), reopened, applied or discarded. A review open when the window closes stays open there.
 */
export class HistoryRecorder implements vscode.Disposable {
	private readonly pendingEdits = new Map<Review, ReturnType<typeof setTimeout>>();
	private readonly listener: vscode.Disposable;

	constructor(
		private readonly reviews: OpenReviews,
		private readonly log: Log,
		private readonly improve: () => ReviewServices,
	) {
		this.listener = vscode.workspace.onDidChangeTextDocument((e) => this.onRightSideChanged(e));
	}

	private history(): ImprovementHistory {
		return this.improve().history;
	}

	/** A new review; the history keeps the file's original beside the proposal, which is what Apply Again finds. */
	opened(review: Review, source: vscode.TextDocument, proposed: string): void {
		const where = review.tracker.locate(source.getText());
		const range = where.found ? where.range : { start: 0, end: 0 };
		const entry: HistoryEntry = {
			id: review.historyId,
			time: Date.now(),
			source: {
				uri: source.uri.toString(),
				name: review.sourceName,
				startLine: source.positionAt(range.start).line + 1,
				endLine: source.positionAt(range.end).line + 1,
				start: range.start,
				end: range.end,
			},
			runIds: [...review.runIds],
			focus: review.focus,
			author: review.author,
			summary: review.summary,
			warnings: [...review.warnings],
			checks: review.checks.map((c) => ({ ...c })),
			stats: review.stats,
			original: review.originalText,
			originalRaw: review.tracker.raw,
			encoding: review.encoding.description,
			proposed,
			current: proposed,
			outcome: 'open',
			openReview: reviewKey(review),
		};
		inBackground(this.history().record(entry), `Recording review ${review.id} in the history`, this.log);
	}

	/** The size of the change, measured after the diff was sent: the status bar shows it from now on. */
	setStats(review: Review, stats: string): void {
		review.stats = stats;
		this.log.info(`Review ${review.id}: ${stats}.`);
		inBackground(this.history().update(review.historyId, (e) => ({ ...e, stats })), `Recording the size of review ${review.id}`, this.log);
		this.reviews.changedOne();
	}

	/** The proposal's checks, made after the diff was sent: the summary and the status bar show them from now on. */
	setChecks(review: Review, checks: readonly ProposalCheck[]): void {
		review.checks = checks;
		inBackground(this.history().update(review.historyId, (e) => ({ ...e, checks: checks.map((c) => ({ ...c })) })), `Recording the checks of review ${review.id}`, this.log);
		this.reviews.changedOne();
	}

	/** A recorded proposal's review open again, its right side the proposal. */
	reopened(entry: HistoryEntry, review: Review): Promise<void> {
		return this.history().update(entry.id, (e) => ({ ...e, openReview: reviewKey(review), current: entry.proposed }));
	}

	/** A recorded proposal written into its file again. */
	appliedAgain(entry: HistoryEntry, text: string): Promise<void> {
		const now = Date.now();
		return this.history().update(entry.id, (e) => ({ ...e, applied: text, outcome: 'applied', decidedAt: now }));
	}

	/** `rightSide`: the proposal as the user left it. */
	closed(review: Review, outcome: 'applied' | 'discarded', rightSide: string): void {
		clearTimeout(this.pendingEdits.get(review));
		this.pendingEdits.delete(review);
		const now = Date.now();
		inBackground(this.history().update(review.historyId, (e) => closedEntry(e, outcome, rightSide, now)), `Recording review ${review.id} as ${outcome}`, this.log);
	}

	private onRightSideChanged(event: vscode.TextDocumentChangeEvent): void {
		if (event.document.uri.scheme !== REVIEW_SCHEME) return;
		const review = this.reviews.byUri(event.document.uri);
		// A draft's right side changes with each edit that arrives; the proposal is recorded once complete.
		if (!review || review.drafting) return;
		clearTimeout(this.pendingEdits.get(review));
		this.pendingEdits.set(
			review,
			setTimeout(() => {
				this.pendingEdits.delete(review);
				this.saveRightSide(review);
			}, EDIT_SAVE_DELAY_MS),
		);
	}

	private saveRightSide(review: Review): void {
		const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === review.improvedUri.toString());
		if (!doc) return;
		const text = doc.getText();
		inBackground(this.history().update(review.historyId, (e) => (e.openReview === reviewKey(review) ? { ...e, current: text } : e)), `Saving the right side of review ${review.id}`, this.log);
	}

	/** The window closes with these reviews open: their last edits go to the history, and they stay open there. */
	dispose(): void {
		for (const [review, timer] of this.pendingEdits) {
			clearTimeout(timer);
			this.saveRightSide(review);
		}
		this.pendingEdits.clear();
		this.listener.dispose();
	}
}
