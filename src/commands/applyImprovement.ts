import type { ReviewManager } from '../vscode/review/reviewManager';

export async function applyImprovement(reviews: ReviewManager, uri?: unknown): Promise<void> {
	const review = await reviews.choose(uri, 'Apply');
	if (review) await reviews.apply(review);
}
