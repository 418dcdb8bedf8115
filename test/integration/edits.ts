import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/**
 * Edits as the user makes them, through a WorkspaceEdit: they reach a document whose editor is hidden behind the
 * review tab, or that has none (a review's side given by its URI), and they are one undo step each.
 */

/** Replaces `range` of the document with `text`. */
export async function editRange(document: vscode.TextDocument, range: vscode.Range, text: string): Promise<void> {
	const edit = new vscode.WorkspaceEdit();
	edit.replace(document.uri, range, text);
	assert.ok(await vscode.workspace.applyEdit(edit), `the edit of ${document.uri.toString()} was not applied`);
}

/** Replaces the first `from` in the document (or the document at `target`) with `to`; `from` must be there. */
export async function editText(target: vscode.TextDocument | vscode.Uri, from: string, to: string): Promise<void> {
	const document = target instanceof vscode.Uri ? await vscode.workspace.openTextDocument(target) : target;
	const at = document.getText().indexOf(from);
	assert.ok(at >= 0, `"${from}" is not in ${document.uri.toString()}`);
	await editRange(document, new vscode.Range(document.positionAt(at), document.positionAt(at + from.length)), to);
}
