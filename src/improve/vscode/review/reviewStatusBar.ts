import * as vscode from 'vscode';
import { Commands } from '../../../constants';
import type { ReviewManager } from '../../../vscode/review/reviewManager';
import type { Ui } from '../../../vscode/ui';
import { markedCheck } from '../../../vscode/review/applyOrDiscardOffer';
import { keysLink, OPEN_KEYBOARD_SHORTCUTS } from '../../../vscode/review/commandKeys';
import type { ReviewChanges } from '../../../vscode/review/reviewChanges';
import type { ChangeProgress } from '../../../core/changeTypes';

/** VS Code's setting that shows CodeLenses (Keep Original, Keep Proposal) in diff editors; off by default. */
const DIFF_CODELENS = 'diffEditor.codeLens';

/**
 * While a review diff is the active editor, the status bar keeps its size, how many of its changes are left to
 * decide, and Cekura's summary (in the tooltip) in view, since the summary notification hides itself after a while.
 * Clicking it shows the summary again.
 */
export class ReviewStatusBar implements vscode.Disposable {
	private readonly item = vscode.window.createStatusBarItem('cekura.review', vscode.StatusBarAlignment.Left, 100);
	private readonly disposables: vscode.Disposable[];
	private shown = false;

	constructor(
		private readonly reviews: ReviewManager,
		private readonly changes: ReviewChanges,
		private readonly ui: Ui,
	) {
		this.item.name = vscode.l10n.t('Cekura Review');
		this.disposables = [
			this.item,
			reviews.onDidChange(() => this.update()),
			changes.onDidChange(() => this.update()),
			vscode.workspace.onDidChangeConfiguration((e) => {
				if (e.affectsConfiguration(DIFF_CODELENS)) this.update();
			}),
			vscode.window.tabGroups.onDidChangeTabs(() => this.update()),
			vscode.window.tabGroups.onDidChangeTabGroups(() => this.update()),
		];
		this.update();
	}

	/** The item's text while it is shown. */
	get shownText(): string | undefined {
		return this.shown ? this.item.text : undefined;
	}

	/** The item's name and what a screen reader says of it, while it is shown. */
	get shownAccessibility(): { name: string; label: string } | undefined {
		return this.shown ? { name: this.item.name ?? '', label: this.item.accessibilityInformation?.label ?? '' } : undefined;
	}

	/** The item's tooltip and the commands its links may run, while it is shown. */
	get shownTooltip(): { markdown: string; enabledCommands: readonly string[] } | undefined {
		const tooltip = this.item.tooltip;
		if (!this.shown || !(tooltip instanceof vscode.MarkdownString)) return undefined;
		const trust = tooltip.isTrusted;
		return { markdown: tooltip.value, enabledCommands: typeof trust === 'object' ? trust.enabledCommands : trust ? ['*'] : [] };
	}

	dispose(): void {
		this.disposables.forEach((d) => d.dispose());
	}

	private update(): void {
		const review = this.reviews.active();
		if (!review) {
			this.item.hide();
			this.shown = false;
			return;
		}
		if (review.drafting) {
			this.showDraft(review.sourceName, review.drafting.editsApplied);
			return;
		}
		const progress = this.changes.progressOf(review);
		const words = progress ? progressText(progress) : review.stats;
		this.item.text = `$(git-compare) ${vscode.l10n.t('Cekura: {0}', words)}`;
		this.item.accessibilityInformation = {
			label: vscode.l10n.t('Cekura review of {0}: {1}. Activate to show the summary of changes.', review.sourceName, words),
			role: 'button',
		};
		const tooltip = new vscode.MarkdownString(undefined, true);
		// The tooltip is shown without Ui's messages: it is redacted here, through the same function.
		const author = new vscode.MarkdownString(undefined, true).appendText(this.ui.redact(review.author)).value;
		tooltip.appendMarkdown(`**${vscode.l10n.t('Summary of changes by {0}', author)}**\n\n`);
		for (const warning of review.warnings) tooltip.appendText(`⚠ ${this.ui.redact(warning)}\n\n`);
		tooltip.appendText(this.ui.redact(review.summary.trim() || vscode.l10n.t('No summary of the changes was sent.')));
		for (const check of review.checks) tooltip.appendMarkdown('\n\n').appendText(this.ui.redact(markedCheck(check)));
		tooltip.appendMarkdown(`\n\n${vscode.l10n.t('{0}. Edit the right side or revert single changes, then $(check) Apply or $(discard) Discard in the title bar.', review.stats)}`);
		tooltip.appendMarkdown(`\n\n${vscode.l10n.t('One change at a time: go to the next or previous change, keep its original lines or the proposal.')}`);
		const keyed = [Commands.applyImprovement, Commands.discardImprovement, Commands.nextChange, Commands.previousChange, Commands.keepOriginalChange, Commands.keepProposedChange] as const;
		tooltip.appendMarkdown(`\n\n${vscode.l10n.t('To see or change their keys, click a command: {0}', keyed.map(keysLink).join(' · '))}`);
		const enabledCommands = [OPEN_KEYBOARD_SHORTCUTS];
		if (!vscode.workspace.getConfiguration().get<boolean>(DIFF_CODELENS, false)) {
			const link = `command:workbench.action.openSettings?${encodeURIComponent(JSON.stringify([DIFF_CODELENS]))}`;
			tooltip.appendMarkdown(`\n\n${vscode.l10n.t('VS Code hides the Keep Original and Keep Proposal buttons above each change in diff editors until [{0}]({1}) is on.', DIFF_CODELENS, link)}`);
			enabledCommands.push('workbench.action.openSettings');
		}
		tooltip.isTrusted = { enabledCommands };
		this.item.tooltip = tooltip;
		this.item.command = { title: vscode.l10n.t('Show Summary of Changes'), command: Commands.showReviewSummary, arguments: [review.improvedUri] };
		this.item.show();
		this.shown = true;
	}

	private showDraft(sourceName: string, edits: number): void {
		const words = edits === 1 ? vscode.l10n.t('the proposal is still arriving · 1 edit so far') : vscode.l10n.t('the proposal is still arriving · {0} edits so far', edits);
		this.item.text = `$(sync~spin) ${vscode.l10n.t('Cekura: {0}', words)}`;
		this.item.accessibilityInformation = { label: vscode.l10n.t('Cekura review of {0}: {1}', sourceName, words) };
		this.item.tooltip = vscode.l10n.t('The edits are shown as they arrive. The right side is read-only until the proposal is complete and checked; then you can edit it, decide each change and apply it.');
		this.item.command = undefined;
		this.item.show();
		this.shown = true;
	}
}

/** `+4 −1 lines · 2 of 3 changes left` */
function progressText(progress: ChangeProgress): string {
	const { linesAdded, linesRemoved, left, total } = progress;
	if (total === 0) return vscode.l10n.t('no changes');
	if (left === 0) {
		return total === 1
			? vscode.l10n.t('+{0} −{1} lines · the change is decided', linesAdded, linesRemoved)
			: vscode.l10n.t('+{0} −{1} lines · all {2} changes decided', linesAdded, linesRemoved, total);
	}
	return total === 1
		? vscode.l10n.t('+{0} −{1} lines · 1 of 1 change left', linesAdded, linesRemoved)
		: vscode.l10n.t('+{0} −{1} lines · {2} of {3} changes left', linesAdded, linesRemoved, left, total);
}
