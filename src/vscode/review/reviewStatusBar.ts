import * as vscode from 'vscode';
import { Commands } from '../../constants';
import type { ReviewManager } from './reviewManager';
import type { Ui } from '../userInterface';
import { reviewShortcuts } from './reviewShortcuts';

/**
 * While a review diff is the active editor, the status bar keeps its size and Cekura's summary (in the tooltip)
 * in view, since the summary notification hides itself after a while. Clicking it shows the summary again.
 */
export class ReviewStatusBar implements vscode.Disposable {
	private readonly item = vscode.window.createStatusBarItem('cekura.review', vscode.StatusBarAlignment.Left, 100);
	private readonly disposables: vscode.Disposable[];

	constructor(
		private readonly reviews: ReviewManager,
		private readonly ui: Ui,
	) {
		this.item.name = 'Cekura Review';
		this.disposables = [
			this.item,
			reviews.onDidChange(() => this.update()),
			vscode.window.tabGroups.onDidChangeTabs(() => this.update()),
			vscode.window.tabGroups.onDidChangeTabGroups(() => this.update()),
		];
		this.update();
	}

	dispose(): void {
		this.disposables.forEach((d) => d.dispose());
	}

	private update(): void {
		const review = this.reviews.active();
		if (!review) {
			this.item.hide();
			return;
		}
		this.item.text = `$(git-compare) Cekura: ${review.stats}`;
		const tooltip = new vscode.MarkdownString(undefined, true);
		// The tooltip is shown without Ui's messages: it is redacted here, through the same function.
		const author = new vscode.MarkdownString(undefined, true).appendText(this.ui.redact(review.author)).value;
		tooltip.appendMarkdown(`**${vscode.l10n.t('Summary of changes by {0}', author)}**\n\n`);
		for (const warning of review.warnings) tooltip.appendText(`⚠ ${this.ui.redact(warning)}\n\n`);
		tooltip.appendText(this.ui.redact(review.summary.trim() || vscode.l10n.t('No summary of the changes was sent.')));
		const keys = reviewShortcuts();
		tooltip.appendMarkdown(`\n\n${vscode.l10n.t('{0}. Edit the right side or revert single changes, then $(check) Apply ({1}) or $(discard) Discard ({2}) in the title bar.', review.stats, keys.apply, keys.discard)}`);
		this.item.tooltip = tooltip;
		this.item.command = { title: vscode.l10n.t('Show Summary of Changes'), command: Commands.showReviewSummary, arguments: [review.improvedUri] };
		this.item.show();
	}
}
