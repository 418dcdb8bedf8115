/**
 * The entry point of the lazily loaded half, src/improve/ (dist/improve.js): everything behind Improve Prompt from
 * Runs…, Improve Again, Choose Improvement Engine…, Show Evidence, Show Improvement History and Test Proposal in
 * Simulated Chats… (pickers, engines, the
 * Cekura and model clients, node-fetch, run evidence, the prompt encodings and jsonc-parser), and what Apply, the
 * change decisions, the agent-export CodeLens and restored reviews need of it. Activation never loads it.
 *
 * The main bundle reaches it only through `LazyImprove` (src/vscode/lazyImprove.ts), which require()s this file once
 * and hands the main bundle's objects to `connect()` once; main-bundle adapters are given the `ImproveSide` it returns.
 */
import { chooseEngine } from './commands/chooseEngine';
import { improveAgain } from './commands/improveAgain';
import { improveAgainFromTest } from './commands/improveAgainFromTest';
import { improvePrompt } from './commands/improvePrompt';
import { showEvidence } from './commands/showEvidence';
import { showHistory } from './commands/showHistory';
import { testProposal } from './commands/testProposal';
import { findAgentPrompts } from './core/agentExport';
import { ChangeDecisions } from './core/changeDecisions';
import { TestedReviews } from './vscode/chatTest/testedReviews';
import { TestsInFlight } from './vscode/chatTest/testsInFlight';
import { localizeCore } from './vscode/coreL10n';
import { EngineSelection } from './vscode/engines/engineSelection';
import { asPromptLocation } from './vscode/promptLocationArgument';
import { HistoryStore } from './vscode/review/historyStore';
import { keepImprovedFiles } from './vscode/review/improvedFilesUpkeep';
import { placeRecordedPrompt } from './vscode/review/recordedPrompt';
import { applyPauses, applyToSource } from './vscode/review/applyToSource';
import { ReviewStatusBar } from './vscode/review/reviewStatusBar';
import type * as vscode from 'vscode';
import type { ImproveHost, ImproveSide } from '../vscode/improveSide';

/** The lazy half, bound to the host's objects; called once (see `ImproveBundle`). */
export function connect(host: ImproveHost): ImproveSide {
	// Core's messages (all on this side of the split) are translated through @vscode/l10n: hand it VS Code's bundle.
	localizeCore();
	const { log, ui, keys, modelKeys, reviews, changes, evidence, version, globalState, workspaceState } = host;
	// Reviews exist only once this half is loaded (an improvement, or one restored from the history): so does their status.
	const statusBar = new ReviewStatusBar(reviews, changes, ui);
	let historyStore: HistoryStore | undefined;
	let improvedFilesUpkeep: vscode.Disposable | undefined;
	const history = (): HistoryStore => {
		if (historyStore) return historyStore;
		historyStore = new HistoryStore(host.historyFolder, log);
		improvedFilesUpkeep = keepImprovedFiles(historyStore, host.improvedFiles, log);
		return historyStore;
	};
	const modelDeps = { log, ui, modelKeys, version, globalState };
	const choose = (): Promise<boolean> => chooseEngine(modelDeps);
	const engines = new EngineSelection(modelDeps, choose);
	const flow = { keys, modelKeys, engines, reviews, log, ui, workspaceState, version };
	const tests = new TestsInFlight();
	const tested = new TestedReviews(reviews, log);
	const againWith = (uri: unknown, runIds: readonly number[]): Promise<void> => improveAgain(flow, uri, { runIds });
	const testDeps = { ...modelDeps, keys, reviews, history, tests, tested, chooseEngine: choose, improveAgain: againWith };
	return {
		commands: {
			improvePrompt: (arg) => improvePrompt(flow, asPromptLocation(arg)),
			improveAgain: (uri) => improveAgain(flow, uri),
			chooseEngine: choose,
			showEvidence: (uri) => showEvidence({ keys, reviews, evidence, log, ui, version }, uri),
			showHistory: () => showHistory({ history: history(), reviews, ui, log }),
			testProposal: (uri) => testProposal(testDeps, uri),
			improveAgainFromTest: (uri) => improveAgainFromTest(testDeps, uri),
		},
		get history() {
			return history();
		},
		applyToSource: (target, improved) => applyToSource(target, improved, ui, log),
		applyPauses,
		changeDecisions: (original, proposed) => new ChangeDecisions(original, proposed),
		findAgentPrompts,
		placeRecordedPrompt: (entry) => placeRecordedPrompt(entry, log),
		reviewStatusText: () => statusBar.shownText,
		reviewStatusAccessibility: () => statusBar.shownAccessibility,
		reviewStatusTooltip: () => statusBar.shownTooltip,
		stopTests: () => tests.stopAll(),
		dispose: () => {
			tests.dispose();
			tested.dispose();
			statusBar.dispose();
			improvedFilesUpkeep?.dispose();
			historyStore?.dispose();
		},
	};
}
