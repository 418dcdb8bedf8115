import type * as vscode from 'vscode';
import type { HistoryEntry } from '../../core/history';
import type { ProposalCheck } from '../../core/proposal';
import type { Log } from '../log';
import type { Ui } from '../ui';
import { ApplyOrDiscard } from './applyOrDiscard';
import { refusedWhileDrafting } from './draftRefusal';
import { DraftingContextKey } from './draftingContextKey';
import { HistoryRecorder } from './historyRecorder';
import { OpenReviews } from './openReviews';
import { RecordedProposals } from './recordedProposals';
import type { Review } from './review';
import { ReviewDiffs, type ReviewRequest } from './reviewDiffs';
import type { ReviewFileSystem } from './reviewFileSystem';
import { ReviewRestore } from './reviewRestore';
import type { ReviewServices } from './reviewServices';

/**
 * The reviews, as the commands, the review's adapters and the lazy half (`ImproveHost.reviews`) use them. It builds
 * the parts that do the work: the open reviews (`OpenReviews`), their diffs (`ReviewDiffs`), Apply and Discard
 * (`ApplyOrDiscard`), the history's record of them (`HistoryRecorder`), reopening and applying a recorded proposal
 * again (`RecordedProposals`) and restoring the reviews open when the window closed (`ReviewRestore`).
 */
export class ReviewManager implements vscode.Disposable {
	private readonly reviews: OpenReviews;
	private readonly recorder: HistoryRecorder;
	private readonly diffs: ReviewDiffs;
	private readonly decisions: ApplyOrDiscard;
	private readonly recorded: RecordedProposals;
	/** `cekura.draftingReviews`: the right sides of the reviews still drafts. */
	readonly draftingKey: DraftingContextKey;
	/** A review opened or closed, or its size of the change measured. */
	readonly onDidChange: vscode.Event<void>;

	constructor(
		files: ReviewFileSystem,
		log: Log,
		private readonly ui: Ui,
		improve: () => ReviewServices,
	) {
		this.reviews = new OpenReviews(ui);
		this.onDidChange = this.reviews.onDidChange;
		this.draftingKey = new DraftingContextKey(this.reviews, log);
		this.recorder = new HistoryRecorder(this.reviews, log, improve);
		const restored = new ReviewRestore(this.reviews, files, log, improve).done;
		this.diffs = new ReviewDiffs(this.reviews, this.recorder, files, log, restored);
		this.decisions = new ApplyOrDiscard(this.reviews, this.diffs, ui, log, improve);
		this.recorded = new RecordedProposals(this.reviews, this.diffs, this.recorder, ui, log, improve, restored);
	}

	get openReviews(): readonly Review[] {
		return this.reviews.all;
	}

	open(request: ReviewRequest): Promise<Review> {
		return this.diffs.open(request);
	}

	/** The review of a proposal still arriving (see `ReviewDiffs.openDraft`). */
	openDraft(request: ReviewRequest, editsApplied: number): Promise<Review> {
		return this.diffs.openDraft(request, editsApplied);
	}

	updateDraft(review: Review, source: vscode.TextDocument, text: string, editsApplied: number): Promise<void> {
		return this.diffs.updateDraft(review, source, text, editsApplied);
	}

	complete(review: Review, request: ReviewRequest): Promise<void> {
		return this.diffs.complete(review, request);
	}

	/** True, after saying so, when `review`'s proposal is still arriving. */
	refusedWhileDrafting(review: Review): boolean {
		return refusedWhileDrafting(this.ui, review);
	}

	setStats(review: Review, stats: string): void {
		this.recorder.setStats(review, stats);
	}

	setChecks(review: Review, checks: readonly ProposalCheck[]): void {
		this.recorder.setChecks(review, checks);
	}

	reopen(entry: HistoryEntry): Promise<{ review: Review; found: boolean }> {
		return this.recorded.reopen(entry);
	}

	applyAgain(entry: HistoryEntry): Promise<boolean> {
		return this.recorded.applyAgain(entry);
	}

	active(): Review | undefined {
		return this.reviews.active();
	}

	choose(uri: unknown, question: string): Promise<Review | undefined> {
		return this.reviews.choose(uri, question);
	}

	apply(review: Review): Promise<void> {
		return this.decisions.apply(review);
	}

	discard(review: Review): Promise<void> {
		return this.decisions.discard(review);
	}

	dispose(): void {
		// First: the right sides' last edits go to the history while their reviews are still open.
		this.recorder.dispose();
		this.decisions.dispose();
		this.draftingKey.dispose();
		this.reviews.dispose();
	}
}
