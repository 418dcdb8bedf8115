import * as vscode from 'vscode';
import type { ReviewManager } from '../vscode/review/reviewManager';

export async function applyImprovement(reviews: ReviewManager, uri?: unknown): Promise<void> {
	const review = await reviews.choose(uri, vscode.l10n.t('Cekura: Apply which review?'));
	if (review) await reviews.apply(review);
}
