import * as vscode from 'vscode';
import type { ReviewManager } from '../vscode/reviews';
import { offerApplyOrDiscard } from '../vscode/reviewSummary';
import type { Ui } from '../vscode/ui';

export async function showReviewSummary(reviews: ReviewManager, ui: Ui, uri?: vscode.Uri): Promise<void> {
	const review = await reviews.choose(uri instanceof vscode.Uri ? uri : undefined, 'Show the summary of');
	if (!review) {
		void ui.message('info', 'Cekura: no improved prompt is open for review.');
		return;
	}
	// Not awaited: the notification stays until the user answers it, and the command returns now.
	void offerApplyOrDiscard(reviews, ui, review);
}
