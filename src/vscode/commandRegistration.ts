import * as vscode from 'vscode';
import { isCancellation } from '../core/cancellation';
import { errorDetail, errorMessage } from '../core/errorMessage';
import type { CommandId } from '../constants';
import type { Log } from './log';
import type { Ui } from './ui';

/**
 * Registers a command so that nothing it throws is lost: an unexpected failure is logged with its stack and shown
 * with Show Log, instead of VS Code's generic "command failed" or, behind a `void`, nothing at all.
 */
export function registerCommand(id: CommandId, handler: (...args: unknown[]) => unknown, log: Log, ui: Ui): vscode.Disposable {
	return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
		try {
			await handler(...args);
		} catch (err) {
			if (isCancellation(err)) return;
			log.error(`${id} failed: ${errorDetail(err)}`);
			const showLog = vscode.l10n.t('Show Log');
			if ((await ui.message('error', vscode.l10n.t('Cekura: {0}', errorMessage(err)), showLog)) === showLog) log.show();
		}
	});
}
