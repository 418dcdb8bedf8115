import type { Log } from '../vscode/log';
import { inBackground } from '../vscode/background';
import { offerApplyOrDiscard } from '../vscode/review/applyOrDiscardOffer';
import type { ReviewManager } from '../vscode/review/reviewManager';
import type { Ui } from '../vscode/userInterface';

export async function showReviewSummary(reviews: ReviewManager, ui: Ui, log: Log, uri?: unknown): Promise<void> {
	const review = await reviews.choose(uri, 'Show the summary of');
	// Not awaited: the notification stays until the user answers it, and the command returns now.
	if (review) inBackground(offerApplyOrDiscard(reviews, ui, review), 'The summary of changes', log);
}
