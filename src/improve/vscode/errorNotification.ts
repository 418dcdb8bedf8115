import { CekuraError } from '../core/cekuraError';
import { ERROR_ACTION_LABELS, errorActions, modelErrorActions, type ErrorAction } from '../core/errorActions';
import { errorMessage } from '../../core/errorMessage';
import { ModelError } from '../core/modelError';
import type { Log } from '../../vscode/log';
import { openSettings } from './settings';
import type { Ui } from '../../vscode/userInterface';

/** What the caller of `showError` acts on; Open Settings and Show Log are handled here. */
export type ChosenAction = Extract<ErrorAction, 'setApiKey' | 'setModelApiKey' | 'chooseEngine' | 'retry'>;

/**
 * Shows an error with the actions that help (Set API Key, Retry, Open Settings, Show Log…) and logs it.
 * `keyedModel`: a ModelError comes from an engine whose key the user can set. Resolves the action the caller acts on.
 */
export async function showError(err: unknown, log: Log, ui: Ui, keyedModel = false): Promise<ChosenAction | undefined> {
	const message = errorMessage(err);
	let actions: ErrorAction[];
	if (err instanceof CekuraError || err instanceof ModelError) {
		log.error(`${err.kind}${err.status ? ` (HTTP ${err.status})` : ''}: ${message}`);
		actions = err instanceof CekuraError ? errorActions(err.kind) : modelErrorActions(err.kind, keyedModel);
	} else {
		// Not one of ours: an unexpected failure, whose stack helps a bug report.
		log.error(err instanceof Error && err.stack ? err.stack : message);
		actions = ['showLog'];
	}
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
		case undefined:
			return undefined;
		default:
			return action;
	}
}
