import * as vscode from 'vscode';
import { applyImprovement } from './commands/applyImprovement';
import { clearApiKey } from './commands/clearApiKey';
import { discardImprovement } from './commands/discardImprovement';
import { improvePrompt } from './commands/improvePrompt';
import { setApiKey } from './commands/setApiKey';
import { showReviewSummary } from './commands/showReviewSummary';
import { Commands, ORIGINAL_SCHEME, REVIEW_SCHEME, type CommandId } from './constants';
import { ApiKeyStore } from './vscode/apiKeyStore';
import { registerCommand } from './vscode/commandRegistration';
import { Log } from './vscode/log';
import { ReviewFileSystem } from './vscode/review/reviewFileSystem';
import { ReviewManager } from './vscode/review/reviewManager';
import { ReviewStatusBar } from './vscode/review/reviewStatusBar';
import { Ui, type UserInterface } from './vscode/userInterface';

/** What integration tests reach through `activate`'s return value; undefined outside extension tests. */
export interface TestApi {
	reviews: ReviewManager;
	/** Answer every question and message as `user` does, until the returned disposable is disposed. */
	replaceUserInterface(user: UserInterface): vscode.Disposable;
	/** Folder of the extension's log files. */
	logUri: vscode.Uri;
}

export function activate(context: vscode.ExtensionContext): TestApi | undefined {
	const log = new Log();
	const ui = new Ui(log);
	const files = new ReviewFileSystem();
	const reviews = new ReviewManager(files, log, ui);
	const keys = new ApiKeyStore(context.secrets, log, ui);
	const version = String(context.extension.packageJSON.version ?? '0.0.0');
	const command = (id: CommandId, handler: (...args: unknown[]) => unknown): vscode.Disposable => registerCommand(id, handler, log, ui);

	context.subscriptions.push(
		log,
		files,
		reviews,
		new ReviewStatusBar(reviews),
		vscode.workspace.registerFileSystemProvider(REVIEW_SCHEME, files, { isCaseSensitive: true }),
		vscode.workspace.registerFileSystemProvider(ORIGINAL_SCHEME, files, { isCaseSensitive: true, isReadonly: true }),
		command(Commands.improvePrompt, () => improvePrompt({ keys, reviews, log, ui, workspaceState: context.workspaceState, version })),
		command(Commands.setApiKey, () => setApiKey(keys)),
		command(Commands.clearApiKey, () => clearApiKey(keys, ui)),
		command(Commands.applyImprovement, (uri) => applyImprovement(reviews, uri)),
		command(Commands.discardImprovement, (uri) => discardImprovement(reviews, uri)),
		command(Commands.showReviewSummary, (uri) => showReviewSummary(reviews, ui, log, uri)),
	);
	log.info(`Cekura Prompt Improver ${version} activated.`);
	if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
	return { reviews, replaceUserInterface: (user) => ui.replaceWith(user), logUri: context.logUri };
}

export function deactivate(): void {}
