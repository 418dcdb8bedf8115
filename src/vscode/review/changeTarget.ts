import * as vscode from 'vscode';
import type { Ui } from '../ui';
import { Commands } from '../../constants';
import { commandName } from './commandKeys';
import type { ReviewChanges, ReviewWithChanges } from './reviewChanges';
import type { ReviewChange } from '../../core/changeTypes';

/** The change a per-change command acts on, and the editor to move on in (only when it came from the keyboard). */
interface ChangeTarget {
	entry: ReviewWithChanges;
	document: vscode.TextDocument;
	change: ReviewChange;
	editor?: vscode.TextEditor;
}

/** The change a CodeLens names: the proposal side's URI and the change's key. */
export async function changeFromArguments(changes: ReviewChanges, uri: unknown, key: unknown): Promise<ChangeTarget | undefined> {
	if (!(uri instanceof vscode.Uri) || typeof key !== 'string') return undefined;
	const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri));
	const entry = changes.of(document);
	const change = entry?.changes.changes.find((c) => c.key === key);
	return entry && change ? { entry, document, change } : undefined;
}

/** The change at the cursor of the review's proposal side; says why when there is none. */
export function changeAtCursor(changes: ReviewChanges, ui: Ui): ChangeTarget | undefined {
	const found = activeReviewEditor(changes, ui);
	if (!found) return undefined;
	const { editor, entry } = found;
	const change = entry.changes.at(editor.selection.active.line);
	if (!change) {
		ui.notify('info', vscode.l10n.t('Cekura: the cursor is not on a change. Move to one with {0} or {1}.', commandName(Commands.nextChange), commandName(Commands.previousChange)));
		return undefined;
	}
	return { entry, document: editor.document, change, editor };
}

/** After a decision from the keyboard: on to the next undecided change, if one is left. */
export function moveToNextChange(changes: ReviewChanges, editor: vscode.TextEditor, entry: ReviewWithChanges): void {
	const next = entry.changes.next(editor.selection.active.line);
	if (next) changes.reveal(editor, entry, next);
}

/** Next or previous change: moves the cursor there and shows it, or says that every change is decided. */
export function goToChange(changes: ReviewChanges, ui: Ui, direction: 'next' | 'previous'): void {
	const found = activeReviewEditor(changes, ui);
	if (!found) return;
	const { editor, entry } = found;
	const line = editor.selection.active.line;
	const change = direction === 'next' ? entry.changes.next(line) : entry.changes.previous(line);
	if (!change) {
		ui.notify('info', vscode.l10n.t('Cekura: every change of this review is decided. Apply or Discard it from the title bar.'));
		return;
	}
	changes.reveal(editor, entry, change);
}

function activeReviewEditor(changes: ReviewChanges, ui: Ui): { editor: vscode.TextEditor; entry: ReviewWithChanges } | undefined {
	const editor = changes.activeEditor();
	const entry = editor && changes.of(editor.document);
	if (!editor || !entry) {
		ui.notify('info', vscode.l10n.t('Cekura: open the review of an improved prompt to go through its changes.'));
		return undefined;
	}
	return { editor, entry };
}
