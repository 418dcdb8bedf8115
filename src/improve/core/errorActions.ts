import * as l10n from '@vscode/l10n';
import { CekuraError, type CekuraErrorKind } from './cekuraError';
import { ModelError, type ModelErrorKind } from './modelError';

/** What an error message offers the user, besides closing it. */
export type ErrorAction = 'setApiKey' | 'setModelApiKey' | 'chooseEngine' | 'retry' | 'openSettings' | 'showLog';

export const ERROR_ACTION_LABELS: Record<ErrorAction, string> = {
	// Getters: a label is translated when it is shown, once the extension has configured @vscode/l10n.
	get setApiKey() { return l10n.t('Set API Key'); },
	get setModelApiKey() { return l10n.t('Set Model API Key'); },
	get chooseEngine() { return l10n.t('Choose Improvement Engine…'); },
	get retry() { return l10n.t('Retry'); },
	get openSettings() { return l10n.t('Open Settings'); },
	get showLog() { return l10n.t('Show Log'); },
};

/**
 * The actions `err` offers: by its kind for a CekuraError or ModelError, Show Log for anything else (an unexpected
 * failure). `keyedModel`: a ModelError comes from an engine whose key the user can set.
 */
export function actionsFor(err: unknown, keyedModel: boolean): ErrorAction[] {
	if (err instanceof CekuraError) return errorActions(err.kind);
	if (err instanceof ModelError) return modelErrorActions(err.kind, keyedModel);
	return ['showLog'];
}

function errorActions(kind: CekuraErrorKind): ErrorAction[] {
	switch (kind) {
		case 'unauthorized':
		case 'forbidden':
			return ['setApiKey', 'showLog'];
		case 'throttled':
		case 'server':
		case 'network':
		case 'conflict':
			return ['retry', 'showLog'];
		case 'timeout':
			return ['retry', 'openSettings', 'showLog'];
		case 'notOffered':
			return ['chooseEngine', 'openSettings', 'showLog'];
		case 'redirect':
		case 'invalidResponse':
			return ['openSettings', 'showLog'];
		case 'badRequest':
			return ['showLog'];
		case 'cancelled':
			return [];
	}
}

/** `keyed`: the engine sends a key the user can set (an OpenAI-compatible server); VS Code's models have none. */
function modelErrorActions(kind: ModelErrorKind, keyed: boolean): ErrorAction[] {
	switch (kind) {
		case 'unauthorized':
		case 'forbidden':
			return keyed ? ['setModelApiKey', 'showLog'] : ['chooseEngine', 'showLog'];
		case 'throttled':
		case 'server':
		case 'network':
		case 'truncated':
		case 'invalidResponse':
		case 'refused':
			return ['retry', 'chooseEngine', 'showLog'];
		case 'timeout':
			return ['retry', 'openSettings', 'showLog'];
		case 'modelNotFound':
		case 'redirect':
			return ['openSettings', 'chooseEngine', 'showLog'];
		case 'noModel':
		case 'tooLarge':
			return ['chooseEngine', 'showLog'];
		case 'badRequest':
			return ['showLog'];
		case 'cancelled':
			return [];
	}
}
