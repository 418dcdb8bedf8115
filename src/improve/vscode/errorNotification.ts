import * as vscode from 'vscode';
import { CekuraError } from '../core/cekuraError';
import { ERROR_ACTION_LABELS } from '../core/errorActions';
import type { ErrorPrompt } from '../core/errorRecovery';
import { errorDetail, errorMessage } from '../../core/errorMessage';
import { ModelError } from '../core/modelError';
import type { Log } from '../../vscode/log';
import { openSettings } from './settings';
import type { Ui } from '../../vscode/ui';

/** Errors shown as notifications, logged; Open Settings and Show Log are done here, the other actions handed back. */
export function errorNotifications(log: Log, ui: Ui): ErrorPrompt {
	return {
		async show(err, actions) {
			const message = errorMessage(err);
			// Not one of ours: an unexpected failure, whose stack helps a bug report.
			log.error(err instanceof CekuraError || err instanceof ModelError ? `${err.kind}${err.status ? ` (HTTP ${err.status})` : ''}: ${message}` : errorDetail(err));
			const labels = actions.map((a) => ERROR_ACTION_LABELS[a]);
			const picked = await ui.message('error', vscode.l10n.t('Cekura: {0}', message), ...labels);
			const action = actions[labels.indexOf(picked ?? '')];
			if (action === 'showLog') log.show();
			else if (action === 'openSettings') await openSettings();
			return action;
		},
	};
}
