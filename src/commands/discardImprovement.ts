import * as vscode from 'vscode';
import type { ReviewManager } from '../vscode/review/reviewManager';

export async function discardImprovement(reviews: ReviewManager, uri?: unknown): Promise<void> {
	const review = await reviews.choose(uri, vscode.l10n.t('Cekura: Discard which review?'));
	if (review) await reviews.discard(review);
}
