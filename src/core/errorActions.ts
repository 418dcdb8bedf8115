import type { CekuraErrorKind } from './cekuraError';

/** What an error message offers the user, besides closing it. */
export type ErrorAction = 'setApiKey' | 'retry' | 'openSettings' | 'showLog';

export const ERROR_ACTION_LABELS: Record<ErrorAction, string> = {
	setApiKey: 'Set API Key',
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
		case 'redirect':
		case 'invalidResponse':
			return ['openSettings', 'showLog'];
		case 'badRequest':
			return ['showLog'];
		case 'cancelled':
			return [];
	}
}
