/**
 * One conversation of the local server's API chat (test/server/apiChat.ts): the scenario's simulated caller, the
 * turns the client submits, how the conversation ends, and the full run it becomes once scored. Its state follows
 * the clock and is brought up to date whenever it is read (`refresh`), so no timers are left behind.
 *
 * Life of a run: starting for `chatStartMs` (the opening turn is `generating`, a submission gets 409; in mode
 * `opening-early` the opening is ready at once and only submissions wait), then open; a
 * caller reply is `generating` for `callerDelayMs`; a submission while the previous reply is generating drops that
 * turn. The caller's lines are the scenario's caller lines in order; then it says goodbye and ends the chat. After
 * it ends (caller, client, or `timeout`), it is `evaluating` for `scoreMs`, then scored (test/server/chatScoring.ts).
 */
import { scoreChat } from './chatScoring';
import { mmss, PERSONALITIES, SCENARIOS, SEED_AGENTS, TEST_PROFILES, transcriptText, type SeedRun, type TranscriptRole, type TranscriptTurn } from './seedData';

export const CALLER_GOODBYE = "Thanks, that's all I needed. Goodbye!";
export const CALLER_FILLER = 'Sorry, could you say that again?';
export const RESULT_FAILED_MESSAGE = 'Evaluation failed: the scoring service did not answer.';

/** `opening-early`: the opening is ready at once, but submissions get 409 until `chatStartMs` has passed (a client that trusts the opening must retry). */
export type ApiChatMode = 'ok' | 'removed-404' | 'removed-405' | 'forbidden' | 'bad-request' | 'never-starts' | 'opening-early' | 'caller-error' | 'never-ends' | 'result-failed';

export interface ApiChatTimings {
	apiChat: ApiChatMode;
	chatStartMs: number;
	callerDelayMs: number;
	scoreMs: number;
}

export type TurnStatus = 'generating' | 'ready' | 'dropped' | 'error';
export type EndedBy = 'caller' | 'client' | 'timeout';

export interface ChatTurnState {
	id: number;
	status: TurnStatus;
	message: string | null;
	/** When the agent line it answers was submitted (turn 0: when the run was created). */
	submittedAt: number;
	/** The run ended with this turn's reply. */
	ended: boolean;
}

/** What a test reads of a conversation (`CekuraServer.apiChatRuns()`). */
export interface ApiChatRunInfo {
	runId: number;
	resultId: number;
	scenario: number;
	ended: boolean;
	endedBy: EndedBy | undefined;
	endReason: string | undefined;
	/** Agent lines submitted (tool calls not counted). */
	agentTurns: number;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

export class ApiChatRun {
	readonly turns: ChatTurnState[] = [];
	readonly transcript: TranscriptTurn[] = [];
	readonly metadata: Record<string, unknown> = {};
	startedAt: number | undefined;
	endedAt: number | undefined;
	endedBy: EndedBy | undefined;
	endReason: string | undefined;
	agentTurns = 0;
	private scored: SeedRun | undefined;
	private readonly script: string[];
	private callerIndex = 0;
	private callerReplies = 0;

	constructor(
		readonly id: number,
		readonly resultId: number,
		readonly resultName: string,
		readonly scenario: number,
		readonly createdAt: number,
		private readonly timeoutSeconds: number | null,
		private readonly timings: () => ApiChatTimings,
		private readonly failScoring: boolean,
	) {
		this.script = (SCENARIOS[scenario]?.dialogue ?? []).filter((step) => step[0] === 'C').map((step) => step[1] as string);
		this.turns.push({ id: 0, status: 'generating', message: null, submittedAt: createdAt, ended: false });
	}

	get ended(): boolean {
		return this.endedAt !== undefined;
	}

	get status(): 'running' | 'evaluating' | 'completed' | 'failed' {
		if (!this.ended) return 'running';
		if (!this.scored) return 'evaluating';
		return this.scored.status === 'failed' ? 'failed' : 'completed';
	}

	info(): ApiChatRunInfo {
		return { runId: this.id, resultId: this.resultId, scenario: this.scenario, ended: this.ended, endedBy: this.endedBy, endReason: this.endReason, agentTurns: this.agentTurns };
	}

	/** Brings the run up to `now`: start, caller replies, the timeout, scoring. */
	refresh(now: number): void {
		const t = this.timings();
		if (this.startedAt === undefined && t.apiChat === 'opening-early') this.start(this.createdAt);
		if (this.startedAt === undefined && t.apiChat !== 'never-starts' && now >= this.createdAt + t.chatStartMs) this.start(this.createdAt + t.chatStartMs);
		const timeoutAt = this.timeoutSeconds === null ? Number.POSITIVE_INFINITY : this.createdAt + this.timeoutSeconds * 1000;
		const last = this.turns[this.turns.length - 1];
		const readyAt = last.submittedAt + t.callerDelayMs;
		if (!this.ended && last.status === 'generating' && last.id > 0 && readyAt <= Math.min(now, timeoutAt)) this.reply(last, t, readyAt);
		if (!this.ended && now >= timeoutAt) this.end(timeoutAt, 'timeout', 'timeout');
		if (this.ended && !this.scored && now >= (this.endedAt ?? now) + t.scoreMs) this.scored = this.score();
	}

	/** The client's line: a new turn whose caller reply is generating; a turn still generating is dropped. */
	submit(content: string, now: number): ChatTurnState {
		const last = this.turns[this.turns.length - 1];
		if (last.id > 0 && last.status === 'generating') last.status = 'dropped';
		this.say('Main Agent', content, now);
		this.agentTurns++;
		const turn: ChatTurnState = { id: this.turns.length, status: 'generating', message: null, submittedAt: now, ended: false };
		this.turns.push(turn);
		return turn;
	}

	recordTool(role: 'Function Call' | 'Function Call Result', data: Record<string, unknown>, now: number): void {
		this.say(role, JSON.stringify(data), now, data);
	}

	end(at: number, by: EndedBy, reason: string): void {
		if (this.ended) return;
		this.endedAt = at;
		this.endedBy = by;
		this.endReason = reason;
		this.metadata.ended_reason = reason;
		for (const turn of this.turns) {
			if (turn.status === 'generating') {
				turn.status = 'ready';
				turn.ended = true;
			}
		}
	}

	/** The full run, as `runs/bulk` and `runs/{id}/` give it. */
	fullRun(): SeedRun {
		return this.scored ?? this.build(this.status, null, [], null, '');
	}

	private start(at: number): void {
		this.startedAt = at;
		const opening = this.turns[0];
		opening.status = 'ready';
		if (SCENARIOS[this.scenario]?.dialogue[0]?.[0] === 'C') {
			opening.message = this.script[this.callerIndex++] ?? null;
			if (opening.message !== null) this.say('Testing Agent', opening.message, at);
		}
	}

	private reply(turn: ChatTurnState, t: ApiChatTimings, readyAt: number): void {
		this.callerReplies++;
		if (t.apiChat === 'caller-error' && this.callerReplies === 1) {
			turn.status = 'error';
			return;
		}
		turn.status = 'ready';
		if (this.callerIndex < this.script.length) {
			turn.message = this.script[this.callerIndex++];
		} else if (t.apiChat === 'never-ends') {
			turn.message = CALLER_FILLER;
		} else {
			turn.message = CALLER_GOODBYE;
		}
		this.say('Testing Agent', turn.message, readyAt);
		if (turn.message === CALLER_GOODBYE) {
			turn.ended = true;
			this.end(readyAt, 'caller', 'testing_agent_ended_call');
		}
	}

	private say(role: TranscriptRole, content: string, at: number, data?: Record<string, unknown>): void {
		const start = round1(Math.max(0, at - (this.startedAt ?? this.createdAt)) / 1000);
		const end = round1(start + (data ? 0.1 : 0.8 + content.split(/\s+/).length * 0.32));
		const turn: TranscriptTurn = { role, time: mmss(start), content, start_time: start, end_time: end };
		if (data) turn.data = data;
		this.transcript.push(turn);
	}

	private score(): SeedRun {
		if (this.failScoring) return this.build('failed', null, [], null, RESULT_FAILED_MESSAGE);
		const { metrics, expectedOutcome, success } = scoreChat(this.scenario, this.transcript);
		return this.build('completed', success ? 'success' : 'failure', metrics, expectedOutcome, '');
	}

	private build(status: SeedRun['status'], evaluation: SeedRun['evaluation_status'], metrics: SeedRun['evaluation']['metrics'], expected: SeedRun['expected_outcome'], error: string): SeedRun {
		const scenario = SCENARIOS[this.scenario];
		const agent = SEED_AGENTS.find((a) => a.id === scenario.agent);
		const lastEnd = this.transcript.length > 0 ? this.transcript[this.transcript.length - 1].end_time : 0;
		const created = new Date(this.createdAt).toISOString();
		return {
			id: this.id, provider_call_id: '', trace_id: '', scenario: this.scenario, scenario_name: scenario.name, scenario_type: 'instruction',
			personality: 693, personality_name: PERSONALITIES[693], result_id: this.resultId, result_name: this.resultName,
			agent: scenario.agent, agent_name: agent?.agent_name ?? '', duration: mmss(Math.ceil(lastEnd)), status, evaluation_status: evaluation,
			success: evaluation === 'success', is_reviewed: false, feedback: '', expected_outcome_prompt: scenario.expectedOutcome, expected_outcome: expected,
			evaluation: { metrics }, transcript: transcriptText(this.transcript), transcript_object: [...this.transcript], voice_recording_url: null, email_id: null,
			metadata: Object.fromEntries(Object.entries(this.metadata).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])),
			timestamp: created, executed_at: this.startedAt === undefined ? null : new Date(this.startedAt).toISOString(), outbound_number: '', inbound_number: '',
			critical_categories: [], error_message: error, scenario_instructions: scenario.instructions, run_as_text: true, test_profile_data: TEST_PROFILES[scenario.agent] ?? null,
			rubric: null, provider_call_details: null, agent_number: null, testing_channel_index: 0, run_type: 'text', agent_version: null, generated_mock_tool_entries: [], mocked_tool_names: [],
		};
	}
}
