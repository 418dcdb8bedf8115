import * as l10n from '@vscode/l10n';
import type { Run } from '../../../core/apiTypes';
import type { Logger } from '../../../core/logger';
import { errorMessage } from '../../../core/errorMessage';
import { isCancellation } from '../../../core/cancellation';
import { TERMINAL_RESULT_STATUSES, type ApiChat, type ChatRecord, type ChatTestPlan, type PromptSide, type ScenarioVerdict, type TestedResult } from './chatTestTypes';
import { runPassed, verdictOf } from './verdicts';

const FIRST_PAUSE_MS = 500;
const LONGEST_PAUSE_MS = 5000;
/** How long Cekura may score a result before the test stops waiting and calls its scenarios inconclusive. */
const SCORING_WAIT_MS = 10 * 60_000;
/** Runs asked of `runs/bulk` at once. */
const BULK_BATCH = 20;

/** A result the test started: one per agent and prompt. */
export interface StartedSide {
	agentId: number;
	side: PromptSide;
	resultId: number;
	runIds: number[];
	scenarioIds: number[];
}

interface ScoringDeps {
	api: ApiChat;
	log: Logger;
	sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}

interface Scored {
	started: StartedSide;
	status: string;
	/** Why its scenarios are inconclusive, whatever their runs say. */
	problem?: string;
	runs: Run[];
}

function sideName(side: PromptSide): string {
	return side === 'original' ? l10n.t('the original') : l10n.t('the proposal');
}

async function scoreOne(started: StartedSide, deps: ScoringDeps, signal: AbortSignal): Promise<Scored> {
	let status = '';
	let runIds = started.runIds;
	let problem: string | undefined;
	try {
		let pause = FIRST_PAUSE_MS;
		for (let waited = 0; ; waited += pause, pause = Math.min(LONGEST_PAUSE_MS, Math.round(pause * 1.5))) {
			const state = await deps.api.result(started.resultId, signal);
			status = state.status;
			if (state.runIds.length) runIds = [...new Set([...started.runIds, ...state.runIds])];
			if (TERMINAL_RESULT_STATUSES.includes(status)) break;
			if (waited >= SCORING_WAIT_MS) {
				problem = l10n.t('Cekura was still scoring result {0} ({1}) after {2} minutes (status {3}).', started.resultId, sideName(started.side), SCORING_WAIT_MS / 60_000, status);
				break;
			}
			await deps.sleep(pause, signal);
		}
		if (!problem && status !== 'completed') problem = l10n.t('Cekura\'s result {0} ({1}) ended {2}.', started.resultId, sideName(started.side), status);
	} catch (err) {
		if (isCancellation(err) || signal.aborted) throw err;
		problem = l10n.t('Cekura\'s result {0} ({1}) could not be read: {2}', started.resultId, sideName(started.side), errorMessage(err));
	}
	const runs: Run[] = [];
	try {
		for (let i = 0; i < runIds.length; i += BULK_BATCH) runs.push(...(await deps.api.bulkRuns(runIds.slice(i, i + BULK_BATCH), signal)));
	} catch (err) {
		if (isCancellation(err) || signal.aborted) throw err;
		problem ??= l10n.t('The runs of Cekura\'s result {0} ({1}) could not be read: {2}', started.resultId, sideName(started.side), errorMessage(err));
	}
	deps.log.info(`Result ${started.resultId} (${started.side}): ${status || 'unknown'}, ${runs.length} of ${runIds.length} runs read.`);
	return { started, status, problem, runs: runs.filter((run) => runIds.includes(run.id)) };
}

/** The runs of `scored` that played `scenarioId`; a run without a scenario belongs to the only one its result played. */
function runsOf(scored: Scored, scenarioId: number): Run[] {
	const only = scored.started.scenarioIds.length === 1 ? scored.started.scenarioIds[0] : undefined;
	return scored.runs.filter((run) => (typeof run.scenario === 'number' ? run.scenario : only) === scenarioId).sort((a, b) => a.id - b.id);
}

function chatProblems(scored: Scored, scenarioId: number, chats: readonly ChatRecord[]): string[] {
	const scenarioOf = new Map(scored.runs.map((run) => [run.id, typeof run.scenario === 'number' ? run.scenario : undefined]));
	return chats
		.filter((chat) => chat.resultId === scored.started.resultId && (chat.end === 'modelError' || chat.end === 'chatError'))
		// A chat whose run Cekura did not describe may have played any scenario of its result.
		.filter((chat) => (scenarioOf.get(chat.runId) ?? scenarioId) === scenarioId)
		.map((chat) => (chat.end === 'modelError'
			? l10n.t('the model failed in {0}\'s chat of run {1}: {2}', sideName(chat.side), chat.runId, chat.error ?? '')
			: l10n.t('{0}\'s chat of run {1} failed: {2}', sideName(chat.side), chat.runId, chat.error ?? '')));
}

/**
 * Waits for Cekura to score every result the test started (pauses growing to 5 s, at most 10 minutes), reads their
 * runs, and gives each scenario of the plan its verdict from the runs of both prompts.
 */
export async function scoreChatTest(plan: ChatTestPlan, started: readonly StartedSide[], chats: readonly ChatRecord[], deps: ScoringDeps, signal: AbortSignal): Promise<{ verdicts: ScenarioVerdict[]; results: TestedResult[] }> {
	const scored = await Promise.all(started.map((one) => scoreOne(one, deps, signal)));
	const n = plan.frequency;
	const verdicts = plan.scenarios.map((scenario): ScenarioVerdict => {
		const reasons: string[] = [];
		const runsBySide = { original: [] as Run[], proposal: [] as Run[] };
		for (const side of ['original', 'proposal'] as const) {
			const one = scored.find((s) => s.started.agentId === scenario.agentId && s.started.side === side);
			if (!one) {
				reasons.push(l10n.t('{0} was not tested', sideName(side)));
				continue;
			}
			if (one.problem) reasons.push(one.problem);
			reasons.push(...chatProblems(one, scenario.id, chats));
			runsBySide[side] = runsOf(one, scenario.id);
			if (!one.problem && runsBySide[side].length < n) reasons.push(l10n.t('Cekura sent {0} of {1} scored runs of {2}', runsBySide[side].length, n, sideName(side)));
		}
		const originalPasses = Math.min(n, runsBySide.original.filter(runPassed).length);
		const proposalPasses = Math.min(n, runsBySide.proposal.filter(runPassed).length);
		const verdict = verdictOf(n, originalPasses, proposalPasses, reasons.length > 0);
		return { scenario, n, originalPasses, proposalPasses, verdict, originalRuns: runsBySide.original, proposalRuns: runsBySide.proposal, ...(reasons.length ? { inconclusiveReason: reasons.join('; ') } : {}) };
	});
	const results = scored.map((s): TestedResult => ({ agentId: s.started.agentId, side: s.started.side, resultId: s.started.resultId, status: s.status }));
	return { verdicts, results };
}
