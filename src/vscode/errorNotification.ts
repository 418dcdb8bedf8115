import { CekuraError } from '../core/cekuraError';
import { errorMessage } from '../core/errorMessage';
import { ERROR_ACTION_LABELS, errorActions, type ErrorAction } from '../core/errorActions';
import type { Log } from './log';
import type { Ui } from './userInterface';
import { openSettings } from './settings';

/**
 * Shows an error with the actions that help (Set API Key, Retry, Open Settings, Show Log) and logs it.
 * Resolves the action the user chose when the caller has to act on it ('setApiKey', 'retry'), else undefined.
 */
export async function showError(err: unknown, log: Log, ui: Ui): Promise<'setApiKey' | 'retry' | undefined> {
	const error = err instanceof CekuraError ? err : undefined;
	const message = errorMessage(err);
	if (error) {
		log.error(`${error.kind}${error.status ? ` (HTTP ${error.status})` : ''}: ${message}`);
	} else {
		// Not one of ours: an unexpected failure, whose stack helps a bug report.
		log.error(err instanceof Error && err.stack ? err.stack : message);
	}
	const actions: ErrorAction[] = error ? errorActions(error.kind) : ['showLog'];
	const labels = actions.map((a) => ERROR_ACTION_LABELS[a]);
	const picked = await ui.message('error', `Cekura: ${message}`, ...labels);
	const action = actions[labels.indexOf(picked ?? '')];
	switch (action) {
		case 'showLog':
			log.show();
			return undefined;
		case 'openSettings':
			await openSettings();
			return undefined;
		case 'setApiKey':
		case 'retry':
			return action;
		default:
			return undefined;
	}
}
