import * as vscode from 'vscode';
import type { ReviewChanges } from '../vscode/review/reviewChanges';
import { refusedWhileDrafting } from '../vscode/review/draftRefusal';
import type { Ui } from '../vscode/ui';
import { changeAtCursor, changeFromArguments, moveToNextChange } from '../vscode/review/changeTarget';

/**
 * Keep Original: the change (from its CodeLens, or the one at the cursor) gives way to the original lines, as an
 * undoable edit of the review's proposal side; from the keyboard the cursor then moves on to the next change.
 */
export async function keepOriginalChange(changes: ReviewChanges, ui: Ui, uri?: unknown, key?: unknown): Promise<void> {
	const target = (await changeFromArguments(changes, uri, key)) ?? changeAtCursor(changes, ui);
	if (!target || refusedWhileDrafting(ui, target.entry.review)) return;
	if (!(await changes.keepOriginal(target.entry, target.document, target.change))) {
		ui.notify('warning', vscode.l10n.t('Cekura: this change is no longer in the review, so nothing was changed.'));
		return;
	}
	if (target.editor) moveToNextChange(changes, target.editor, target.entry);
}
