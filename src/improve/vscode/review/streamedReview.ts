import * as vscode from 'vscode';
import { latestOnly, type LatestOnly } from '../../core/latestOnly';
import type { DraftReview, ProposalDraft } from '../../core/proposalDraft';
import type { Log } from '../../../vscode/log';
import type { Review } from '../../../vscode/review/review';
import type { ReviewRequest } from '../../../vscode/review/reviewDiffs';
import type { ReviewManager } from '../../../vscode/review/reviewManager';

/** Where a streamed proposal's review opens: the request of its review, less the proposal itself. */
type DraftTarget = Omit<ReviewRequest, 'proposal' | 'stats'> & { author: string };

/**
 * A proposal streaming into its review, for one attempt of a request: the review opens at the first draft, each later
 * draft replaces its right side (only the latest waits while one is being shown), and the proposal's review takes
 * it over (`takeOver`); otherwise `dispose` closes it, leaving no record. The user closing it stops the request.
 */
export class StreamedReview implements DraftReview {
	private review: Review | undefined;
	private takenOver = false;
	private readonly abort = new AbortController();
	readonly closed = this.abort.signal;
	private readonly shown: LatestOnly<ProposalDraft>;
	private readonly listener: vscode.Disposable;

	constructor(
		private readonly deps: { reviews: ReviewManager; log: Log },
		private readonly target: DraftTarget,
	) {
		this.shown = latestOnly((draft) => this.show(draft), (err) => deps.log.warn(`A draft of the proposal could not be shown: ${String(err)}`));
		this.listener = deps.reviews.onDidChange(() => {
			if (this.review && !this.takenOver && !this.isOpen()) {
				deps.log.info(`Review ${this.review.id}: closed while the proposal was arriving; the request stops.`);
				this.abort.abort();
			}
		});
	}

	update(draft: ProposalDraft): Promise<boolean> {
		return this.abort.signal.aborted ? Promise.resolve(false) : this.shown.push(draft);
	}

	/** The proposal is complete: the draft review it becomes, once the draft being shown is in place; undefined without one. */
	async takeOver(): Promise<Review | undefined> {
		this.shown.stop();
		await this.shown.idle();
		if (!this.review || !this.isOpen()) return undefined;
		this.takenOver = true;
		return this.review;
	}

	async dispose(): Promise<void> {
		this.shown.stop();
		await this.shown.idle();
		this.listener.dispose();
		// Taken over but still a draft: completing it failed, and a draft that can never be applied must not stay.
		if (this.review && (!this.takenOver || this.review.drafting) && this.isOpen()) {
			this.deps.log.info(`Review ${this.review.id}: the proposal did not arrive complete; its draft is closed.`);
			await this.deps.reviews.discard(this.review);
		}
	}

	private isOpen(): boolean {
		return !!this.review && this.deps.reviews.openReviews.includes(this.review);
	}

	private async show({ text, editsApplied }: ProposalDraft): Promise<void> {
		const { reviews } = this.deps;
		if (!this.review) {
			const proposal = { improved_prompt: text, summary_of_changes: '', author: this.target.author, warnings: [] };
			this.review = await reviews.openDraft({ ...this.target, proposal, stats: '' }, editsApplied);
		} else if (this.isOpen()) {
			await reviews.updateDraft(this.review, this.target.source, text, editsApplied);
		}
	}
}
