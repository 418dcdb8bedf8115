import * as vscode from 'vscode';
import { Commands } from './constants';

export function activate(context: vscode.ExtensionContext): void {
	for (const id of Object.values(Commands)) {
		context.subscriptions.push(vscode.commands.registerCommand(id, () => vscode.window.showInformationMessage(`${id} is not built yet`)));
	}
}

export function deactivate(): void {}
