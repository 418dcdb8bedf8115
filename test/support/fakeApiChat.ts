import type { Run } from '../../src/core/apiTypes';
import { CekuraError } from '../../src/improve/core/cekuraError';
import type { AgentMessage, AgentModel, ApiChat, ApiChatStart, ResultState, StartedResult, TurnPoll } from '../../src/improve/core/chatTest/chatTestTypes';
import type { Logger } from '../../src/core/logger';

/** How the fake Cekura plays one run; every field has a default. */
export interface RunScript {
	/** The caller's opening line; null when the agent speaks first. */
	opening?: string | null;
	/** Polls the opening (turn 0) stays `generating` while the run starts. */
	openingPolls?: number;
	/** 409s to the first submission before the run has started. */
	conflicts?: number;
	/** Polls a reply stays `generating`. */
	generatingPolls?: number;
	/** The caller ends the chat with its reply to this agent turn (1-based); Infinity: never. */
	endAfter?: number;
	/** The status of the reply to this agent turn instead of `ready`. */
	failAt?: { turn: number; status: 'error' | 'dropped' };
}

interface FakeRun {
	id: number;
	resultId: number;
	agent: number;
	scenario: number;
	side: string;
	script: RunScript;
	conflictsLeft: number;
	agentLines: string[];
	turns: Map<number, { polls: number; agentTurn: number }>;
	openingPolls: number;
	ended: boolean;
	touched: boolean;
}

/**
 * Cekura's API chat in process, for the driver's and orchestrator's tests: deterministic, instant. A run passes when
 * any agent line contains "GOOD". Records what was asked of it.
 */
export class FakeApiChat implements ApiChat {
	readonly runs = new Map<number, FakeRun>();
	readonly starts: ApiChatStart[] = [];
	readonly endChats: { runId: number; reason: string; signalAborted: boolean }[] = [];
	/** The runs in the order their chats began (first poll). */
	readonly touchOrder: number[] = [];
	/** The most runs being driven at once (first poll to end). */
	maxActive = 0;
	/** Called on each start; throw to refuse it. */
	onStart: (start: ApiChatStart, index: number) => void = () => undefined;
	script: (run: { side: string; scenario: number; agent: number; index: number }) => RunScript = () => ({});
	resultStatus = 'completed';
	private nextId = 1000;
	private results = new Map<number, number[]>();

	private get active(): number {
		return [...this.runs.values()].filter((run) => run.touched && !run.ended).length;
	}

	async startChats(start: ApiChatStart): Promise<StartedResult> {
		this.starts.push(start);
		this.onStart(start, this.starts.length - 1);
		const resultId = ++this.nextId;
		const runIds: number[] = [];
		for (const scenario of start.scenarios) {
			for (let i = 0; i < start.frequency; i++) {
				const id = ++this.nextId;
				const side = start.name.includes('proposal') ? 'proposal' : 'original';
				const script = this.script({ side, scenario, agent: start.agent_id, index: i });
				this.runs.set(id, { id, resultId, agent: start.agent_id, scenario, side, script, conflictsLeft: script.conflicts ?? 0, agentLines: [], turns: new Map(), openingPolls: 0, ended: false, touched: false });
				runIds.push(id);
			}
		}
		this.results.set(resultId, runIds);
		return { resultId, runIds };
	}

	private run(runId: number): FakeRun {
		const run = this.runs.get(runId);
		if (!run) throw new CekuraError('notOffered', `no run ${runId}`, { status: 404 });
		return run;
	}

	async pollTurn(runId: number, turnId: number, signal: AbortSignal): Promise<TurnPoll> {
		if (signal.aborted) throw new CekuraError('cancelled', 'Cancelled.');
		await Promise.resolve();
		const run = this.run(runId);
		if (!run.touched) {
			run.touched = true;
			this.touchOrder.push(runId);
			this.maxActive = Math.max(this.maxActive, this.active);
		}
		if (turnId === 0) {
			if (run.openingPolls++ < (run.script.openingPolls ?? 0)) return { turnId: 0, status: 'generating', message: null, ended: false, endedReason: null };
			const opening = run.script.opening === undefined ? 'Hello, I need help.' : run.script.opening;
			return { turnId: 0, status: 'ready', message: opening, ended: false, endedReason: null };
		}
		const turn = run.turns.get(turnId);
		if (!turn) throw new CekuraError('notOffered', 'unknown turn', { status: 404 });
		if (turn.polls++ < (run.script.generatingPolls ?? 1)) return { turnId, status: 'generating', message: null, ended: false, endedReason: null };
		if (run.script.failAt?.turn === turn.agentTurn) return { turnId, status: run.script.failAt.status, message: null, ended: false, endedReason: null };
		const ends = turn.agentTurn >= (run.script.endAfter ?? 2);
		if (ends) run.ended = true;
		return { turnId, status: 'ready', message: `Caller reply ${turn.agentTurn}`, ended: ends, endedReason: ends ? 'testing_agent_ended_call' : null };
	}

	async submitTurn(runId: number, content: string, signal: AbortSignal): Promise<{ turnId: number; status: string }> {
		if (signal.aborted) throw new CekuraError('cancelled', 'Cancelled.');
		const run = this.run(runId);
		if (run.conflictsLeft > 0) {
			run.conflictsLeft--;
			throw new CekuraError('conflict', 'Cekura refused the agent\'s turn (409): the run is still starting.', { status: 409 });
		}
		if (run.ended) throw new CekuraError('conflict', 'already ended', { status: 409 });
		run.agentLines.push(content);
		const turnId = run.turns.size + 1;
		run.turns.set(turnId, { polls: 0, agentTurn: run.agentLines.length });
		return { turnId, status: 'generating' };
	}

	async endChat(runId: number, reason: string, signal: AbortSignal): Promise<void> {
		this.endChats.push({ runId, reason, signalAborted: signal.aborted });
		this.run(runId).ended = true;
	}

	async result(resultId: number): Promise<ResultState> {
		return { status: this.resultStatus, runIds: this.results.get(resultId) ?? [] };
	}

	async bulkRuns(ids: readonly number[]): Promise<Run[]> {
		return ids.map((id) => this.run(id)).map((run) => {
			const passed = run.agentLines.some((line) => line.includes('GOOD'));
			return {
				id: run.id,
				result_id: run.resultId,
				agent: run.agent,
				scenario: run.scenario,
				scenario_name: `Scenario ${run.scenario}`,
				status: 'completed',
				success: passed,
				expected_outcome: { score: passed ? 100 : 0, explanation: [passed ? 'The agent booked it.' : 'The agent did not book it.'] },
				evaluation: { metrics: [] },
				transcript_object: run.agentLines.flatMap((line, i) => [
					{ role: 'Testing Agent', content: i === 0 ? 'Hello, I need help.' : `Caller reply ${i}` },
					{ role: 'Main Agent', content: line },
				]),
			};
		});
	}

	/** Runs started and never ended (by the caller or end-chat). */
	openRuns(): number[] {
		return [...this.runs.values()].filter((run) => !run.ended).map((run) => run.id);
	}
}

/** Plays the agent: its line is the system prompt and the turn, so a prompt containing "GOOD" passes. */
export class EchoAgent implements AgentModel {
	readonly label = 'echo model';
	readonly calls: { systemPrompt: string; conversation: AgentMessage[] }[] = [];
	/** Called before each reply; throw to fail it. */
	onReply: (call: number, conversation: readonly AgentMessage[], signal: AbortSignal, systemPrompt: string) => void | Promise<void> = () => undefined;

	async reply(systemPrompt: string, conversation: readonly AgentMessage[], signal: AbortSignal): Promise<string> {
		this.calls.push({ systemPrompt, conversation: [...conversation] });
		const call = this.calls.length;
		await new Promise((resolve) => setImmediate(resolve));
		await this.onReply(call, conversation, signal, systemPrompt);
		return `${systemPrompt} (turn ${conversation.filter((m) => m.role === 'agent').length + 1})`;
	}
}

export const quietLog: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
export const noSleep = async (_ms: number, signal: AbortSignal): Promise<void> => {
	if (signal.aborted) throw new CekuraError('cancelled', 'Cancelled.');
	await Promise.resolve();
};
