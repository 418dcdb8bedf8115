import * as vscode from 'vscode';
import { diffStats, formatDiffStats } from '../../core/diffStats';
import type { Proposal } from '../../core/engines/improveEngine';
import { sameText } from '../../core/eol';
import { expressionWarnings } from '../../core/jsLiterals';
import { inBackground } from '../background';
import type { Log } from '../log';
import type { Ui } from '../userInterface';
import { offerApplyOrDiscard } from './applyOrDiscardOffer';
import type { Review } from './review';
import type { ReviewManager, ReviewRequest } from './reviewManager';

export interface ProposalReviewDeps {
	reviews: ReviewManager;
	log: Log;
	ui: Ui;
}

/**
 * Opens the review of `proposal` next to the summary notification; says so instead when the proposal changes nothing.
 * `request.basedOn` is what the proposal is compared with: the prompt as sent (the original, or the previous proposal
 * when improving again). Resolves the review, or undefined when there was nothing to review.
 */
export async function reviewProposal(deps: ProposalReviewDeps, request: Omit<ReviewRequest, 'stats'> & { basedOn: string }): Promise<Review | undefined> {
	let { proposal } = request;
	const summary = proposal.summary_of_changes;
	if (sameText(proposal.improved_prompt, request.basedOn)) {
		deps.log.info(`No changes proposed by ${proposal.author}. ${summary}`);
		deps.ui.notify('info', vscode.l10n.t('{0} proposes no changes to this prompt.', proposal.author) + (summary ? ` ${summary}` : ''));
		return undefined;
	}
	const expressions = request.encoding.expressions;
	if (expressions?.length) proposal = withWarnings(proposal, expressionWarnings(expressions, request.basedOn, proposal.improved_prompt));
	const stats = formatDiffStats(diffStats(request.basedOn, proposal.improved_prompt));
	const review = await deps.reviews.open({ ...request, proposal, stats });
	inBackground(offerApplyOrDiscard(deps.reviews, deps.ui, review), 'The summary of changes', deps.log);
	return review;
}

function withWarnings(proposal: Proposal, warnings: readonly string[]): Proposal {
	return warnings.length ? { ...proposal, warnings: [...proposal.warnings, ...warnings] } : proposal;
}
