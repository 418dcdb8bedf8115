import * as vscode from 'vscode';
import type { RunListFilters } from '../core/apiTypes';
import type { CekuraClient } from '../core/cekuraClient';
import { pickFocus, type Focus } from './focusPicker';
import type { Log } from './log';
import { pickRuns } from './runPicker';

export type Severity = 'info' | 'warning' | 'error';

/**
 * Every question and message the extension puts to the user. Integration tests replace single methods on the
 * instance (through the test API of `activate`) to answer like a user would; UI tests drive the real ones.
 */
export class Ui {
	async message(severity: Severity, text: string, ...actions: string[]): Promise<string | undefined> {
		switch (severity) {
			case 'error':
				return vscode.window.showErrorMessage(text, ...actions);
			case 'warning':
				return vscode.window.showWarningMessage(text, ...actions);
			case 'info':
				return vscode.window.showInformationMessage(text, ...actions);
		}
	}

	/** A modal question; true when the user chose `action`. */
	async confirm(text: string, action: string): Promise<boolean> {
		return (await vscode.window.showWarningMessage(text, { modal: true }, action)) === action;
	}

	async inputApiKey(reason?: string): Promise<string | undefined> {
		return vscode.window.showInputBox({
			title: 'Cekura: Set API Key',
			prompt: `${reason ? `${reason} ` : ''}Paste your Cekura API key (Cekura dashboard › Settings › API Keys). It is kept in VS Code's secret storage.`,
			placeHolder: 'Cekura API key',
			password: true,
			ignoreFocusOut: true,
			validateInput: (value) => {
				const trimmed = value.trim();
				if (!trimmed) return 'The API key cannot be empty.';
				if (/\s/.test(trimmed)) return 'An API key has no spaces or line breaks.';
				return undefined;
			},
		});
	}

	pickRuns(client: CekuraClient, filters: RunListFilters, lastIds: readonly number[], log: Log): Promise<number[] | undefined> {
		return pickRuns(client, filters, lastIds, log);
	}

	pickFocus(client: CekuraClient, runIds: readonly number[], log: Log): Promise<Focus | undefined> {
		return pickFocus(client, runIds, log);
	}
}
