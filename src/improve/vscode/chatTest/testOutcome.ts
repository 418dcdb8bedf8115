import * as vscode from 'vscode';
import type { RecordedTest } from '../../../core/history';
import { isCancellation } from '../../../core/cancellation';
import { errorMessage } from '../../../core/errorMessage';
import { inBackground } from '../../../vscode/background';
import type { Log } from '../../../vscode/log';
import type { ImprovementHistory } from '../../../vscode/review/improvementHistory';
import type { Review } from '../../../vscode/review/review';
import type { ReviewManager } from '../../../vscode/review/reviewManager';
import type { Ui } from '../../../vscode/ui';
import type { ChatTestOutcome } from '../../core/chatTest/chatTestTypes';
import { renderChatTestMarkdown } from '../../core/chatTest/chatTestMarkdown';
import { runsToImproveFrom } from '../../core/chatTest/improveFromTest';
import { testSummary } from '../../core/chatTest/verdicts';
import { isCekuraApi } from '../../core/evidenceMarkdown';
import { cekuraClient, type CekuraSession } from '../cekuraSession';
import type { TestedReviews } from './testedReviews';
import { openReport, recordTest } from './testReport';

export interface OutcomeDeps {
	log: Log;
	ui: Ui;
	version: string;
	reviews: ReviewManager;
	history: () => ImprovementHistory;
	tested: TestedReviews;
	/** Improve Again of the review at `uri` with these runs, without asking for runs. */
	improveAgain(uri: vscode.Uri, runIds: readonly number[]): Promise<void>;
}

/**
 * The report, recorded with the proposal in the history and opened beside the diff, and the notification that
 * sums it up, with Improve Again with These Results where the proposal still fails or regressed.
 */
export async function showOutcome(deps: OutcomeDeps, review: Review, session: CekuraSession, outcome: ChatTestOutcome): Promise<void> {
	const projects = await agentProjects(deps, session, outcome);
	const report = renderChatTestMarkdown(outcome, {
		sourceName: review.sourceName,
		baseUrl: session.baseUrl,
		projectIdOf: (agentId) => projects.get(agentId) ?? session.settings.projectId,
		clean: (text) => deps.ui.redact(text),
	});
	const summary = testSummary(outcome);
	const failing = runsToImproveFrom(outcome);
	const test: RecordedTest = { summary, at: outcome.finishedAt, report, ...(failing.length ? { failingRunIds: failing } : {}) };
	const uri = await recordTest(deps.history(), review, test);
	await deps.tested.set(review, failing);
	deps.log.info(`Review ${review.id} tested: ${summary}.${failing.length ? ` Runs to improve from: ${failing.join(', ')}.` : ''}`);
	const open = (): boolean => deps.reviews.openReviews.includes(review);
	if (uri && open()) await openReport(uri, deps.log, review);
	inBackground(offerNext(deps, review, summary, failing, uri, open), 'The test\'s notification', deps.log);
}

async function offerNext(deps: OutcomeDeps, review: Review, summary: string, failing: readonly number[], uri: vscode.Uri | undefined, open: () => boolean): Promise<void> {
	const openReportLabel = vscode.l10n.t('Open Report');
	const improve = vscode.l10n.t('Improve Again with These Results');
	const actions = [...(uri ? [openReportLabel] : []), ...(failing.length ? [improve] : [])];
	const choice = await deps.ui.message(failing.length ? 'warning' : 'info', vscode.l10n.t('Cekura: tested the proposal of {0}: {1}.', review.sourceName, summary), ...actions);
	if (choice === openReportLabel && uri) await openReport(uri, deps.log, open() ? review : undefined);
	else if (choice === improve) {
		if (!open()) {
			deps.ui.notify('info', vscode.l10n.t('Cekura: the review of {0} is already closed.', review.sourceName));
			return;
		}
		await deps.improveAgain(review.improvedUri, failing);
	}
}

/** The project of each tested agent, for links to Cekura's dashboard (Cekura's own server only); best effort. */
async function agentProjects(deps: OutcomeDeps, session: CekuraSession, outcome: ChatTestOutcome): Promise<Map<number, number>> {
	const projects = new Map<number, number>();
	if (!isCekuraApi(session.baseUrl)) return projects;
	const client = cekuraClient(deps, session);
	for (const agent of new Set(outcome.results.map((r) => r.agentId))) {
		try {
			const project = await client.agentProject(agent, AbortSignal.timeout(10_000));
			if (project !== undefined) projects.set(agent, project);
		} catch (err) {
			if (isCancellation(err)) break;
			deps.log.warn(`The project of agent ${agent} could not be read, so the report does not link its results: ${errorMessage(err)}`);
		}
	}
	return projects;
}
