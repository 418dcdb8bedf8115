import * as l10n from '@vscode/l10n';
import type { Logger } from '../../../core/logger';
import { errorMessage } from '../../../core/errorMessage';
import { CekuraError } from '../cekuraError';
import { ModelError } from '../modelError';
import type { AgentMessage, AgentModel, ApiChat, ChatEnd, ChatRecord, PromptSide, TurnPoll } from './chatTestTypes';

/** Pauses between polls of a turn: from the first to the last, each 1.5 times the one before. */
const FIRST_PAUSE_MS = 300;
const LONGEST_PAUSE_MS = 1000;
/** How long a run may answer 409 ("still starting") before the chat counts as failed: Cekura's start-up wait. */
export const START_WAIT_MS = 15_000;
/** How long the simulated caller may take over one reply. */
const REPLY_WAIT_MS = 120_000;
/** How long ending a chat may take once the test was cancelled (its own signal: the test's is aborted). */
const END_CHAT_MS = 5000;
export const END_REASON = 'main_agent_ended_call';

export interface ChatToDrive {
	side: PromptSide;
	agentId: number;
	resultId: number;
	runId: number;
	systemPrompt: string;
	maxTurns: number;
}

interface ChatDriverDeps {
	api: ApiChat;
	agent: AgentModel;
	log: Logger;
	sleep: (ms: number, signal: AbortSignal) => Promise<void>;
	/** Takes keys out of a message before it is kept; messages of ModelError and CekuraError are already key-free. */
	clean?: (text: string) => string;
}

/** Ends the chat with `end` and what went wrong: thrown inside the loop, caught once at its end. */
class ChatStop extends Error {
	constructor(
		readonly end: ChatEnd,
		message: string,
	) {
		super(message);
	}
}

/** Polls with growing pauses until `done` says the answer is final; more than `budgetMs` of pauses gives up with `onBudget`. */
async function pollUntil<T>(poll: () => Promise<T | undefined>, budgetMs: number, onBudget: () => Error, deps: ChatDriverDeps, signal: AbortSignal): Promise<T> {
	let pause = FIRST_PAUSE_MS;
	let waited = 0;
	for (;;) {
		const answer = await poll();
		if (answer !== undefined) return answer;
		if (waited >= budgetMs) throw onBudget();
		await deps.sleep(pause, signal);
		waited += pause;
		pause = Math.min(LONGEST_PAUSE_MS, Math.round(pause * 1.5));
	}
}

/**
 * Drives one API chat to its end: the opening (turn 0), then the agent's line from the model and the caller's
 * reply from Cekura, turn after turn. Every way out but Cekura's own end calls end-chat (a failure there is logged);
 * resolves how the chat ended, never rejects for a chat's own failure.
 */
export async function driveChat(chat: ChatToDrive, deps: ChatDriverDeps, signal: AbortSignal, onTurn: (turns: number) => void): Promise<ChatRecord> {
	const { api, agent, log } = deps;
	const clean = deps.clean ?? ((text: string) => text);
	const conversation: AgentMessage[] = [];
	let turns = 0;
	const record = (end: ChatEnd, error?: string): ChatRecord => ({ side: chat.side, agentId: chat.agentId, resultId: chat.resultId, runId: chat.runId, turns, end, ...(error !== undefined ? { error } : {}) });
	const callerLine = (poll: TurnPoll): void => {
		if (poll.message !== null && poll.message.trim() !== '') conversation.push({ role: 'caller', content: poll.message });
	};
	const startWait = (): Error =>
		new ChatStop('chatError', l10n.t('Cekura still answered 409 (the run is still starting, or has already ended) after {0} s, so the chat of run {1} was ended.', START_WAIT_MS / 1000, chat.runId));

	try {
		const opening = await pollUntil(
			async () => {
				try {
					const poll = await api.pollTurn(chat.runId, 0, signal);
					return poll.status === 'ready' || poll.ended ? poll : undefined;
				} catch (err) {
					if (err instanceof CekuraError && (err.kind === 'conflict' || err.kind === 'notOffered') && !signal.aborted) return undefined;
					throw err;
				}
			},
			START_WAIT_MS,
			() => new ChatStop('chatError', l10n.t('Cekura\'s simulated caller did not open the chat of run {0} within {1} s, so the chat was ended.', chat.runId, START_WAIT_MS / 1000)),
			deps,
			signal,
		);
		if (opening.ended) return record('ended');
		callerLine(opening);
		for (;;) {
			if (turns >= chat.maxTurns) throw new ChatStop('maxTurns', l10n.t('The chat of run {0} reached {1} agent turns without an end, so the extension ended it.', chat.runId, chat.maxTurns));
			let line: string;
			try {
				line = await agent.reply(chat.systemPrompt, conversation, signal);
			} catch (err) {
				if (err instanceof ModelError && err.kind !== 'cancelled' && !signal.aborted) throw new ChatStop('modelError', clean(err.message));
				throw err;
			}
			const submitted = await pollUntil(
				async () => {
					try {
						return await api.submitTurn(chat.runId, line, signal);
					} catch (err) {
						if (err instanceof CekuraError && err.kind === 'conflict' && turns === 0 && !signal.aborted) return undefined;
						throw err;
					}
				},
				START_WAIT_MS,
				startWait,
				deps,
				signal,
			);
			turns++;
			onTurn(turns);
			conversation.push({ role: 'agent', content: line });
			const reply = await pollUntil(
				async () => {
					const poll = await api.pollTurn(chat.runId, submitted.turnId, signal);
					return poll.status === 'generating' && !poll.ended ? undefined : poll;
				},
				REPLY_WAIT_MS,
				() => new ChatStop('chatError', l10n.t('Cekura\'s simulated caller did not answer turn {0} of run {1} within {2} s, so the chat was ended.', turns, chat.runId, REPLY_WAIT_MS / 1000)),
				deps,
				signal,
			);
			if (reply.status === 'error') throw new ChatStop('chatError', l10n.t('Cekura\'s simulated caller failed to answer turn {0} of run {1} (status error), so the chat was ended.', turns, chat.runId));
			// We never submit while a turn is generating, so nothing newer can supersede ours: a drop means Cekura lost it.
			if (reply.status === 'dropped') throw new ChatStop('chatError', l10n.t('Cekura dropped turn {0} of run {1} without a newer turn to answer it, so the chat was ended.', turns, chat.runId));
			if (reply.ended) {
				log.info(`Chat of run ${chat.runId} (${chat.side}) ended by Cekura after ${turns} agent turns${reply.endedReason ? ` (${clean(reply.endedReason).slice(0, 80)})` : ''}.`);
				return record('ended');
			}
			callerLine(reply);
		}
	} catch (err) {
		let end: ChatEnd;
		let error: string | undefined;
		if (signal.aborted) end = 'cancelled';
		else if (err instanceof ChatStop) [end, error] = [err.end, err.message];
		else [end, error] = ['chatError', clean(errorMessage(err))];
		log.info(`Chat of run ${chat.runId} (${chat.side}) ends after ${turns} agent turns: ${end}${error ? ` (${error})` : ''}.`);
		await endChatQuietly(api, chat.runId, log);
		return record(end, error);
	}
}

/**
 * end-chat under its own short deadline, never the test's signal: after Cancel that one is aborted, and ending the
 * chat is what Cancel must still do. A failure is logged.
 */
export async function endChatQuietly(api: ApiChat, runId: number, log: Logger): Promise<void> {
	try {
		await api.endChat(runId, END_REASON, AbortSignal.timeout(END_CHAT_MS));
	} catch (err) {
		log.warn(`Ending the chat of run ${runId} failed: ${errorMessage(err)}`);
	}
}
