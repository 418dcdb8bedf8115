import * as vscode from 'vscode';
import { Commands } from '../../constants';
import { commandName } from './commandKeys';
import type { ReviewChanges } from './reviewChanges';

/** "Keep Original" and "Keep Proposal" above each undecided change of a review's proposal side. */
export class ChangeCodeLensProvider implements vscode.CodeLensProvider {
	readonly onDidChangeCodeLenses: vscode.Event<void>;

	constructor(private readonly changes: ReviewChanges) {
		this.onDidChangeCodeLenses = changes.onDidChange;
	}

	provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
		const entry = this.changes.of(document);
		// A proposal still arriving has nothing to decide yet (the status bar says so).
		if (!entry || entry.review.drafting) return [];
		return entry.changes.undecided.flatMap((change) => {
			const range = new vscode.Range(entry.changes.lineOf(change), 0, entry.changes.lineOf(change), 0);
			const args = [document.uri, change.key];
			return [
				new vscode.CodeLens(range, {
					title: vscode.l10n.t('$(discard) Keep Original'),
					tooltip: vscode.l10n.t('Put the original lines back in place of this change. Command: {0}', commandName(Commands.keepOriginalChange)),
					command: Commands.keepOriginalChange,
					arguments: args,
				}),
				new vscode.CodeLens(range, {
					title: vscode.l10n.t('$(check) Keep Proposal'),
					tooltip: vscode.l10n.t('Keep this change as proposed. Command: {0}', commandName(Commands.keepProposedChange)),
					command: Commands.keepProposedChange,
					arguments: args,
				}),
			];
		});
	}
}
