import { setMaxListeners } from 'node:events';
import * as l10n from '@vscode/l10n';
import type { Logger } from '../../../core/logger';
import { cancellableSleep } from '../cancellableSleep';
import { CekuraError } from '../cekuraError';
import { inBoundedPool } from './boundedPool';
import { driveChat, endChatQuietly, type ChatToDrive } from './chatDriver';
import { scoreChatTest, type StartedSide } from './chatScoring';
import type { AgentModel, ApiChat, ChatRecord, ChatTestOutcome, ChatTestPlan, ChatTestProgress, PromptSide, TestScenario } from './chatTestTypes';
import { chatCount } from './scenarioPlan';

/** Chats driven at the same time, unless the caller says otherwise. */
export const MAX_PARALLEL_CHATS = 4;
/** Seconds Cekura keeps a conversation open: anything the extension could not end is finalised then. */
export const CHAT_TIMEOUT_SECONDS = 300;
/** The results' labels on Cekura (data on the server, not shown by the extension: not translated). */
export const RESULT_NAMES: Record<PromptSide, string> = { original: 'VS Code: original', proposal: 'VS Code: proposal' };
const SIDES: readonly PromptSide[] = ['original', 'proposal'];

export interface ChatTestDeps {
	api: ApiChat;
	agent: AgentModel;
	log: Logger;
	sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
	maxParallelChats?: number;
	/** Takes keys out of a model's error before it is kept (its messages are key-free already). */
	clean?: (text: string) => string;
}

function byAgent(scenarios: readonly TestScenario[]): Map<number, number[]> {
	const groups = new Map<number, number[]>();
	for (const scenario of scenarios) {
		const ids = groups.get(scenario.agentId) ?? [];
		if (!ids.includes(scenario.id)) ids.push(scenario.id);
		groups.set(scenario.agentId, ids);
	}
	return groups;
}

/** The chats in the order they start: original and proposal alternate, so neither side runs systematically later. */
function interleaved(started: readonly StartedSide[], plan: ChatTestPlan): ChatToDrive[] {
	const chatsOf = (side: PromptSide): ChatToDrive[] =>
		started
			.filter((s) => s.side === side)
			.flatMap((s) => s.runIds.map((runId) => ({ side, agentId: s.agentId, resultId: s.resultId, runId, systemPrompt: side === 'original' ? plan.original : plan.proposal, maxTurns: plan.maxTurns })));
	const [original, proposal] = [chatsOf('original'), chatsOf('proposal')];
	const out: ChatToDrive[] = [];
	for (let i = 0; i < Math.max(original.length, proposal.length); i++) {
		if (i < original.length) out.push(original[i]);
		if (i < proposal.length) out.push(proposal[i]);
	}
	return out;
}

/**
 * Tests the original and the proposal in simulated chats: per agent, one Cekura result per prompt with the same
 * scenarios and frequency; every chat driven (at most `maxParallelChats` at once), then scored, and each scenario
 * given its verdict. On Cancel or any failure every chat it started and did not see end is ended (end-chat) before
 * it rejects; Cancel rejects with a CekuraError of kind 'cancelled'.
 */
export async function runChatTest(plan: ChatTestPlan, deps: ChatTestDeps, signal: AbortSignal, onProgress: (progress: ChatTestProgress) => void): Promise<ChatTestOutcome> {
	const startedAt = Date.now();
	const sleep = deps.sleep ?? cancellableSleep;
	const inner = new AbortController();
	const limit = deps.maxParallelChats ?? MAX_PARALLEL_CHATS;
	// Each chat in flight, and each result being scored, listens to it (a request, a pause): not a leak past Node's 10.
	setMaxListeners(4 * (limit + 2 * byAgent(plan.scenarios).size) + 10, inner.signal);
	const stop = (): void => inner.abort();
	if (signal.aborted) stop();
	signal.addEventListener('abort', stop, { once: true });
	const started: StartedSide[] = [];
	/** Runs started and not seen to end. */
	const open = new Set<number>();
	const inFlight = new Map<number, number>();
	let chatsTotal = chatCount(plan.scenarios.length, plan.frequency);
	let chatsDone = 0;
	const report = (phase: ChatTestProgress['phase']): void => onProgress({ chatsDone, chatsTotal, turn: Math.max(0, ...inFlight.values()), phase });
	try {
		report('starting');
		for (const [agentId, scenarioIds] of byAgent(plan.scenarios)) {
			for (const side of SIDES) {
				const result = await deps.api.startChats({ agent_id: agentId, scenarios: scenarioIds, frequency: plan.frequency, name: RESULT_NAMES[side], timeout: CHAT_TIMEOUT_SECONDS }, inner.signal);
				started.push({ agentId, side, resultId: result.resultId, runIds: result.runIds, scenarioIds });
				for (const runId of result.runIds) open.add(runId);
				deps.log.info(`Started ${result.runIds.length} simulated chats for agent ${agentId} (${side}): result ${result.resultId}.`);
			}
		}
		const jobs = interleaved(started, plan);
		chatsTotal = jobs.length;
		report('chatting');
		const driverDeps = { api: deps.api, agent: deps.agent, log: deps.log, sleep, clean: deps.clean };
		const chats: ChatRecord[] = await inBoundedPool(
			jobs,
			limit,
			async (job) => {
				// After Cancel no chat starts: the pool stops, and the runs not driven are ended below.
				if (inner.signal.aborted) throw new CekuraError('cancelled', l10n.t('Cancelled.'));
				inFlight.set(job.runId, 0);
				try {
					return await driveChat(job, driverDeps, inner.signal, (turn) => {
						inFlight.set(job.runId, turn);
						report('chatting');
					});
				} finally {
					// The driver ends its chat on every way out, or Cekura ended it.
					open.delete(job.runId);
					inFlight.delete(job.runId);
					chatsDone++;
					report('chatting');
				}
			},
			stop,
		);
		if (signal.aborted) throw new CekuraError('cancelled', l10n.t('Cancelled.'));
		report('scoring');
		const { verdicts, results } = await scoreChatTest(plan, started, chats, { api: deps.api, log: deps.log, sleep }, inner.signal);
		return { plan, modelLabel: deps.agent.label, verdicts, results, chats, startedAt, finishedAt: Date.now() };
	} catch (err) {
		stop();
		if (open.size) deps.log.info(`Ending ${open.size} simulated chats that were started and not ended.`);
		await Promise.all([...open].map((runId) => endChatQuietly(deps.api, runId, deps.log)));
		open.clear();
		if (signal.aborted) throw err instanceof CekuraError && err.kind === 'cancelled' ? err : new CekuraError('cancelled', l10n.t('Cancelled.'), { cause: err });
		throw err;
	} finally {
		signal.removeEventListener('abort', stop);
	}
}
