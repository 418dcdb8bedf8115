import * as vscode from 'vscode';
import { Commands } from '../../constants';
import type { ReviewChanges } from './reviewChanges';

/**
 * Keep Original and Keep Proposal in the light bulb (`Ctrl+.`) of the change at the cursor: the gutter action that
 * VS Code shows in diff editors whatever `diffEditor.codeLens` says.
 */
export class ChangeCodeActionProvider implements vscode.CodeActionProvider {
	static readonly kinds = [vscode.CodeActionKind.QuickFix];

	constructor(private readonly changes: ReviewChanges) {}

	provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
		const entry = this.changes.of(document);
		const change = entry?.changes.at(range.start.line);
		if (!change || change.decided) return [];
		const args = [document.uri, change.key];
		const keepOriginal = new vscode.CodeAction(vscode.l10n.t('Cekura: Keep Original for This Change'), vscode.CodeActionKind.QuickFix);
		keepOriginal.command = { title: keepOriginal.title, command: Commands.keepOriginalChange, arguments: args };
		const keepProposal = new vscode.CodeAction(vscode.l10n.t('Cekura: Keep Proposal for This Change'), vscode.CodeActionKind.QuickFix);
		keepProposal.command = { title: keepProposal.title, command: Commands.keepProposedChange, arguments: args };
		return [keepOriginal, keepProposal];
	}
}
