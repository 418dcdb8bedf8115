import type * as vscode from 'vscode';
import type { AgentPromptField } from '../core/agentExportHint';
import type { ReviewDecisions } from '../core/changeTypes';
import type { ApiKeyStore } from './apiKeyStore';
import type { Log } from './log';
import type { ImprovedFiles } from './improvedFiles';
import type { EvidenceDocuments } from './review/evidenceDocuments';
import type { ReviewChanges } from './review/reviewChanges';
import type { ReviewManager } from './review/reviewManager';
import type { ReviewServices } from './review/reviewServices';
import type { Ui } from './ui';

/*
 * What the main bundle and the lazy half (src/improve/, dist/improve.js) agree on. The main bundle declares it and
 * the lazy half implements it (src/improve/improveBundle.ts), so no import goes from the main bundle into src/improve/.
 */

/** The main bundle's objects the lazy half works with; handed over once, by `LazyImprove`. */
export interface ImproveHost {
	log: Log;
	ui: Ui;
	keys: ApiKeyStore;
	modelKeys: ApiKeyStore;
	reviews: ReviewManager;
	changes: ReviewChanges;
	evidence: EvidenceDocuments;
	/** Where this workspace's improvement history is kept. */
	historyFolder: vscode.Uri;
	/** The files improved before (the ✨ title-bar button's context key), kept up to date from the history. */
	improvedFiles: ImprovedFiles;
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
	/** `uri`: what the review's title bar passes. */
	testProposal(uri?: unknown): Promise<void>;
	/** `uri`: a review side. */
	improveAgainFromTest(uri?: unknown): Promise<void>;
}

/** Everything the main bundle uses of the lazy half: its commands, and the services its adapters are given. */
export interface ImproveSide extends ReviewServices, vscode.Disposable {
	commands: ImproveCommands;
	/** The changes of a review and the user's decisions on them. */
	changeDecisions(original: string, proposed: string): ReviewDecisions;
	/** The prompt fields of a VAPI or Retell export, for the agent-export CodeLens. */
	findAgentPrompts(text: string): AgentPromptField[];
	/** The text of the review's status bar item, undefined while it is hidden (for the integration tests). */
	reviewStatusText(): string | undefined;
	/** The status bar item's name and screen-reader label, undefined while it is hidden (for the integration tests). */
	reviewStatusAccessibility(): { name: string; label: string } | undefined;
	/** The status bar item's tooltip (Markdown) and the commands its links may run, while it is shown (for the integration tests). */
	reviewStatusTooltip(): { markdown: string; enabledCommands: readonly string[] } | undefined;
	/** Aborts the tests in flight and resolves once they ended their chats on Cekura, or after a few seconds. */
	stopTests(): Promise<void>;
}

/** What dist/improve.js exports. */
export interface ImproveBundle {
	/** The lazy half, bound to the host's objects; called once. */
	connect(host: ImproveHost): ImproveSide;
}
