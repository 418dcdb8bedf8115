import * as vscode from 'vscode';
import { applyImprovement } from './commands/applyImprovement';
import { clearApiKey } from './commands/clearApiKey';
import { discardImprovement } from './commands/discardImprovement';
import { improvePrompt } from './commands/improvePrompt';
import { setApiKey } from './commands/setApiKey';
import { showReviewSummary } from './commands/showReviewSummary';
import { Commands, ORIGINAL_SCHEME, REVIEW_SCHEME } from './constants';
import { ApiKeyStore } from './vscode/apiKeyStore';
import { Log } from './vscode/log';
import { ReviewFileSystem } from './vscode/reviewFileSystem';
import { ReviewManager } from './vscode/reviews';
import { ReviewStatusBar } from './vscode/reviewStatusBar';
import { Ui } from './vscode/ui';

/** What integration tests reach through `activate`'s return value; undefined outside extension tests. */
export interface TestApi {
	ui: Ui;
	reviews: ReviewManager;
	/** Folder of the extension's log files. */
	logUri: vscode.Uri;
}

export function activate(context: vscode.ExtensionContext): TestApi | undefined {
	const log = new Log();
	const ui = new Ui();
	const files = new ReviewFileSystem();
	const reviews = new ReviewManager(files, log, ui);
	const keys = new ApiKeyStore(context.secrets, log, ui);
	const version = String(context.extension.packageJSON.version ?? '0.0.0');

	context.subscriptions.push(
		log,
		files,
		reviews,
		new ReviewStatusBar(reviews),
		vscode.workspace.registerFileSystemProvider(REVIEW_SCHEME, files, { isCaseSensitive: true }),
		vscode.workspace.registerFileSystemProvider(ORIGINAL_SCHEME, files, { isCaseSensitive: true, isReadonly: true }),
		vscode.commands.registerCommand(Commands.improvePrompt, () => improvePrompt({ keys, reviews, log, ui, workspaceState: context.workspaceState, version })),
		vscode.commands.registerCommand(Commands.setApiKey, () => setApiKey(keys)),
		vscode.commands.registerCommand(Commands.clearApiKey, () => clearApiKey(keys, ui)),
		vscode.commands.registerCommand(Commands.applyImprovement, (uri?: unknown) => applyImprovement(reviews, uri)),
		vscode.commands.registerCommand(Commands.discardImprovement, (uri?: unknown) => discardImprovement(reviews, uri)),
		vscode.commands.registerCommand(Commands.showReviewSummary, (uri?: unknown) => showReviewSummary(reviews, ui, uri)),
	);
	log.info(`Cekura Prompt Improver ${version} activated.`);
	return context.extensionMode === vscode.ExtensionMode.Test ? { ui, reviews, logUri: context.logUri } : undefined;
}

export function deactivate(): void {}
