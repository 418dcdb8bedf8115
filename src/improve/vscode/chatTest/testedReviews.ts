import * as vscode from 'vscode';
import { ContextKeys } from '../../../constants';
import { inBackground } from '../../../vscode/background';
import type { Log } from '../../../vscode/log';
import type { Review } from '../../../vscode/review/review';
import type { ReviewManager } from '../../../vscode/review/reviewManager';

/**
 * The open reviews whose last test left the proposal failing or regressed, with the simulated runs to improve from;
 * the `cekura.testedReviewFails` context key shows Improve Again with Test Results in the Command Palette meanwhile.
 */
export class TestedReviews implements vscode.Disposable {
	private readonly failing = new Map<number, readonly number[]>();
	private readonly subscription: vscode.Disposable;

	constructor(
		private readonly reviews: ReviewManager,
		private readonly log: Log,
	) {
		this.subscription = reviews.onDidChange(() => this.dropClosed());
	}

	/** The runs to improve from after `review`'s last test; empty when its proposal passed every scenario. */
	async set(review: Review, runIds: readonly number[]): Promise<void> {
		if (runIds.length) this.failing.set(review.id, runIds);
		else this.failing.delete(review.id);
		await this.publish();
	}

	runsOf(review: Review): readonly number[] | undefined {
		return this.failing.get(review.id);
	}

	dispose(): void {
		this.subscription.dispose();
	}

	private dropClosed(): void {
		const open = new Set(this.reviews.openReviews.map((r) => r.id));
		const before = this.failing.size;
		for (const id of this.failing.keys()) if (!open.has(id)) this.failing.delete(id);
		if (this.failing.size !== before) inBackground(this.publish(), 'Updating the context key of tested reviews', this.log);
	}

	private publish(): Thenable<unknown> {
		return vscode.commands.executeCommand('setContext', ContextKeys.testedReviewFails, this.failing.size > 0);
	}
}
