import type { Ui } from '../userInterface';
import type { Review } from './review';
import type { ReviewManager } from './reviewManager';

/** The summary of changes next to the diff, with the two ways out. */
export async function offerApplyOrDiscard(reviews: ReviewManager, ui: Ui, review: Review): Promise<void> {
	const summary = review.summary.trim() || 'Cekura sent no summary of its changes.';
	const choice = await ui.message('info', `Cekura: ${summary} (${review.stats})`, 'Apply', 'Discard');
	if (choice === undefined) return;
	if (!reviews.openReviews.includes(review)) {
		// Notifications cannot be withdrawn, so this one can outlive its review.
		ui.notify('info', `Cekura: the review of ${review.sourceName} is already closed.`);
		return;
	}
	if (choice === 'Apply') await reviews.apply(review);
	else if (choice === 'Discard') await reviews.discard(review);
}
