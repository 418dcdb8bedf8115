import type { CekuraErrorKind } from './cekuraError';
import type { ModelErrorKind } from './modelError';

/** What an error message offers the user, besides closing it. */
export type ErrorAction = 'setApiKey' | 'setModelApiKey' | 'chooseEngine' | 'retry' | 'openSettings' | 'showLog';

export const ERROR_ACTION_LABELS: Record<ErrorAction, string> = {
	setApiKey: 'Set API Key',
	setModelApiKey: 'Set Model API Key',
	chooseEngine: 'Choose Improvement Engine…',
	retry: 'Retry',
	openSettings: 'Open Settings',
	showLog: 'Show Log',
};

export function errorActions(kind: CekuraErrorKind): ErrorAction[] {
	switch (kind) {
		case 'unauthorized':
		case 'forbidden':
			return ['setApiKey', 'showLog'];
		case 'throttled':
		case 'server':
		case 'network':
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
export function modelErrorActions(kind: ModelErrorKind, keyed: boolean): ErrorAction[] {
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
