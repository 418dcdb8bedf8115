import * as vscode from 'vscode';
import { ContextKeys, REVIEW_SCHEME } from '../../constants';
import { inBackground } from '../background';
import type { Log } from '../log';
import type { Review } from './review';
import type { ReviewFileSystem } from './reviewFileSystem';
import type { ReviewManager } from './reviewManager';
import type { ChangeProgress, ReviewChange, ReviewDecisions } from '../../core/changeTypes';

/** A review and the state of its changes. */
export interface ReviewWithChanges {
	review: Review;
	changes: ReviewDecisions;
}

/**
 * Follows the changes of every open review, block by block, as the user decides them (Keep Original, Keep Proposal)
 * or edits the proposal side; sets the `cekura.reviewEditorFocused` context key while a review's proposal side is
 * the active editor.
 */
export class ReviewChanges implements vscode.Disposable {
	private readonly byUri = new Map<string, ReviewWithChanges>();
	private readonly changed = new vscode.EventEmitter<void>();
	private readonly disposables: vscode.Disposable[] = [this.changed];
	private focused: boolean | undefined;
	/** The changes of a review changed: decided, edited, or the review opened or closed. */
	readonly onDidChange = this.changed.event;

	constructor(
		private readonly reviews: ReviewManager,
		private readonly files: ReviewFileSystem,
		private readonly log: Log,
		/** The lazy half, loaded already: a review comes from an improvement or from the history. */
		private readonly improve: () => { changeDecisions(original: string, proposed: string): ReviewDecisions },
	) {
		this.disposables.push(
			reviews.onDidChange(() => this.sync()),
			vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
			vscode.window.onDidChangeActiveTextEditor(() => this.updateFocus()),
		);
		this.sync();
	}

	/** The review whose proposal side `document` is, with its changes as the document stands now. */
	of(document: vscode.TextDocument): ReviewWithChanges | undefined {
		const entry = this.byUri.get(document.uri.toString());
		entry?.changes.update(document.getText());
		return entry;
	}

	/** How many of the review's changes are left to decide, and the size of the change now. */
	progressOf(review: Review): ChangeProgress | undefined {
		return this.byUri.get(review.improvedUri.toString())?.changes.progress();
	}

	/** The editor of the proposal side the user works in: the active editor, or the one of the active review diff. */
	activeEditor(): vscode.TextEditor | undefined {
		const active = vscode.window.activeTextEditor;
		if (active && this.byUri.has(active.document.uri.toString())) return active;
		const review = this.reviews.active();
		return review && vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === review.improvedUri.toString());
	}

	/** The user kept the proposal of `change`. */
	keepProposal(entry: ReviewWithChanges, change: ReviewChange): boolean {
		const kept = entry.changes.keepProposal(change.key);
		if (kept) {
			this.log.info(`Review ${entry.review.id}: kept the proposal of lines ${change.proposalStart + 1}–${change.proposalEnd} (${this.describe(entry)}).`);
			this.changed.fire();
		}
		return kept;
	}

	/** Puts the original lines back in place of `change`, as an edit of the proposal side (Undo takes it back). */
	async keepOriginal(entry: ReviewWithChanges, document: vscode.TextDocument, change: ReviewChange): Promise<boolean> {
		entry.changes.update(document.getText());
		const replacement = entry.changes.keepOriginal(change.key);
		if (!replacement) return false;
		const edit = new vscode.WorkspaceEdit();
		edit.replace(document.uri, new vscode.Range(document.positionAt(replacement.start), document.positionAt(replacement.end)), replacement.text);
		if (!(await vscode.workspace.applyEdit(edit))) return false;
		entry.changes.update(document.getText());
		this.log.info(`Review ${entry.review.id}: kept the original of lines ${change.originalStart + 1}–${change.originalEnd} (${this.describe(entry)}).`);
		return true;
	}

	/** Moves the cursor of `editor` to `change` and shows it. */
	reveal(editor: vscode.TextEditor, entry: ReviewWithChanges, change: ReviewChange): void {
		const line = entry.changes.lineOf(change);
		const position = new vscode.Position(line, 0);
		editor.selection = new vscode.Selection(position, position);
		const end = Math.max(line, change.proposalEnd - 1);
		editor.revealRange(new vscode.Range(position, new vscode.Position(end, 0)), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
	}

	dispose(): void {
		this.disposables.forEach((d) => d.dispose());
		this.byUri.clear();
	}

	private describe(entry: ReviewWithChanges): string {
		const { left, total } = entry.changes.progress();
		return `${left} of ${total} changes left`;
	}

	private sync(): void {
		const open = new Map(this.reviews.openReviews.map((r) => [r.improvedUri.toString(), r]));
		for (const key of [...this.byUri.keys()]) if (!open.has(key)) this.byUri.delete(key);
		for (const [key, review] of open) {
			if (this.byUri.has(key)) continue;
			const text = this.proposalText(review);
			if (text === undefined) continue;
			this.byUri.set(key, { review, changes: this.improve().changeDecisions(this.files.text(review.originalUri) ?? review.originalText, text) });
		}
		this.updateFocus();
		this.changed.fire();
	}

	/** The proposal side's text: the open document's, or the in-memory file's. */
	private proposalText(review: Review): string | undefined {
		const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === review.improvedUri.toString());
		return document ? document.getText() : this.files.text(review.improvedUri);
	}

	private onEdit(event: vscode.TextDocumentChangeEvent): void {
		if (event.document.uri.scheme !== REVIEW_SCHEME || event.contentChanges.length === 0) return;
		const entry = this.byUri.get(event.document.uri.toString());
		if (!entry) return;
		entry.changes.update(event.document.getText());
		this.changed.fire();
	}

	private updateFocus(): void {
		const uri = vscode.window.activeTextEditor?.document.uri;
		const focused = !!uri && this.byUri.has(uri.toString());
		if (focused === this.focused) return;
		this.focused = focused;
		inBackground(vscode.commands.executeCommand('setContext', ContextKeys.reviewEditorFocused, focused), 'Setting the review focus context key', this.log);
	}
}
