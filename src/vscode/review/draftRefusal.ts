import * as vscode from 'vscode';
import type { Ui } from '../ui';
import type { Review } from './review';

/**
 * While a review's proposal is still arriving, nothing of it can be applied, decided or summed up: says so, and
 * returns true, when `review` is such a draft.
 */
export function refusedWhileDrafting(ui: Ui, review: Review): boolean {
	if (!review.drafting) return false;
	const edits = review.drafting.editsApplied;
	ui.notify(
		'info',
		edits === 1
			? vscode.l10n.t('Cekura: the proposal is still arriving (1 edit so far). It can be applied once it is complete and checked.')
			: vscode.l10n.t('Cekura: the proposal is still arriving ({0} edits so far). It can be applied once it is complete and checked.', edits),
	);
	return true;
}
