import * as l10n from '@vscode/l10n';
import { CekuraError } from '../cekuraError';
import { isObject } from '../jsonObject';
import type { ResultState, StartedResult, TurnPoll, TurnStatus } from './chatTestTypes';

/** The strict checks of what Cekura's API chat answers: a shape that is not the documented one is a clear error. */

const TURN_STATUSES: readonly TurnStatus[] = ['generating', 'ready', 'dropped', 'error'];

function positiveId(value: unknown): value is number {
	return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

function unexpected(what: string, expected: string): CekuraError {
	return new CekuraError('invalidResponse', l10n.t('Cekura answered {0} with an unexpected shape ({1}).', what, expected));
}

/**
 * The run IDs of `runs`, documented both as a list of runs (`[{id, …}]`) and as an object keyed by run-ID string;
 * undefined when it is neither, or names an ID that is not a positive integer.
 */
function runIdsOf(runs: unknown): number[] | undefined {
	if (runs === undefined || runs === null) return [];
	const ids = Array.isArray(runs)
		? runs.map((run) => (isObject(run) ? run.id : undefined))
		: isObject(runs)
			? Object.keys(runs).map((key) => (/^[1-9]\d*$/.test(key) ? Number(key) : undefined))
			: undefined;
	if (!ids || !ids.every(positiveId)) return undefined;
	return [...new Set(ids)];
}

export function checkStarted(json: unknown): StartedResult {
	const what = l10n.t('the start of the simulated chats');
	if (!isObject(json)) throw unexpected(what, l10n.t('expected a JSON object'));
	if (!positiveId(json.id)) throw unexpected(what, l10n.t('expected the result\'s ID in {0}', 'id'));
	const runIds = runIdsOf(json.runs);
	if (!runIds) throw unexpected(what, l10n.t('expected {0} as a list of runs or an object keyed by run ID', 'runs'));
	if (runIds.length === 0) throw unexpected(what, l10n.t('no runs were started'));
	return { resultId: json.id, runIds };
}

export function checkTurnPoll(json: unknown, turnId: number): TurnPoll {
	const what = l10n.t('the caller\'s turn in a simulated chat');
	if (!isObject(json)) throw unexpected(what, l10n.t('expected a JSON object'));
	const status = json.status;
	if (typeof status !== 'string' || !(TURN_STATUSES as readonly string[]).includes(status)) {
		throw unexpected(what, l10n.t('expected {0} to be one of {1}', 'status', TURN_STATUSES.join(', ')));
	}
	if (json.message !== undefined && json.message !== null && typeof json.message !== 'string') {
		throw unexpected(what, l10n.t('expected {0} to be text or null', 'message'));
	}
	if (json.ended !== undefined && json.ended !== null && typeof json.ended !== 'boolean') {
		throw unexpected(what, l10n.t('expected {0} to be true or false', 'ended'));
	}
	return {
		turnId: typeof json.turn_id === 'number' && Number.isSafeInteger(json.turn_id) ? json.turn_id : turnId,
		status: status as TurnStatus,
		message: typeof json.message === 'string' ? json.message : null,
		ended: json.ended === true,
		endedReason: typeof json.ended_reason === 'string' ? json.ended_reason : null,
	};
}

export function checkSubmitted(json: unknown): { turnId: number; status: string } {
	const what = l10n.t('the agent\'s turn in a simulated chat');
	if (!isObject(json) || !positiveId(json.turn_id)) throw unexpected(what, l10n.t('expected the turn\'s ID in {0}', 'turn_id'));
	return { turnId: json.turn_id, status: typeof json.status === 'string' ? json.status : '' };
}

export function checkResultState(json: unknown): ResultState {
	const what = l10n.t('the chat test\'s result');
	if (!isObject(json) || typeof json.status !== 'string' || json.status.trim() === '') {
		throw unexpected(what, l10n.t('expected the result\'s {0}', 'status'));
	}
	const runIds = runIdsOf(json.runs);
	if (!runIds) throw unexpected(what, l10n.t('expected {0} as a list of runs or an object keyed by run ID', 'runs'));
	return { status: json.status, runIds };
}
