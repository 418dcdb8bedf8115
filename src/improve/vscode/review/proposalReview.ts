import * as vscode from 'vscode';
import { diffStatsInSlices, formatDiffStats } from '../../core/diffStats';
import type { Proposal } from '../../../core/proposal';
import { sameText } from '../../../core/eol';
import { expressionWarnings } from '../../core/jsLiterals';
import { checkProposalInSlices } from '../../core/proposalChecks';
import { fStringWarnings } from '../../core/pythonLiterals';
import { inBackground } from '../../../vscode/background';
import type { Log } from '../../../vscode/log';
import type { Ui } from '../../../vscode/ui';
import { offerApplyOrDiscard } from '../../../vscode/review/applyOrDiscardOffer';
import type { Review } from '../../../vscode/review/review';
import type { ReviewRequest } from '../../../vscode/review/reviewDiffs';
import type { ReviewManager } from '../../../vscode/review/reviewManager';
import { readSettings } from '../settings';
import type { StreamedReview } from './streamedReview';

interface ProposalReviewDeps {
	reviews: ReviewManager;
	log: Log;
	ui: Ui;
}

/**
 * How long the workbench may take to paint a review diff it has just opened, on a slow machine. What else the
 * extension shows meanwhile (the summary, the status bar, closing the progress notification) is drawn in the same
 * frames and holds the diff back, so it waits this long.
 */
const DIFF_PAINT_MS = 200;

/**
 * Opens the review of `proposal`, then shows the size of the change and the summary of changes once the diff is
 * painted; says so instead when the proposal changes nothing. `request.basedOn` is what the proposal is compared
 * with: the prompt as sent (the original, or the previous proposal when improving again). Resolves the review once
 * the summary is on its way, or undefined when there was nothing to review. A proposal that streamed into a draft
 * review (`draft`) completes it in place. Every proposal is checked here (`checkProposalInSlices`, whichever engine
 * wrote it) while the diff is painted; `focusNames` names the runs' failures for the coverage check.
 */
export async function reviewProposal(deps: ProposalReviewDeps, request: Omit<ReviewRequest, 'stats'> & { basedOn: string; draft?: StreamedReview; focusNames?: ReadonlyMap<string, string> }): Promise<Review | undefined> {
	let { proposal } = request;
	const summary = proposal.summary_of_changes;
	if (sameText(proposal.improved_prompt, request.basedOn)) {
		deps.log.info(`No changes proposed by ${proposal.author}. ${summary}`);
		deps.ui.notify('info', vscode.l10n.t('{0} proposes no changes to this prompt.', proposal.author) + (summary ? ` ${summary}` : ''));
		return undefined;
	}
	const expressions = request.encoding.expressions;
	if (expressions?.length) {
		const warn = request.encoding.kind === 'pyString' ? fStringWarnings : expressionWarnings;
		proposal = withWarnings(proposal, warn(expressions, request.basedOn, proposal.improved_prompt));
	}
	// The diff goes to the workbench first; the size of the change is measured in slices meanwhile (a 1 MB proposal
	// takes tens of ms), and the summary, which states it, waits for it.
	const arrived = performance.now();
	const since = (): string => (performance.now() - arrived).toFixed(0);
	const drafted = await request.draft?.takeOver();
	const measuringText = vscode.l10n.t('measuring the change…');
	const opening = drafted ? deps.reviews.complete(drafted, { ...request, proposal, stats: measuringText }).then(() => drafted) : deps.reviews.open({ ...request, proposal, stats: measuringText });
	const requested = since();
	const measuring = diffStatsInSlices(request.basedOn, proposal.improved_prompt).then((stats) => ({ stats, measured: since() }));
	// Checked while the workbench paints the diff, which the summary waits for anyway: in slices, as the size of the
	// change is measured (a 1 MB proposal takes up to a hundred ms in all, a 30 KB one a few).
	const checking = checkProposalInSlices({ original: request.basedOn, proposed: proposal.improved_prompt, summary, focus: request.focus, focusNames: request.focusNames ?? new Map(), growthBudgetPercent: readSettings().checks.growthBudgetPercent }).then((checks) => ({ checks, checked: since() }));
	const review = await opening;
	const opened = since();
	// A draft's diff is on screen already.
	const [{ stats, measured }, { checks, checked }] = await Promise.all([measuring, checking, new Promise((resolve) => setTimeout(resolve, drafted ? 0 : DIFF_PAINT_MS))]);
	deps.log.info(`Review ${review.id}: diff requested ${requested} ms after the proposal arrived, its tab open after ${opened} ms, checked after ${checked} ms, the size of the change measured after ${measured} ms.`);
	deps.log.info(`Review ${review.id}: checks ${checks.map((c) => `${c.kind} ${c.ok ? 'fine' : 'to look at'}`).join(', ')}.`);
	deps.reviews.setChecks(review, checks);
	// Applied or discarded in the meantime (its keys work at once): there is nothing left to sum up.
	if (!deps.reviews.openReviews.includes(review)) return review;
	deps.reviews.setStats(review, formatDiffStats(stats));
	inBackground(offerApplyOrDiscard(deps.reviews, deps.ui, review), 'The summary of changes', deps.log);
	return review;
}

function withWarnings(proposal: Proposal, warnings: readonly string[]): Proposal {
	return warnings.length ? { ...proposal, warnings: [...proposal.warnings, ...warnings] } : proposal;
}
