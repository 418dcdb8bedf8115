/**
 * The lazily loaded half of the extension: everything behind Improve Prompt from Runs…, Improve Again, Choose
 * Improvement Engine…, Show Evidence and Show Improvement History (pickers, engines, the Cekura and model clients,
 * node-fetch, run evidence, the prompt encodings and jsonc-parser, with the finder of prompt fields in agent
 * exports). The build makes it a
 * file of its own, dist/improve.js, which `src/vscode/lazyImprove.ts` require()s when one of these is first used
 * (or a JSON document that may be an agent export asks for its CodeLenses); activation never loads it.
 *
 * Keep the boundary clean: the main bundle imports this file only through `lazyImprove.ts` (and `import type`),
 * and what this file needs of the main bundle's objects (log, UI, key stores, reviews) is handed to `connect()`.
 */
import type * as vscode from 'vscode';
import { chooseEngine } from './commands/chooseEngine';
import { improveAgain } from './commands/improveAgain';
import { improvePrompt } from './commands/improvePrompt';
import { showEvidence } from './commands/showEvidence';
import { showHistory } from './commands/showHistory';
import type { ApiKeyStore } from '../vscode/apiKeyStore';
import { localizeCore } from './vscode/coreL10n';
import { EngineSelection } from './vscode/engines/engineSelection';
import type { Log } from '../vscode/log';
import type { EvidenceDocuments } from '../vscode/review/evidenceDocuments';
import { asPromptLocation } from './vscode/promptLocation';
import { HistoryStore } from './vscode/review/historyStore';
import type { ReviewManager } from '../vscode/review/reviewManager';
import type { Ui } from '../vscode/userInterface';

export { findAgentPrompts } from './core/agentExport';
export { checkApplied, checkAppliedInSlices } from './core/applyCheck';
export { ChangeDecisions } from './core/changeDecisions';
export { textForFile, textForFileInSlices } from './core/textForFile';
export { placeRecordedPrompt } from './vscode/review/recordedPrompt';

/** The improvement history kept in `folder`; the main bundle makes one, on first use. */
export function openHistory(folder: vscode.Uri, log: Log): HistoryStore {
	return new HistoryStore(folder, log);
}

/** The main bundle's objects the commands work with. */
export interface ImproveHost {
	log: Log;
	ui: Ui;
	keys: ApiKeyStore;
	modelKeys: ApiKeyStore;
	reviews: ReviewManager;
	evidence: EvidenceDocuments;
	/** The improvement history, read on first use. */
	history: () => HistoryStore;
	version: string;
	globalState: vscode.Memento;
	workspaceState: vscode.Memento;
}

export interface ImproveCommands {
	/** `arg`: the command's argument; a prompt's location (from a CodeLens) is improved instead of the selection. */
	improvePrompt(arg?: unknown): Promise<void>;
	/** `uri`: a review side, from the review's title bar. */
	improveAgain(uri: unknown): Promise<void>;
	/** Resolves whether the user chose an engine. */
	chooseEngine(): Promise<boolean>;
	/** `uri`: what the review's title bar passes. */
	showEvidence(uri?: unknown): Promise<void>;
	showHistory(): Promise<void>;
}

/** The commands, bound to the host's objects; called once. */
export function connect(host: ImproveHost): ImproveCommands {
	// Core's messages (all on this side of the split) are translated through @vscode/l10n: hand it VS Code's bundle.
	localizeCore();
	const { log, ui, keys, modelKeys, reviews, evidence, history, version, globalState, workspaceState } = host;
	const modelDeps = { log, ui, modelKeys, version, globalState };
	const choose = (): Promise<boolean> => chooseEngine(modelDeps);
	const engines = new EngineSelection(modelDeps, choose);
	const flow = { keys, modelKeys, engines, reviews, log, ui, workspaceState, version };
	return {
		improvePrompt: (arg) => improvePrompt(flow, asPromptLocation(arg)),
		improveAgain: (uri) => improveAgain(flow, uri),
		chooseEngine: choose,
		showEvidence: (uri) => showEvidence({ keys, reviews, evidence, log, ui, version }, uri),
		showHistory: () => showHistory({ history: history(), reviews, ui, log }),
	};
}
