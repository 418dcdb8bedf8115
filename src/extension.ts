import * as vscode from 'vscode';
import { applyImprovement } from './commands/applyImprovement';
import { clearApiKey } from './commands/clearApiKey';
import { discardImprovement } from './commands/discardImprovement';
import { keepOriginalChange } from './commands/keepOriginalChange';
import { keepProposedChange } from './commands/keepProposedChange';
import { nextChange } from './commands/nextChange';
import { previousChange } from './commands/previousChange';
import { setApiKey } from './commands/setApiKey';
import { setModelApiKey } from './commands/setModelApiKey';
import { showReviewSummary } from './commands/showReviewSummary';
import { Commands, EVIDENCE_SCHEME, FALLBACK_ENGINE_KEY, HISTORY_SCHEME, ORIGINAL_SCHEME, REVIEW_SCHEME, type CommandId } from './constants';
import { ApiKeyStore, CEKURA_KEY, MODEL_KEY } from './vscode/apiKeyStore';
import { registerAgentExportCodeLens } from './vscode/agentExportCodeLens';
import { registerCommand } from './vscode/commandRegistration';
import { ImprovedFiles } from './vscode/improvedFiles';
import type { ImproveCommands, ImproveHost } from './vscode/improveSide';
import { LazyImprove } from './vscode/lazyImprove';
import { Log } from './vscode/log';
import { EvidenceDocuments } from './vscode/review/evidenceDocuments';
import { ChangeCodeActionProvider } from './vscode/review/changeCodeActions';
import { ChangeCodeLensProvider } from './vscode/review/changeCodeLens';
import { ReviewChanges } from './vscode/review/reviewChanges';
import { HistoryDocuments } from './vscode/review/historyDocuments';
import type { ImprovementHistory } from './vscode/review/improvementHistory';
import { ReviewFileSystem } from './vscode/review/reviewFileSystem';
import { ReviewManager } from './vscode/review/reviewManager';
import { type UserInterface } from './vscode/userInterface';
import { Ui } from './vscode/ui';

/** What integration tests reach through `activate`'s return value; undefined outside extension tests. */
export interface TestApi {
	reviews: ReviewManager;
	changes: ReviewChanges;
	/** The text of the review's status bar item, undefined while it is hidden. */
	reviewStatusText(): string | undefined;
	/** The status bar item's name and screen-reader label, undefined while it is hidden. */
	reviewStatusAccessibility(): { name: string; label: string } | undefined;
	/** The status bar item's tooltip (Markdown) and the commands its links may run, undefined while it is hidden. */
	reviewStatusTooltip(): { markdown: string; enabledCommands: readonly string[] } | undefined;
	/** The improvement history of this workspace. */
	history: ImprovementHistory;
	/** The files improved before, as the `cekura.improvedFiles` context key holds them. */
	improvedFiles(): readonly string[];
	/** Answer every question and message as `user` does, until the returned disposable is disposed. */
	replaceUserInterface(user: UserInterface): vscode.Disposable;
	/** Folder of the extension's log files. */
	logUri: vscode.Uri;
	/** Forgets the model engine remembered for when Cekura does not offer improve_prompt. */
	forgetFallbackEngine(): Thenable<void>;
	/** Runs `hook` in every Apply between preparing the edit and checking it, until the disposable is disposed. */
	duringApply(hook: () => Promise<void>): vscode.Disposable;
	/** What closing the window does to chat tests in flight (as `deactivate`): abort them and wait for their end-chat calls. */
	stopChatTests(): Promise<void>;
}

/** Set by `activate`: what closing the window must wait for (chat tests ending their chats on Cekura). */
let stopping: (() => Promise<void>) | undefined;

export function activate(context: vscode.ExtensionContext): TestApi | undefined {
	const log = new Log();
	const ui = new Ui(log);
	const files = new ReviewFileSystem(log);
	// The improve flow and what Apply, restored reviews and the history need of it live in dist/improve.js, loaded
	// the first time one of them is used; `host` is handed to it then.
	const improve = new LazyImprove(() => host);
	stopping = () => improve.stop();
	const reviews = new ReviewManager(files, log, ui, improve.get);
	const evidence = new EvidenceDocuments(reviews, log);
	const changes = new ReviewChanges(reviews, files, log, improve.get);
	const keys = new ApiKeyStore(context.secrets, log, ui, CEKURA_KEY);
	const modelKeys = new ApiKeyStore(context.secrets, log, ui, MODEL_KEY);
	const version = String(context.extension.packageJSON.version ?? '0.0.0');
	// Per workspace; a window without a folder keeps its history with the extension's global storage.
	const historyFolder = context.storageUri ?? context.globalStorageUri;
	const improvedFiles = new ImprovedFiles(context.storageUri ? context.workspaceState : context.globalState, log);
	const host: ImproveHost = { log, ui, keys, modelKeys, reviews, changes, evidence, historyFolder, improvedFiles, version, globalState: context.globalState, workspaceState: context.workspaceState };
	const commands = (): ImproveCommands => improve.get().commands;
	const history = (): ImprovementHistory => improve.get().history;
	const command = (id: CommandId, handler: (...args: unknown[]) => unknown): vscode.Disposable => registerCommand(id, handler, log, ui);

	context.subscriptions.push(
		log,
		files,
		reviews,
		evidence,
		improve,
		registerAgentExportCodeLens(improve.get),
		changes,
		vscode.languages.registerCodeLensProvider({ scheme: REVIEW_SCHEME }, new ChangeCodeLensProvider(changes)),
		vscode.languages.registerCodeActionsProvider({ scheme: REVIEW_SCHEME }, new ChangeCodeActionProvider(changes), { providedCodeActionKinds: ChangeCodeActionProvider.kinds }),
		vscode.workspace.registerFileSystemProvider(REVIEW_SCHEME, files, { isCaseSensitive: true }),
		vscode.workspace.registerFileSystemProvider(ORIGINAL_SCHEME, files, { isCaseSensitive: true, isReadonly: true }),
		vscode.workspace.registerTextDocumentContentProvider(EVIDENCE_SCHEME, evidence),
		vscode.workspace.registerTextDocumentContentProvider(HISTORY_SCHEME, new HistoryDocuments(history)),
		command(Commands.improvePrompt, (arg) => commands().improvePrompt(arg)),
		command(Commands.setApiKey, () => setApiKey(keys)),
		command(Commands.clearApiKey, () => clearApiKey(keys, ui)),
		command(Commands.setModelApiKey, () => setModelApiKey(modelKeys)),
		command(Commands.chooseEngine, () => commands().chooseEngine()),
		command(Commands.improveAgain, (uri) => commands().improveAgain(uri)),
		command(Commands.applyImprovement, (uri) => applyImprovement(reviews, uri)),
		command(Commands.discardImprovement, (uri) => discardImprovement(reviews, uri)),
		command(Commands.showReviewSummary, (uri) => showReviewSummary(reviews, ui, log, uri)),
		command(Commands.showEvidence, (uri) => commands().showEvidence(uri)),
		command(Commands.nextChange, () => nextChange(changes, ui)),
		command(Commands.previousChange, () => previousChange(changes, ui)),
		command(Commands.keepOriginalChange, (uri, key) => keepOriginalChange(changes, ui, uri, key)),
		command(Commands.keepProposedChange, (uri, key) => keepProposedChange(changes, ui, uri, key)),
		command(Commands.showHistory, () => commands().showHistory()),
		command(Commands.testProposal, (uri) => commands().testProposal(uri)),
		command(Commands.improveAgainFromTest, (uri) => commands().improveAgainFromTest(uri)),
	);
	log.info(`Cekura Prompt Improver ${version} activated.`);
	if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
	return {
		reviews,
		changes,
		reviewStatusText: () => improve.get().reviewStatusText(),
		reviewStatusAccessibility: () => improve.get().reviewStatusAccessibility(),
		reviewStatusTooltip: () => improve.get().reviewStatusTooltip(),
		get history() {
			return history();
		},
		improvedFiles: () => improvedFiles.list,
		replaceUserInterface: (user) => ui.replaceWith(user),
		logUri: context.logUri,
		forgetFallbackEngine: () => context.globalState.update(FALLBACK_ENGINE_KEY, undefined),
		duringApply: (hook) => {
			const { applyPauses } = improve.get();
			applyPauses.beforeCheck = hook;
			return new vscode.Disposable(() => (applyPauses.beforeCheck = undefined));
		},
		stopChatTests: () => improve.stop(),
	};
}

export function deactivate(): Promise<void> | undefined {
	return stopping?.();
}
