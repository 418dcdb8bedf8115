import type { ReviewManager } from '../vscode/reviews';
import { offerApplyOrDiscard } from '../vscode/reviewSummary';
import type { Ui } from '../vscode/ui';

export async function showReviewSummary(reviews: ReviewManager, ui: Ui, uri?: unknown): Promise<void> {
	const review = await reviews.choose(uri, 'Show the summary of');
	// Not awaited: the notification stays until the user answers it, and the command returns now.
	if (review) void offerApplyOrDiscard(reviews, ui, review);
}
