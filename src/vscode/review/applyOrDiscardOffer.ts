import * as vscode from 'vscode';
import { Commands } from '../../constants';
import type { ProposalCheck } from '../../core/proposal';
import type { Ui } from '../ui';
import type { Review } from './review';
import { refusedWhileDrafting } from './draftRefusal';
import { commandName } from './commandKeys';
import type { ReviewManager } from './reviewManager';

/** The summary of changes next to the diff, with the two ways out, the evidence of the runs and the test of the proposal. */
export async function offerApplyOrDiscard(reviews: ReviewManager, ui: Ui, review: Review): Promise<void> {
	if (refusedWhileDrafting(ui, review)) return;
	const apply = vscode.l10n.t('Apply');
	const discard = vscode.l10n.t('Discard');
	const evidence = vscode.l10n.t('Show Evidence');
	const test = vscode.l10n.t('Test in Simulated Chats…');
	const actions = review.runIds.length ? [apply, discard, evidence, test] : [apply, discard];
	const choice = await ui.message(review.warnings.length || review.checks.some(isWarning) ? 'warning' : 'info', summaryText(review), ...actions);
	if (choice === undefined) return;
	if (!reviews.openReviews.includes(review)) {
		// Notifications cannot be withdrawn, so this one can outlive its review.
		ui.notify('info', vscode.l10n.t('Cekura: the review of {0} is already closed.', review.sourceName));
		return;
	}
	if (choice !== evidence && refusedWhileDrafting(ui, review)) return;
	if (choice === evidence) await vscode.commands.executeCommand(Commands.showEvidence, review.improvedUri);
	else if (choice === test) await vscode.commands.executeCommand(Commands.testProposal, review.improvedUri);
	else if (choice === apply) await reviews.apply(review);
	else if (choice === discard) await reviews.discard(review);
}

/** `Proposal by Cekura: <summary> (+4 −1 lines…)`, with warnings first, then the checks: those to look at first. */
function summaryText(review: Review): string {
	const summary = review.summary.trim() || vscode.l10n.t('no summary of the changes was sent.');
	const warnings = review.warnings.map((w) => `⚠ ${w} `).join('');
	const checks = [...review.checks.filter((c) => !c.ok), ...review.checks.filter((c) => c.ok)].map((c) => ` ${markedCheck(c)}`).join('');
	const keys = vscode.l10n.t('Keys: see {0} and {1} in Keyboard Shortcuts.', commandName(Commands.applyImprovement), commandName(Commands.discardImprovement));
	return warnings + vscode.l10n.t('Proposal by {0}: {1} ({2})', review.author, summary, review.stats) + ' ' + keys + checks;
}

/** A check's line with its mark: ✓ fine, ⚠ to look at, ℹ a hint (coverage, which words alone cannot prove). */
export function markedCheck(check: ProposalCheck): string {
	return `${check.ok ? '✓' : check.kind === 'coverage' ? 'ℹ' : '⚠'} ${check.line}`;
}

/** A check that makes the summary a warning: one that is not fine, except a hint. */
function isWarning(check: ProposalCheck): boolean {
	return !check.ok && check.kind !== 'coverage';
}
