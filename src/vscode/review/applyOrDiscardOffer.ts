import * as vscode from 'vscode';
import { Commands } from '../../constants';
import type { Ui } from '../ui';
import type { Review } from './review';
import { refusedWhileDrafting } from './draftRefusal';
import { reviewShortcuts } from './reviewShortcuts';
import type { ReviewManager } from './reviewManager';

/** The summary of changes next to the diff, with the two ways out and the evidence of the runs. */
export async function offerApplyOrDiscard(reviews: ReviewManager, ui: Ui, review: Review): Promise<void> {
	if (refusedWhileDrafting(ui, review)) return;
	const apply = vscode.l10n.t('Apply');
	const discard = vscode.l10n.t('Discard');
	const evidence = vscode.l10n.t('Show Evidence');
	const actions = review.runIds.length ? [apply, discard, evidence] : [apply, discard];
	const choice = await ui.message(review.warnings.length ? 'warning' : 'info', summaryText(review), ...actions);
	if (choice === undefined) return;
	if (!reviews.openReviews.includes(review)) {
		// Notifications cannot be withdrawn, so this one can outlive its review.
		ui.notify('info', vscode.l10n.t('Cekura: the review of {0} is already closed.', review.sourceName));
		return;
	}
	if (choice !== evidence && refusedWhileDrafting(ui, review)) return;
	if (choice === evidence) await vscode.commands.executeCommand(Commands.showEvidence, review.improvedUri);
	else if (choice === apply) await reviews.apply(review);
	else if (choice === discard) await reviews.discard(review);
}

/** `Proposal by Cekura: <summary> (+4 −1 lines…)`, with warnings first. */
function summaryText(review: Review): string {
	const summary = review.summary.trim() || vscode.l10n.t('no summary of the changes was sent.');
	const warnings = review.warnings.map((w) => `⚠ ${w} `).join('');
	const keys = reviewShortcuts();
	return warnings + vscode.l10n.t('Proposal by {0}: {1} ({2}) Keys: {3} applies, {4} discards.', review.author, summary, review.stats, keys.apply, keys.discard);
}
