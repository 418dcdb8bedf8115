import * as vscode from 'vscode';
import type { ReviewManager } from '../vscode/reviews';
import type { Ui } from '../vscode/ui';

export async function applyImprovement(reviews: ReviewManager, ui: Ui, uri?: vscode.Uri): Promise<void> {
	const review = await reviews.choose(uri instanceof vscode.Uri ? uri : undefined, 'Apply');
	if (!review) {
		void ui.message('info', 'Cekura: no improved prompt is open for review.');
		return;
	}
	await reviews.apply(review);
}
