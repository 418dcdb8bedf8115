import type * as vscode from 'vscode';
import type { PromptTracker } from './promptTracker';
import type { Focus } from '../../core/focus';
import type { PromptEncoding } from '../../core/encodingTypes';
import type { ProposalCheck } from '../../core/proposal';

/** One open review: where the prompt came from, what it was, and the two in-memory sides of its diff. */
export interface Review {
	readonly id: number;
	/** Its entry in the improvement history (`HistoryEntry.id`). */
	readonly historyId: string;
	readonly sourceUri: vscode.Uri;
	/** The source file's name, for messages. */
	readonly sourceName: string;
	/** The prompt as reviewed: decoded from its JSON string, YAML block… */
	readonly originalText: string;
	/** How the prompt is written in the file. */
	readonly encoding: PromptEncoding;
	/** Where the prompt stands in the source now; it has followed every edit since the request was sent. */
	readonly tracker: PromptTracker;
	/** The diff's left side: `originalText`, or the proposal this one improved on (Improve Again). */
	readonly originalUri: vscode.Uri;
	readonly improvedUri: vscode.Uri;
	readonly title: string;
	/** Who wrote the proposal: "Cekura", "gpt-4.1 via VS Code", "llama3.1 at 127.0.0.1:11434". */
	readonly author: string;
	/** Set once the proposal is complete (`ReviewDiffs.complete`) when it streamed into the review. */
	summary: string;
	/** What the user should check before applying, e.g. a dropped template placeholder. */
	warnings: readonly string[];
	/**
	 * The proposal's checks (placeholders, locality, growth, coverage, guardrails), shown with the summary; made once
	 * the diff is on its way (`ReviewManager.setChecks`).
	 */
	checks: readonly ProposalCheck[];
	/** `+4 −1 lines, +52 −3 words in 2 changes`; measured once the diff is on screen (`ReviewManager.setStats`). */
	stats: string;
	readonly runIds: readonly number[];
	/** The failures the proposal was asked to focus on. */
	readonly focus: Focus;
	/**
	 * Set while the proposal is still arriving, edit by edit: the right side shows the edits so far and is read-only,
	 * nothing can be applied or decided, and nothing is recorded in the history until the proposal is complete.
	 */
	drafting?: { editsApplied: number };
	/** Improve Again: the review whose right side this proposal improved on. */
	readonly previousId?: number;
}
