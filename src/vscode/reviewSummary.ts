import type { Review, ReviewManager } from './reviews';
import type { Ui } from './ui';

/** The summary of changes next to the diff, with the two ways out. */
export async function offerApplyOrDiscard(reviews: ReviewManager, ui: Ui, review: Review): Promise<void> {
	const summary = review.summary.trim() || 'Cekura sent no summary of its changes.';
	const choice = await ui.message('info', `Cekura: ${summary} (${review.stats})`, 'Apply', 'Discard');
	if (choice === undefined) return;
	if (!reviews.openReviews.includes(review)) {
		// Notifications cannot be withdrawn, so this one can outlive its review.
		void ui.message('info', `Cekura: the review of ${review.sourceName} is already closed.`);
		return;
	}
	if (choice === 'Apply') await reviews.apply(review);
	else if (choice === 'Discard') await reviews.discard(review);
}
