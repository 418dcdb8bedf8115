/**
 * The lazily loaded half of the extension: everything behind Improve Prompt from Runs…, Choose Improvement
 * Engine… and Show Improvement History (pickers, engines, the Cekura and model clients, node-fetch, run evidence, the prompt encodings and
 * jsonc-parser). The build makes it a file of its own, dist/improve.js, which `src/vscode/lazyImprove.ts`
 * require()s when one of these is first used; activation never loads it.
 *
 * Keep the boundary clean: the main bundle imports this file only through `lazyImprove.ts` (and `import type`),
 * and what this file needs of the main bundle's objects (log, UI, key stores, reviews) is handed to `connect()`.
 */
import type * as vscode from 'vscode';
import { chooseEngine } from './commands/chooseEngine';
import { improvePrompt } from './commands/improvePrompt';
import { showHistory } from './commands/showHistory';
import type { ApiKeyStore } from './vscode/apiKeyStore';
import { localizeCore } from './vscode/coreL10n';
import { ImproveEngines } from './vscode/engines/improveEngines';
import type { Log } from './vscode/log';
import type { HistoryStore } from './vscode/review/historyStore';
import type { ReviewManager } from './vscode/review/reviewManager';
import type { Ui } from './vscode/userInterface';

export { checkApplied } from './core/applyCheck';
export { textForFile } from './core/promptEncoding';
export { placeRecordedPrompt } from './vscode/review/recordedPrompt';

/** The main bundle's objects the commands work with. */
export interface ImproveHost {
	log: Log;
	ui: Ui;
	keys: ApiKeyStore;
	modelKeys: ApiKeyStore;
	reviews: ReviewManager;
	history: HistoryStore;
	version: string;
	globalState: vscode.Memento;
	workspaceState: vscode.Memento;
}

export interface ImproveCommands {
	improvePrompt(): Promise<void>;
	/** Resolves whether the user chose an engine. */
	chooseEngine(): Promise<boolean>;
	showHistory(): Promise<void>;
}

/** The commands, bound to the host's objects; called once. */
export function connect(host: ImproveHost): ImproveCommands {
	// Core's messages (all on this side of the split) are translated through @vscode/l10n: hand it VS Code's bundle.
	localizeCore();
	const { log, ui, keys, modelKeys, reviews, history, version, globalState, workspaceState } = host;
	const modelDeps = { log, ui, modelKeys, version, globalState };
	const choose = (): Promise<boolean> => chooseEngine(modelDeps);
	const engines = new ImproveEngines(modelDeps, choose);
	return {
		improvePrompt: () => improvePrompt({ keys, modelKeys, engines, reviews, log, ui, workspaceState, version }),
		chooseEngine: choose,
		showHistory: () => showHistory({ history, reviews, ui, log }),
	};
}
