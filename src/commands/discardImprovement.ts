import type { ReviewManager } from '../vscode/review/reviewManager';

export async function discardImprovement(reviews: ReviewManager, uri?: unknown): Promise<void> {
	const review = await reviews.choose(uri, 'Discard');
	if (review) await reviews.discard(review);
}
