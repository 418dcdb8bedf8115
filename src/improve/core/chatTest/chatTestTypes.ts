import type { Run } from '../../../core/apiTypes';

/*
 * Testing a proposal in simulated chats (Cekura's API chat, pull mode): Cekura plays each scenario's caller and
 * scores the finished conversation; a model plays the agent with the prompt under test as its system prompt. The
 * original and the proposal are tested on the same scenarios, the same number of times, with the same model.
 */

/** The body of `POST /test_framework/v2/scenarios/run_scenarios_api_chat/`. */
export interface ApiChatStart {
	agent_id: number;
	scenarios: number[];
	/** Conversations per scenario, ≥ 1. */
	frequency: number;
	/** The result's label on Cekura, e.g. "VS Code: proposal". */
	name: string;
	/** Seconds each conversation may live on Cekura (≤ 3600); then it is finalised and scored. */
	timeout?: number;
}

/** What starting API chats answers: the result, and its runs (one per conversation) to drive. */
export interface StartedResult {
	resultId: number;
	runIds: number[];
}

export type TurnStatus = 'generating' | 'ready' | 'dropped' | 'error';

/** `GET …/runs/{run}/chat/{turn}/`; turn 0 is the opening (`message` null when the agent speaks first). */
export interface TurnPoll {
	turnId: number;
	status: TurnStatus;
	/** The simulated caller's line; null until `ready`. */
	message: string | null;
	ended: boolean;
	endedReason: string | null;
}

/** `GET /test_framework/v2/results/{id}/`: its status and the IDs of its runs. */
export interface ResultState {
	status: string;
	runIds: number[];
}

/** A result in one of these statuses changes no more. */
export const TERMINAL_RESULT_STATUSES: readonly string[] = ['completed', 'failed', 'timeout', 'cancelled'];

/**
 * Cekura's API chat as the chat test uses it; `CekuraClient` implements it. Rejects with a `CekuraError`; a 409 to
 * `submitTurn` ("still starting, or already ended") has kind 'conflict'.
 */
export interface ApiChat {
	startChats(start: ApiChatStart, signal: AbortSignal): Promise<StartedResult>;
	pollTurn(runId: number, turnId: number, signal: AbortSignal): Promise<TurnPoll>;
	submitTurn(runId: number, content: string, signal: AbortSignal): Promise<{ turnId: number; status: string }>;
	/** `reason` e.g. 'main_agent_ended_call'. */
	endChat(runId: number, reason: string, signal: AbortSignal): Promise<void>;
	result(resultId: number, signal: AbortSignal): Promise<ResultState>;
	bulkRuns(ids: readonly number[], signal: AbortSignal): Promise<Run[]>;
}

export interface AgentMessage {
	/** 'caller': Cekura's simulated caller (the model's user); 'agent': the model's own earlier lines. */
	role: 'caller' | 'agent';
	content: string;
}

/**
 * The model that plays the agent. Both prompts get exactly this wrapper: the prompt under test as the system prompt,
 * the conversation as messages, nothing of the extension's own that steers the agent.
 */
export interface AgentModel {
	/** "gpt-4.1 via VS Code". */
	readonly label: string;
	/** The agent's next line. Rejects with a `ModelError`. */
	reply(systemPrompt: string, conversation: readonly AgentMessage[], signal: AbortSignal): Promise<string>;
}

export type PromptSide = 'original' | 'proposal';

/** A scenario to test, and where it comes from. */
export interface TestScenario {
	/** Cekura's scenario (evaluator) ID, `run.scenario`. */
	id: number;
	name: string;
	/** The agent whose metrics score it, `run.agent`. */
	agentId: number;
	/** 'failed': a scenario of the runs the proposal came from; 'guard': another scenario of their results that passed. */
	kind: 'failed' | 'guard';
	/** The runs (of the proposal's runs, or of their results) it was taken from. */
	fromRunIds: number[];
}

export interface ChatTestPlan {
	scenarios: TestScenario[];
	/** Conversations per scenario per prompt (`cekura.test.frequency`, 1–5). */
	frequency: number;
	/** Agent turns before the extension ends a chat (`cekura.test.maxTurns`). */
	maxTurns: number;
	/** The prompt as it stands in the file. */
	original: string;
	/** The proposal as the user left it (the review's right side). */
	proposal: string;
}

/** How a conversation ended, from the extension's side. */
export type ChatEnd =
	/** Cekura's caller ended it. */
	| 'ended'
	/** The extension ended it after `maxTurns` agent turns. */
	| 'maxTurns'
	/** The model playing the agent failed: the chat was ended and counts as inconclusive. */
	| 'modelError'
	/** A caller turn came back `error`, or Cekura refused a turn. */
	| 'chatError'
	| 'cancelled';

export interface ChatRecord {
	side: PromptSide;
	agentId: number;
	resultId: number;
	runId: number;
	/** Agent turns sent. */
	turns: number;
	end: ChatEnd;
	/** What went wrong, for `modelError` and `chatError`, already free of keys. */
	error?: string;
}

export type Verdict = 'fixed' | 'better' | 'stillFailing' | 'regressed' | 'stillPassing' | 'inconclusive';

export interface ScenarioVerdict {
	scenario: TestScenario;
	/** Conversations per prompt. */
	n: number;
	originalPasses: number;
	proposalPasses: number;
	verdict: Verdict;
	/** The scored simulated runs of each prompt, as `runs/bulk` returned them. */
	originalRuns: Run[];
	proposalRuns: Run[];
	/** Why it is inconclusive: a chat's error or a result's status. */
	inconclusiveReason?: string;
}

/** One Cekura result per agent and prompt. */
export interface TestedResult {
	agentId: number;
	side: PromptSide;
	resultId: number;
	/** Its last status, e.g. 'completed'. */
	status: string;
}

export interface ChatTestOutcome {
	plan: ChatTestPlan;
	modelLabel: string;
	verdicts: ScenarioVerdict[];
	results: TestedResult[];
	chats: ChatRecord[];
	/** ms since the epoch. */
	startedAt: number;
	finishedAt: number;
}

/** For the progress notification: "Testing proposal: 3 of 4 chats, turn 5". */
export interface ChatTestProgress {
	chatsDone: number;
	chatsTotal: number;
	/** The highest agent turn among chats in flight. */
	turn: number;
	phase: 'starting' | 'chatting' | 'scoring';
}
