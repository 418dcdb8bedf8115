import * as vscode from 'vscode';
import type { ImprovementHistory } from '../../vscode/review/improvementHistory';
import type { ReviewManager } from '../../vscode/review/reviewManager';
import type { Ui } from '../../vscode/ui';
import type { TestedReviews } from '../vscode/chatTest/testedReviews';

interface ImproveAgainFromTestDeps {
	reviews: ReviewManager;
	ui: Ui;
	history: () => ImprovementHistory;
	tested: TestedReviews;
	improveAgain(uri: vscode.Uri, runIds: readonly number[]): Promise<void>;
}

/**
 * Cekura: Improve Again with Test Results: Improve Again with the failing simulated runs of the review's last test
 * (real Cekura runs, so every engine reads their evidence), without asking for runs.
 */
export async function improveAgainFromTest(deps: ImproveAgainFromTestDeps, uri?: unknown): Promise<void> {
	const review = await deps.reviews.choose(uri, vscode.l10n.t('Cekura: Improve which tested review again?'));
	if (!review) return;
	const runIds = deps.tested.runsOf(review) ?? (await deps.history().get(review.historyId))?.test?.failingRunIds;
	if (!runIds?.length) {
		deps.ui.notify('info', vscode.l10n.t('Cekura: no test of the proposal of {0} left failing chats to improve from. Run Test Proposal in Simulated Chats… first.', review.sourceName));
		return;
	}
	await deps.improveAgain(review.improvedUri, runIds);
}
