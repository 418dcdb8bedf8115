import * as vscode from 'vscode';
import type { ReviewChanges } from '../vscode/review/reviewChanges';
import { refusedWhileDrafting } from '../vscode/review/draftRefusal';
import type { Ui } from '../vscode/ui';
import { changeAtCursor, changeFromArguments, moveToNextChange } from '../vscode/review/changeTarget';

/** Keep Proposal: the change (from its CodeLens, or the one at the cursor) is decided; from the keyboard the cursor moves on. */
export async function keepProposedChange(changes: ReviewChanges, ui: Ui, uri?: unknown, key?: unknown): Promise<void> {
	const target = (await changeFromArguments(changes, uri, key)) ?? changeAtCursor(changes, ui);
	if (!target || refusedWhileDrafting(ui, target.entry.review)) return;
	if (!changes.keepProposal(target.entry, target.change)) {
		ui.notify('warning', vscode.l10n.t('Cekura: this change is no longer in the review.'));
		return;
	}
	if (target.editor) moveToNextChange(changes, target.editor, target.entry);
}
