import * as vscode from 'vscode';
import { isCancellation } from '../core/cancellation';
import { errorMessage } from '../core/errorMessage';
import type { CommandId } from '../constants';
import type { Log } from './log';
import type { Ui } from './userInterface';

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
			log.error(`${id} failed: ${err instanceof Error && err.stack ? err.stack : errorMessage(err)}`);
			if ((await ui.message('error', `Cekura: ${errorMessage(err)}`, 'Show Log')) === 'Show Log') log.show();
		}
	});
}
