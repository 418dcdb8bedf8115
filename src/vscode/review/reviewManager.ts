import * as path from 'node:path';
import { QuickInputIds } from '../../core/quickInputIds';
import * as vscode from 'vscode';
import type { Proposal } from '../../core/engines/improveEngine';
import { fitToOriginal } from '../../core/eol';
import type { Focus } from '../../improve/core/focusOptions';
import { closedEntry, finalText, type HistoryEntry } from '../../core/history';
import type { PromptEncoding } from '../../improve/core/promptEncoding';
import { ContextKeys, ORIGINAL_SCHEME, REVIEW_SCHEME } from '../../constants';
import { inBackground } from '../background';
import { loadImprove } from '../lazyImprove';
import { eolOf } from '../documentEol';
import type { Log } from '../log';
import type { Ui } from '../userInterface';
import { applyToSource } from './applyToSource';
import type { HistoryStore } from '../../improve/vscode/review/historyStore';
import type { PlacedPrompt } from '../../improve/vscode/review/recordedPrompt';
import type { Review } from './review';
import { ReviewFileSystem } from './reviewFileSystem';
import { activeDiff, closeTabs, isReviewTab, reviewTabs, waitForReviewTab } from './reviewTabs';
import type { SourceTracker } from '../../improve/vscode/review/sourceTracker';

/** How long the right side rests before its text is saved in the history (so it survives a reload). */
const EDIT_SAVE_DELAY_MS = 300;

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

const NO_FOCUS: Focus = { workflow_metric_ids: [], category_ids: [] };

/**
 * Opens review diffs, finds the one a command means, and applies or discards them. Every review is recorded in the
 * improvement history (opened, its right side as the user edits it, applied or discarded), and the reviews open when
 * the window closed are restored from it.
 */
export class ReviewManager implements vscode.Disposable {
	private readonly reviews = new Map<number, Review>();
	private readonly changed = new vscode.EventEmitter<void>();
	private readonly disposables: vscode.Disposable[] = [this.changed];
	private readonly pendingEdits = new Map<number, ReturnType<typeof setTimeout>>();
	/** Restorations under way, by the key in their documents' paths. */
	private readonly restoring = new Map<string, Promise<void>>();
	/** Keys of the reviews closed in this session: their documents are never restored. */
	private readonly closedKeys = new Set<string>();
	private readonly restored: Promise<void>;
	private nextId = 1;
	/** A review opened or closed. */
	readonly onDidChange = this.changed.event;

	constructor(
		private readonly files: ReviewFileSystem,
		private readonly log: Log,
		private readonly ui: Ui,
		/** The improvement history, read on first use. */
		private readonly history: () => HistoryStore,
	) {
		this.disposables.push(
			vscode.window.tabGroups.onDidChangeTabs((e) => this.onTabsClosed(e.closed)),
			vscode.workspace.onDidChangeTextDocument((e) => this.onRightSideChanged(e)),
		);
		// A review tab VS Code restores after a reload asks for its documents: they come back from the history.
		files.restoreWith((uri) => this.restoreFor(uri));
		this.restored = this.restoreOpenReviews().then(undefined, (err: unknown) => log.error(`Restoring the open reviews failed: ${err instanceof Error && err.stack ? err.stack : String(err)}`));
	}

	get openReviews(): readonly Review[] {
		return [...this.reviews.values()];
	}

	async open(request: ReviewRequest): Promise<Review> {
		const { source, tracker, encoding, proposal, previous } = request;
		// Restored reviews are in place first, so a new one never takes the place of one coming back.
		await this.restored;
		const name = path.basename(source.uri.path) || 'prompt.md';
		const originalText = encoding.decode(tracker.raw);
		const historyId = newHistoryId();
		const review = this.build(historyId, historyId, {
			sourceUri: source.uri,
			sourceName: name,
			originalText,
			encoding,
			tracker,
			author: proposal.author,
			summary: proposal.summary_of_changes,
			warnings: proposal.warnings,
			stats: request.stats,
			runIds: request.runIds,
			focus: request.focus,
			previousId: previous?.review.id,
		});
		// The history keeps the file's original beside the proposal: that is what Apply Again finds in the file.
		const left = previous ? previous.text : originalText;
		const proposed = fitToOriginal(proposal.improved_prompt, left, eolOf(source));
		this.recordOpened(review, source, proposed);
		await this.show(review, left, proposed);
		this.log.info(`Review ${review.id} opened for ${source.uri.toString()} (runs ${review.runIds.join(', ')}, proposal by ${proposal.author}, prompt written as ${encoding.description}${previous ? `, improving on review ${previous.review.id}` : ''}).`);
		if (previous) await this.replaced(previous.review);
		return review;
	}

	/** The size of the change, measured after the diff was sent: the status bar shows it from now on. */
	setStats(review: Review, stats: string): void {
		review.stats = stats;
		this.log.info(`Review ${review.id}: ${stats}.`);
		inBackground(this.history().update(review.historyId, (e) => ({ ...e, stats })), `Recording the size of review ${review.id}`, this.log);
		this.changed.fire();
	}

	/**
	 * Opens the review of a recorded proposal again: the recorded original on the left, the proposal on the right,
	 * following the original in its file as it is now. The review already open for it, if any, is shown instead.
	 */
	async reopen(entry: HistoryEntry): Promise<{ review: Review; found: boolean }> {
		await this.restored;
		const live = this.openReviews.find((r) => r.historyId === entry.id);
		if (live) {
			await vscode.commands.executeCommand('vscode.diff', live.originalUri, live.improvedUri, live.title, { preview: false });
			const source = await Promise.resolve(vscode.workspace.openTextDocument(live.sourceUri)).catch(() => undefined);
			return { review: live, found: !!source && live.tracker.locate(source.getText()).found };
		}
		const placed = await loadImprove().placeRecordedPrompt(entry, this.log);
		const review = this.fromEntry(entry, `${entry.id}-${this.nextId}`, placed);
		await this.history().update(entry.id, (e) => ({ ...e, openReview: key(review), current: entry.proposed }));
		await this.show(review, entry.original, entry.proposed);
		this.log.info(`Review ${review.id} reopened from the history (${entry.id}) for ${entry.source.uri}${placed.found ? '' : '; the original is not in the file for sure, so Apply will refuse'}.`);
		return { review, found: placed.found };
	}

	/**
	 * Writes a recorded proposal (what was applied, else the right side as left) into its file again, in place of
	 * the recorded original, as one undo step; refuses, keeping the user's text, when the original is not there for
	 * sure. Resolves whether it was written.
	 */
	async applyAgain(entry: HistoryEntry): Promise<boolean> {
		const text = finalText(entry);
		const placed = await loadImprove().placeRecordedPrompt(entry, this.log);
		if (!placed.found) {
			placed.tracker.dispose();
			const copy = vscode.l10n.t('Copy Improved Prompt');
			const message = vscode.l10n.t('Cekura: the original prompt of this proposal is no longer in {0} for sure (it was applied or edited since), so nothing was applied and your text is kept.', entry.source.name);
			if ((await this.ui.message('warning', message, copy)) === copy) {
				await vscode.env.clipboard.writeText(text);
				vscode.window.setStatusBarMessage(vscode.l10n.t('$(clippy) Cekura: improved prompt copied to the clipboard.'), 5000);
			}
			return false;
		}
		const target = { id: this.nextId++, sourceUri: placed.tracker.uri, sourceName: entry.source.name, originalText: entry.original, encoding: placed.encoding, tracker: placed.tracker };
		let written: Awaited<ReturnType<typeof applyToSource>>;
		try {
			written = await applyToSource(target, text, this.ui, this.log);
		} finally {
			placed.tracker.dispose();
		}
		if (!written) return false;
		const now = Date.now();
		await this.history().update(entry.id, (e) => ({ ...e, applied: text, outcome: 'applied', decidedAt: now }));
		await vscode.window.showTextDocument(written.source, { selection: written.range, preview: false });
		vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Cekura: improved prompt applied to {0}; Undo restores the original.', entry.source.name), 8000);
		return true;
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
		const picked = await this.ui.showQuickPick(
			this.openReviews.map((r) => ({ label: r.title, description: r.stats, review: r })),
			{ id: QuickInputIds.whichReview, title: question, placeHolder: vscode.l10n.t('Several reviews are open') },
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
		await this.close(review, improvedDoc, 'applied');
		await vscode.window.showTextDocument(written.source, { selection: written.range, preview: false });
		vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Cekura: improved prompt applied to {0}; Undo restores the original.', review.sourceName), 8000);
	}

	async discard(review: Review): Promise<void> {
		const improvedDoc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === review.improvedUri.toString());
		await this.close(review, improvedDoc, 'discarded');
		this.log.info(`Review ${review.id}: discarded; ${review.sourceName} is unchanged.`);
	}

	dispose(): void {
		// The window closes with these reviews open: their last edits go to the history, and they stay open there.
		for (const [id, timer] of this.pendingEdits) {
			clearTimeout(timer);
			const review = this.reviews.get(id);
			if (review) this.saveRightSide(review);
		}
		this.pendingEdits.clear();
		this.disposables.forEach((d) => d.dispose());
		this.reviews.forEach((r) => r.tracker.dispose());
		this.reviews.clear();
	}

	/** Closes a review that a newer one (Improve Again) took over; its tracker goes on with the newer one. */
	private async replaced(review: Review): Promise<void> {
		const improvedDoc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === review.improvedUri.toString());
		await this.close(review, improvedDoc, 'discarded', false);
		this.log.info(`Review ${review.id}: replaced by a new proposal.`);
	}

	private async close(review: Review, improvedDoc: vscode.TextDocument | undefined, outcome: 'applied' | 'discarded', disposeTracker = true): Promise<void> {
		if (!this.reviews.delete(review.id)) return;
		this.closedKeys.add(key(review));
		if (disposeTracker) review.tracker.dispose();
		clearTimeout(this.pendingEdits.get(review.id));
		this.pendingEdits.delete(review.id);
		const rightSide = improvedDoc?.getText() ?? this.files.text(review.improvedUri) ?? '';
		const now = Date.now();
		inBackground(this.history().update(review.historyId, (e) => closedEntry(e, outcome, rightSide, now)), `Recording review ${review.id} as ${outcome}`, this.log);
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

	/** A review record with its documents' URIs (named by `key`) and title. */
	private build(historyId: string, reviewKey: string, fields: Omit<Review, 'id' | 'historyId' | 'originalUri' | 'improvedUri' | 'title'>): Review {
		const name = fields.sourceName;
		// A prompt taken from JSON, YAML or code is text: named after its file alone, it would be highlighted and
		// checked as JSON or YAML. The name alone decides, so a review restored after a reload gets the same URIs.
		const documentName = /\.(md|markdown|txt|prompty)$|^[^.]*$/i.test(name) ? name : `${name}.md`;
		const runs = fields.runIds.join(', ');
		return {
			...fields,
			id: this.nextId++,
			historyId,
			originalUri: ReviewFileSystem.uri(ORIGINAL_SCHEME, `/review-${reviewKey}/original/${documentName}`),
			improvedUri: ReviewFileSystem.uri(REVIEW_SCHEME, `/review-${reviewKey}/improved/${documentName}`),
			title:
				fields.previousId !== undefined
					? vscode.l10n.t('{0}: Previous Proposal ↔ Improved Again (runs {1}) · by {2}', name, runs, fields.author)
					: vscode.l10n.t('{0}: Original ↔ Improved (runs {1}) · by {2}', name, runs, fields.author),
		};
	}

	private fromEntry(entry: HistoryEntry, reviewKey: string, placed: PlacedPrompt): Review {
		return this.build(entry.id, reviewKey, {
			sourceUri: placed.tracker.uri,
			sourceName: entry.source.name,
			originalText: entry.original,
			encoding: placed.encoding,
			tracker: placed.tracker,
			author: entry.author,
			summary: entry.summary,
			warnings: entry.warnings,
			stats: entry.stats,
			runIds: entry.runIds,
			focus: entry.focus ?? NO_FOCUS,
		});
	}

	/** Puts the two sides in place and shows the diff. */
	private async show(review: Review, left: string, right: string): Promise<void> {
		this.files.put(review.originalUri, left, true);
		this.files.put(review.improvedUri, right, false);
		this.reviews.set(review.id, review);
		// The context key and the diff travel to the workbench together: waiting for one before sending the other
		// only delays the diff.
		await Promise.all([this.updateContext(), vscode.commands.executeCommand('vscode.diff', review.originalUri, review.improvedUri, review.title, { preview: false })]);
		// Apply or Discard right away must still find the tab to close.
		await waitForReviewTab(review.improvedUri);
	}

	private recordOpened(review: Review, source: vscode.TextDocument, proposed: string): void {
		const where = review.tracker.locate(source.getText());
		const range = where.found ? where.range : { start: 0, end: 0 };
		const entry: HistoryEntry = {
			id: review.historyId,
			time: Date.now(),
			source: {
				uri: source.uri.toString(),
				name: review.sourceName,
				startLine: source.positionAt(range.start).line + 1,
				endLine: source.positionAt(range.end).line + 1,
				start: range.start,
				end: range.end,
			},
			runIds: [...review.runIds],
			focus: review.focus,
			author: review.author,
			summary: review.summary,
			warnings: [...review.warnings],
			stats: review.stats,
			original: review.originalText,
			originalRaw: review.tracker.raw,
			encoding: review.encoding.description,
			proposed,
			current: proposed,
			outcome: 'open',
			openReview: key(review),
		};
		inBackground(this.history().record(entry), `Recording review ${review.id} in the history`, this.log);
	}

	private onRightSideChanged(event: vscode.TextDocumentChangeEvent): void {
		if (event.document.uri.scheme !== REVIEW_SCHEME) return;
		const review = this.byUri(event.document.uri);
		if (!review) return;
		clearTimeout(this.pendingEdits.get(review.id));
		this.pendingEdits.set(
			review.id,
			setTimeout(() => {
				this.pendingEdits.delete(review.id);
				this.saveRightSide(review);
			}, EDIT_SAVE_DELAY_MS),
		);
	}

	private saveRightSide(review: Review): void {
		const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === review.improvedUri.toString());
		if (!doc) return;
		const text = doc.getText();
		inBackground(this.history().update(review.historyId, (e) => (e.openReview === key(review) ? { ...e, current: text } : e)), `Saving the right side of review ${review.id}`, this.log);
	}

	/** At activation: the reviews whose tabs VS Code restored come back; review tabs with nothing to restore close. */
	private async restoreOpenReviews(): Promise<void> {
		// Most windows open without review tabs: then the history is not read at all.
		if (reviewTabs().length === 0) return;
		const entries = await this.history().all();
		const tabKeys = new Set(reviewTabs().flatMap((t) => keyOfUri((t.input as vscode.TabInputTextDiff).modified) ?? []));
		for (const entry of entries) if (entry.openReview && tabKeys.has(entry.openReview)) await this.restoreEntry(entry, entry.openReview);
		const orphans = reviewTabs().filter((t) => !this.byUri((t.input as vscode.TabInputTextDiff).modified));
		if (orphans.length) this.log.info(`Closing ${orphans.length} review tabs left from the last session with nothing recorded behind them.`);
		await closeTabs(orphans);
	}

	/** A review document was asked for and is not here: restore its review if the history has it open. */
	private async restoreFor(uri: vscode.Uri): Promise<void> {
		const reviewKey = keyOfUri(uri);
		if (!reviewKey || this.closedKeys.has(reviewKey)) return;
		const entry = (await this.history().all()).find((e) => e.openReview === reviewKey);
		if (entry) await this.restoreEntry(entry, reviewKey);
	}

	private restoreEntry(entry: HistoryEntry, reviewKey: string): Promise<void> {
		let restoring = this.restoring.get(reviewKey);
		if (!restoring) {
			restoring = (async () => {
				const placed = await loadImprove().placeRecordedPrompt(entry, this.log);
				const review = this.fromEntry(entry, reviewKey, placed);
				this.files.put(review.originalUri, entry.original, true);
				this.files.put(review.improvedUri, entry.current, false);
				this.reviews.set(review.id, review);
				await this.updateContext();
				this.log.info(`Review ${review.id} restored from the last session for ${entry.source.uri}${placed.found ? '' : '; the original is not in the file for sure, so Apply will refuse'}.`);
			})();
			this.restoring.set(reviewKey, restoring);
		}
		return restoring;
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

/** The key in a review's documents' paths: `/review-<key>/improved/<name>`. */
function key(review: Review): string {
	return keyOfUri(review.improvedUri) ?? '';
}

function keyOfUri(uri: vscode.Uri): string | undefined {
	return /^\/review-([^/]+)\//.exec(uri.path)?.[1];
}

/** Unique, and safe in a path: the time and a random part, in base 36. */
function newHistoryId(): string {
	return `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 6).toString(36).padStart(6, '0')}`;
}
