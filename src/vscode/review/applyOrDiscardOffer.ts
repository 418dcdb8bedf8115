import type { Ui } from '../userInterface';
import type { Review } from './review';
import { reviewShortcuts } from './reviewShortcuts';
import type { ReviewManager } from './reviewManager';

/** The summary of changes next to the diff, with the two ways out. */
export async function offerApplyOrDiscard(reviews: ReviewManager, ui: Ui, review: Review): Promise<void> {
	const choice = await ui.message(review.warnings.length ? 'warning' : 'info', summaryText(review), 'Apply', 'Discard');
	if (choice === undefined) return;
	if (!reviews.openReviews.includes(review)) {
		// Notifications cannot be withdrawn, so this one can outlive its review.
		ui.notify('info', `Cekura: the review of ${review.sourceName} is already closed.`);
		return;
	}
	if (choice === 'Apply') await reviews.apply(review);
	else if (choice === 'Discard') await reviews.discard(review);
}

/** `Proposal by Cekura: <summary> (+4 −1 lines…)`, with warnings first. */
export function summaryText(review: Review): string {
	const summary = review.summary.trim() || 'no summary of the changes was sent.';
	const warnings = review.warnings.map((w) => `⚠ ${w} `).join('');
	const keys = reviewShortcuts();
	return `${warnings}Proposal by ${review.author}: ${summary} (${review.stats}) Keys: ${keys.apply} applies, ${keys.discard} discards.`;
}
