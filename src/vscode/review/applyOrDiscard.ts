import * as vscode from 'vscode';
import { inBackground } from '../background';
import type { Log } from '../log';
import type { Ui } from '../ui';
import type { OpenReviews } from './openReviews';
import type { Review } from './review';
import { refusedWhileDrafting } from './draftRefusal';
import { rightSideDocument, type ReviewDiffs } from './reviewDiffs';
import type { ReviewServices } from './reviewServices';
import { isReviewTab, reviewTabs } from './reviewTabs';

/** How a review ends: Apply writes its right side into the file; Discard, or closing its tab, leaves the file as it is. */
export class ApplyOrDiscard implements vscode.Disposable {
	private readonly listener: vscode.Disposable;

	constructor(
		private readonly reviews: OpenReviews,
		private readonly diffs: ReviewDiffs,
		private readonly ui: Ui,
		private readonly log: Log,
		private readonly improve: () => ReviewServices,
	) {
		this.listener = vscode.window.tabGroups.onDidChangeTabs((e) => this.onTabsClosed(e.closed));
	}

	async apply(review: Review): Promise<void> {
		if (refusedWhileDrafting(this.ui, review)) return;
		const improvedDoc = await vscode.workspace.openTextDocument(review.improvedUri);
		const improved = improvedDoc.getText();
		if (improved.trim() === '') {
			this.ui.notify('warning', vscode.l10n.t('Cekura: the improved prompt is empty, so nothing was applied. Undo your edits on the right side of the review, or discard it.'));
			return;
		}
		const written = await this.improve().applyToSource(review, improved);
		if (!written) return;
		await this.diffs.close(review, improvedDoc, 'applied');
		await showApplied(written, review.sourceName);
	}

	async discard(review: Review): Promise<void> {
		await this.diffs.close(review, rightSideDocument(review), 'discarded');
		this.log.info(`Review ${review.id}: discarded; ${review.sourceName} is unchanged.`);
	}

	/**
	 * The last tab of a review closed: the user discarded it. A review moved to another group (its tab opens there
	 * before it closes here) or shown in two groups (Split Editor) stays while one tab of it is open.
	 */
	private onTabsClosed(closed: readonly vscode.Tab[]): void {
		for (const review of this.reviews.all) {
			if (closed.some((tab) => isReviewTab(tab, review.improvedUri)) && reviewTabs(review.improvedUri).length === 0) {
				inBackground(this.discard(review), `Discarding review ${review.id}`, this.log);
			}
		}
	}

	dispose(): void {
		this.listener.dispose();
	}
}

/** Shows the prompt just written, selected, and says that Undo brings the original back. */
export async function showApplied(written: { source: vscode.TextDocument; range: vscode.Range }, sourceName: string): Promise<void> {
	await vscode.window.showTextDocument(written.source, { selection: written.range, preview: false });
	vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Cekura: improved prompt applied to {0}; Undo restores the original.', sourceName), 8000);
}
