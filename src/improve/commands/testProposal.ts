import * as vscode from 'vscode';
import { errorMessage } from '../../core/errorMessage';
import type { ApiKeyStore } from '../../vscode/apiKeyStore';
import type { ImprovementHistory } from '../../vscode/review/improvementHistory';
import type { Review } from '../../vscode/review/review';
import type { ReviewManager } from '../../vscode/review/reviewManager';
import type { AgentModel, ChatTestOutcome, ChatTestPlan, TestScenario } from '../core/chatTest/chatTestTypes';
import { retryOnError, type Recovery } from '../core/errorRecovery';
import { cekuraClient, startSession, type CekuraSession } from '../vscode/cekuraSession';
import { chooseAgent, type AgentChoiceDeps } from '../vscode/chatTest/agentChoice';
import { forReadingScenarios } from '../vscode/chatTest/chatTestErrors';
import { runTest } from '../vscode/chatTest/runTest';
import { pickScenarios, readScenarios } from '../vscode/chatTest/scenarioChoice';
import { showOutcome, type OutcomeDeps } from '../vscode/chatTest/testOutcome';
import type { TestsInFlight } from '../vscode/chatTest/testsInFlight';
import { errorNotifications } from '../vscode/errorNotification';

interface TestProposalDeps extends AgentChoiceDeps, OutcomeDeps {
	keys: ApiKeyStore;
	reviews: ReviewManager;
	history: () => ImprovementHistory;
	tests: TestsInFlight;
}

interface Prepared {
	session: CekuraSession;
	agent: AgentModel;
	keyed: boolean;
	scenarios: TestScenario[];
}

/**
 * Cekura: Test Proposal in Simulated Chats…. The original (the review's left side) and the proposal as the user left
 * it (the right side) play the same scenarios on Cekura, the same number of times, with the same model as the agent;
 * the report says per scenario whether the proposal fixed, kept or broke it.
 */
export async function testProposal(deps: TestProposalDeps, uri?: unknown): Promise<void> {
	const { log, ui } = deps;
	const review = await deps.reviews.choose(uri, vscode.l10n.t('Cekura: Test the proposal of which review?'));
	// A draft's right side is only the edits so far: testing it would report on a prompt nobody proposed.
	if (!review || deps.reviews.refusedWhileDrafting(review)) return;
	if (review.runIds.length === 0) {
		ui.notify('info', vscode.l10n.t('Cekura: the proposal of {0} was made without runs, so there are no scenarios to test it on.', review.sourceName));
		return;
	}
	let keyed = false;
	const recovery: Recovery = {
		errors: errorNotifications(log, ui),
		log,
		cancelled: `Test of review ${review.id} cancelled.`,
		keyedModel: () => keyed,
		remedies: {
			setApiKey: async () => !!(await deps.keys.prompt()),
			setModelApiKey: async () => (await deps.modelKeys.prompt()) !== undefined,
			chooseEngine: () => deps.chooseEngine(),
		},
	};
	const prepared = await retryOnError(async () => {
		const found = await prepare(deps, review);
		// Only an OpenAI-compatible server takes a key the user can set; VS Code's models have none.
		keyed = found?.keyed ?? false;
		return found;
	}, recovery);
	if (!prepared) return;
	const texts = await reviewTexts(deps, review);
	if (!texts) return;
	const { session, agent, scenarios } = prepared;
	const { frequency, maxTurns } = session.settings.test;
	const plan: ChatTestPlan = { scenarios, frequency, maxTurns, ...texts };
	log.info(`Testing review ${review.id}: ${scenarios.length} scenario(s) × ${frequency} × 2 prompts with ${agent.label} as the agent, at most ${maxTurns} agent turns per chat.`);
	const outcome: ChatTestOutcome | undefined = await retryOnError(() => runTest(deps, session, agent, plan, review), recovery);
	if (!outcome) return;
	await showOutcome(deps, review, session, outcome);
}

/** The session, the model playing the agent and the scenarios chosen; undefined when the user stops on the way. */
async function prepare(deps: TestProposalDeps, review: Review): Promise<Prepared | undefined> {
	const session = await startSession(deps);
	if (!session) return undefined;
	const chosen = await chooseAgent(deps);
	if (!chosen) return undefined;
	const client = cekuraClient(deps, session);
	let plan;
	try {
		plan = await readScenarios(deps.ui, client, review);
	} catch (err) {
		throw forReadingScenarios(err, review.runIds);
	}
	if (plan.failed.length === 0) {
		deps.ui.notify('warning', vscode.l10n.t('Cekura: runs {0} name no scenario (or no agent), so there is nothing to test the proposal on. Runs of a test suite name both.', review.runIds.join(', ')));
		return undefined;
	}
	const scenarios = await pickScenarios(deps.ui, plan, session.settings.test.frequency);
	return scenarios && { session, agent: chosen.agent, keyed: chosen.kind === 'openaiCompatible', scenarios };
}

/** The review's two sides as they are now: the right side with the user's edits. */
async function reviewTexts(deps: TestProposalDeps, review: Review): Promise<{ original: string; proposal: string } | undefined> {
	try {
		const [original, proposal] = await Promise.all([vscode.workspace.openTextDocument(review.originalUri), vscode.workspace.openTextDocument(review.improvedUri)]);
		if (proposal.getText().trim() === '') {
			deps.ui.notify('warning', vscode.l10n.t('Cekura: the right side of the review is empty, so there is no proposal to test. Undo your edits there first.'));
			return undefined;
		}
		return { original: original.getText(), proposal: proposal.getText() };
	} catch (err) {
		deps.ui.notify('warning', vscode.l10n.t('Cekura: the review of {0} is already closed ({1}).', review.sourceName, errorMessage(err)));
		return undefined;
	}
}
