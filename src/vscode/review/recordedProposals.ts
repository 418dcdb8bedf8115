import * as vscode from 'vscode';
import { finalText, type HistoryEntry } from '../../core/history';
import type { Log } from '../log';
import type { Ui } from '../ui';
import { showApplied } from './applyOrDiscard';
import type { HistoryRecorder } from './historyRecorder';
import type { OpenReviews } from './openReviews';
import type { Review } from './review';
import type { ReviewDiffs } from './reviewDiffs';
import { reviewOfEntry } from './reviewRecord';
import type { AppliedEdit, ReviewServices } from './reviewServices';

/** What Show Improvement History does with a recorded proposal: its review opened again, or it applied again. */
export class RecordedProposals {
	constructor(
		private readonly reviews: OpenReviews,
		private readonly diffs: ReviewDiffs,
		private readonly recorder: HistoryRecorder,
		private readonly ui: Ui,
		private readonly log: Log,
		private readonly improve: () => ReviewServices,
		/** Settles once the reviews open when the window closed are back. */
		private readonly restored: Promise<void>,
	) {}

	/**
	 * Opens the review of a recorded proposal again: the recorded original on the left, the proposal on the right,
	 * following the original in its file as it is now. The review already open for it, if any, is shown instead.
	 */
	async reopen(entry: HistoryEntry): Promise<{ review: Review; found: boolean }> {
		await this.restored;
		const live = this.reviews.all.find((r) => r.historyId === entry.id);
		if (live) {
			await vscode.commands.executeCommand('vscode.diff', live.originalUri, live.improvedUri, live.title, { preview: false });
			const source = await Promise.resolve(vscode.workspace.openTextDocument(live.sourceUri)).catch(() => undefined);
			return { review: live, found: !!source && live.tracker.locate(source.getText()).found };
		}
		const placed = await this.improve().placeRecordedPrompt(entry);
		const id = this.reviews.newId();
		const review = reviewOfEntry(id, entry, `${entry.id}-${id}`, placed);
		await this.recorder.reopened(entry, review);
		await this.diffs.show(review, entry.original, entry.proposed);
		this.log.info(`Review ${review.id} reopened from the history (${entry.id}) for ${entry.source.uri}${placed.found ? '' : '; the original is not in the file for sure, so Apply will refuse'}.`);
		return { review, found: placed.found };
	}

	/**
	 * Writes a recorded proposal (what was applied, else the right side as left) into its file again, in place of
	 * the recorded original, as one undo step; refuses, keeping the user's text, when the original is not there for
	 * sure. Resolves whether it was written.
	 */
	async applyAgain(entry: HistoryEntry): Promise<boolean> {
		const text = finalText(entry);
		const placed = await this.improve().placeRecordedPrompt(entry);
		if (!placed.found) {
			placed.tracker.dispose();
			const copy = vscode.l10n.t('Copy Improved Prompt');
			const message = vscode.l10n.t('Cekura: the original prompt of this proposal is no longer in {0} for sure (it was applied or edited since), so nothing was applied and your text is kept.', entry.source.name);
			if ((await this.ui.message('warning', message, copy)) === copy) {
				await vscode.env.clipboard.writeText(text);
				vscode.window.setStatusBarMessage(vscode.l10n.t('$(clippy) Cekura: improved prompt copied to the clipboard.'), 5000);
			}
			return false;
		}
		const target = { id: this.reviews.newId(), sourceUri: placed.tracker.uri, sourceName: entry.source.name, originalText: entry.original, encoding: placed.encoding, tracker: placed.tracker };
		let written: AppliedEdit | undefined;
		try {
			written = await this.improve().applyToSource(target, text);
		} finally {
			placed.tracker.dispose();
		}
		if (!written) return false;
		await this.recorder.appliedAgain(entry, text);
		await showApplied(written, entry.source.name);
		return true;
	}
}
