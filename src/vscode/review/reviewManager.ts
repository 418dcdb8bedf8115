import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Proposal } from '../../core/engines/improveEngine';
import { fitToOriginal } from '../../core/eol';
import type { Focus } from '../../core/focusOptions';
import type { PromptEncoding } from '../../core/promptEncoding';
import { ContextKeys, ORIGINAL_SCHEME, REVIEW_SCHEME } from '../../constants';
import { inBackground } from '../background';
import { eolOf } from '../documentEol';
import type { Log } from '../log';
import type { Ui } from '../userInterface';
import { applyToSource } from './applyToSource';
import type { Review } from './review';
import { ReviewFileSystem } from './reviewFileSystem';
import { activeDiff, closeTabs, isReviewTab, reviewTabs, waitForReviewTab } from './reviewTabs';
import type { SourceTracker } from './sourceTracker';

export interface ReviewRequest {
	source: vscode.TextDocument;
	/** Follows the prompt since it was sent; the review owns it from now on. */
	tracker: SourceTracker;
	/** How the prompt is written in the file; the review shows it decoded. */
	encoding: PromptEncoding;
	proposal: Proposal;
	/** The size of the change, `+4 −1 lines, +52 −3 words in 2 changes`, or what to show until `setStats` has it. */
	stats: string;
	runIds: readonly number[];
	focus: Focus;
	/**
	 * Improve Again: the review whose right side (`text`, as the user left it) was improved on. The new review shows
	 * `text` on its left, takes over its tracker and replaces it.
	 */
	previous?: { review: Review; text: string };
}

/** Opens review diffs, finds the one a command means, and applies or discards them. */
export class ReviewManager implements vscode.Disposable {
	private readonly reviews = new Map<number, Review>();
	private readonly changed = new vscode.EventEmitter<void>();
	private readonly disposables: vscode.Disposable[] = [this.changed];
	private nextId = 1;
	/** A review opened or closed. */
	readonly onDidChange = this.changed.event;

	constructor(
		private readonly files: ReviewFileSystem,
		private readonly log: Log,
		private readonly ui: Ui,
	) {
		this.disposables.push(vscode.window.tabGroups.onDidChangeTabs((e) => this.onTabsClosed(e.closed)));
		// Review documents live in memory: tabs restored from an earlier window session have nothing behind them.
		inBackground(closeTabs(reviewTabs()), 'Closing review tabs left from the last session', log);
	}

	get openReviews(): readonly Review[] {
		return [...this.reviews.values()];
	}

	async open(request: ReviewRequest): Promise<Review> {
		const { source, tracker, encoding, proposal, previous } = request;
		const id = this.nextId++;
		const name = path.basename(source.uri.path) || 'prompt.md';
		const originalText = encoding.decode(tracker.raw);
		const leftText = previous ? previous.text : originalText;
		const runs = request.runIds.join(', ');
		const review: Review = {
			id,
			sourceUri: source.uri,
			sourceName: name,
			originalText,
			encoding,
			tracker,
			originalUri: ReviewFileSystem.uri(ORIGINAL_SCHEME, `/review-${id}/original/${name}`),
			improvedUri: ReviewFileSystem.uri(REVIEW_SCHEME, `/review-${id}/improved/${name}`),
			title: previous
				? vscode.l10n.t('{0}: Previous Proposal ↔ Improved Again (runs {1}) · by {2}', name, runs, proposal.author)
				: vscode.l10n.t('{0}: Original ↔ Improved (runs {1}) · by {2}', name, runs, proposal.author),
			author: proposal.author,
			summary: proposal.summary_of_changes,
			warnings: proposal.warnings,
			stats: request.stats,
			runIds: request.runIds,
			focus: request.focus,
			previousId: previous?.review.id,
		};
		this.files.put(review.originalUri, leftText, true);
		this.files.put(review.improvedUri, fitToOriginal(proposal.improved_prompt, leftText, eolOf(source)), false);
		this.reviews.set(id, review);
		// The context key and the diff travel to the workbench together: waiting for one before sending the other
		// only delays the diff.
		await Promise.all([this.updateContext(), vscode.commands.executeCommand('vscode.diff', review.originalUri, review.improvedUri, review.title, { preview: false })]);
		// Apply or Discard right away must still find the tab to close.
		await waitForReviewTab(review.improvedUri);
		this.log.info(`Review ${id} opened for ${source.uri.toString()} (runs ${runs}, proposal by ${proposal.author}, prompt written as ${encoding.description}${previous ? `, improving on review ${previous.review.id}` : ''}).`);
		if (previous) await this.replaced(previous.review);
		return review;
	}

	/** The size of the change, measured after the diff was sent: the status bar shows it from now on. */
	setStats(review: Review, stats: string): void {
		review.stats = stats;
		this.log.info(`Review ${review.id}: ${stats}.`);
		this.changed.fire();
	}

	/** The review whose diff is the active tab. */
	active(): Review | undefined {
		const diff = activeDiff();
		return diff && (this.byUri(diff.modified) ?? this.byUri(diff.original));
	}

	/** The review that `uri` (a review side) or the active diff tab belongs to; the only one when just one is open. */
	find(uri?: vscode.Uri): Review | undefined {
		return (uri && this.byUri(uri)) ?? this.active() ?? (this.reviews.size === 1 ? this.openReviews[0] : undefined);
	}

	/**
	 * The review a command acts on: like `find`, but asks which one when several are open and none is active, and
	 * says so when none is open. `uri` is what a title-bar button passes; from elsewhere it may be anything. `question`
	 * titles the picker: "Cekura: Apply which review?"
	 */
	async choose(uri: unknown, question: string): Promise<Review | undefined> {
		const found = this.find(uri instanceof vscode.Uri ? uri : undefined);
		if (found) return found;
		if (this.reviews.size === 0) {
			this.ui.notify('info', vscode.l10n.t('Cekura: no improved prompt is open for review.'));
			return undefined;
		}
		const picked = await this.ui.window.showQuickPick(
			this.openReviews.map((r) => ({ label: r.title, description: r.stats, review: r })),
			{ title: question, placeHolder: vscode.l10n.t('Several reviews are open') },
		);
		return picked?.review;
	}

	async apply(review: Review): Promise<void> {
		const improvedDoc = await vscode.workspace.openTextDocument(review.improvedUri);
		const improved = improvedDoc.getText();
		if (improved.trim() === '') {
			this.ui.notify('warning', vscode.l10n.t('Cekura: the improved prompt is empty, so nothing was applied. Undo your edits on the right side of the review, or discard it.'));
			return;
		}
		const written = await applyToSource(review, improved, this.ui, this.log);
		if (!written) return;
		await this.close(review, improvedDoc);
		await vscode.window.showTextDocument(written.source, { selection: written.range, preview: false });
		vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Cekura: improved prompt applied to {0}; Undo restores the original.', review.sourceName), 8000);
	}

	async discard(review: Review): Promise<void> {
		const improvedDoc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === review.improvedUri.toString());
		await this.close(review, improvedDoc);
		this.log.info(`Review ${review.id}: discarded; ${review.sourceName} is unchanged.`);
	}

	dispose(): void {
		this.disposables.forEach((d) => d.dispose());
		this.reviews.forEach((r) => r.tracker.dispose());
		this.reviews.clear();
	}

	/** Closes a review that a newer one (Improve Again) took over; its tracker goes on with the newer one. */
	private async replaced(review: Review): Promise<void> {
		const improvedDoc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === review.improvedUri.toString());
		await this.close(review, improvedDoc, false);
		this.log.info(`Review ${review.id}: replaced by a new proposal.`);
	}

	private async close(review: Review, improvedDoc: vscode.TextDocument | undefined, disposeTracker = true): Promise<void> {
		if (!this.reviews.delete(review.id)) return;
		if (disposeTracker) review.tracker.dispose();
		// Saving into the in-memory side clears its dirty state, so closing the tab asks nothing.
		if (improvedDoc?.isDirty) await improvedDoc.save();
		await closeTabs(reviewTabs(review.improvedUri));
		this.files.remove(review.originalUri);
		this.files.remove(review.improvedUri);
		await this.updateContext();
	}

	private onTabsClosed(closed: readonly vscode.Tab[]): void {
		for (const review of this.openReviews) {
			if (closed.some((tab) => isReviewTab(tab, review.improvedUri))) inBackground(this.discard(review), `Discarding review ${review.id}`, this.log);
		}
	}

	private byUri(uri: vscode.Uri): Review | undefined {
		const key = uri.toString();
		return this.openReviews.find((r) => r.improvedUri.toString() === key || r.originalUri.toString() === key);
	}

	private updateContext(): Thenable<unknown> {
		this.changed.fire();
		return vscode.commands.executeCommand('setContext', ContextKeys.reviewOpen, this.reviews.size > 0);
	}
}
