import * as vscode from 'vscode';
import type { ReviewManager } from '../vscode/reviews';

export async function applyImprovement(reviews: ReviewManager, uri?: vscode.Uri): Promise<void> {
	const review = await reviews.choose(uri instanceof vscode.Uri ? uri : undefined, 'Apply');
	if (!review) {
		void vscode.window.showInformationMessage('Cekura: no improved prompt is open for review.');
		return;
	}
	await reviews.apply(review);
}
