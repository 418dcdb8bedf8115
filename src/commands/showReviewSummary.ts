import * as vscode from 'vscode';
import type { Log } from '../vscode/log';
import { inBackground } from '../vscode/background';
import { offerApplyOrDiscard } from '../vscode/review/applyOrDiscardOffer';
import type { ReviewManager } from '../vscode/review/reviewManager';
import type { Ui } from '../vscode/ui';

export async function showReviewSummary(reviews: ReviewManager, ui: Ui, log: Log, uri?: unknown): Promise<void> {
	const review = await reviews.choose(uri, vscode.l10n.t('Cekura: Show the summary of which review?'));
	// Not awaited: the notification stays until the user answers it, and the command returns now.
	if (review) inBackground(offerApplyOrDiscard(reviews, ui, review), 'The summary of changes', log);
}
