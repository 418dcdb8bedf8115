import * as path from 'node:path';
import * as vscode from 'vscode';
import { anchor, shiftRange, type OffsetRange, type Tracked } from '../core/anchoring';
import { diffStats, formatDiffStats } from '../core/diffStats';
import { fitToOriginal, type Eol } from '../core/eol';
import { textForFile, type PromptEncoding } from '../core/promptEncoding';
import { ContextKeys, ORIGINAL_SCHEME, REVIEW_SCHEME } from '../constants';
import type { Log } from './log';
import { ReviewFileSystem } from './reviewFileSystem';
import type { Ui } from './ui';

export interface ReviewRequest {
	source: vscode.TextDocument;
	/** The prompt as it stood in the file when it was sent, and where it started. */
	rawOriginal: string;
	start: number;
	/** How the prompt is written in the file; the review shows it decoded. */
	encoding: PromptEncoding;
	improvedText: string;
	summary: string;
	runIds: readonly number[];
}

/** One open review: where the prompt came from, what it was, and the two in-memory sides of the diff. */
export class Review {
	constructor(
		readonly id: number,
		readonly sourceUri: vscode.Uri,
		/** The prompt as it stands in the file, to find it again. */
		readonly rawOriginal: string,
		/** The prompt as reviewed (decoded from its JSON string, YAML block…). */
		readonly originalText: string,
		readonly encoding: PromptEncoding,
		/** Where the original prompt stands now, kept up to date from the source document's edits. */
		public tracked: Tracked,
		public lastKnownStart: number,
		readonly originalUri: vscode.Uri,
		readonly improvedUri: vscode.Uri,
		readonly title: string,
		readonly summary: string,
		readonly stats: string,
	) {}

	get sourceName(): string {
		return path.basename(this.sourceUri.path);
	}
}

function eolOf(document: vscode.TextDocument): Eol {
	return document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
}

/** Opens review diffs, keeps track of the prompts they came from, and applies or discards them. */
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
		this.disposables.push(
			vscode.workspace.onDidChangeTextDocument((e) => this.track(e)),
			vscode.workspace.onDidCloseTextDocument((doc) => this.forgetTracking(doc)),
			vscode.window.tabGroups.onDidChangeTabs((e) => this.onTabsClosed(e.closed)),
		);
		void this.closeStaleTabs();
	}

	get openReviews(): readonly Review[] {
		return [...this.reviews.values()];
	}

	async open(request: ReviewRequest): Promise<Review> {
		const { source, rawOriginal } = request;
		const id = this.nextId++;
		const name = path.basename(source.uri.path) || 'prompt.md';
		const originalText = request.encoding.decode(rawOriginal);
		// The file may have changed while Cekura worked: find the prompt again before tracking it.
		const found = anchor(source.getText(), rawOriginal, undefined, request.start);
		const runs = request.runIds.join(', ');
		const review = new Review(
			id,
			source.uri,
			rawOriginal,
			originalText,
			request.encoding,
			found.found ? found.range : 'editedInside',
			request.start,
			ReviewFileSystem.uri(ORIGINAL_SCHEME, `/review-${id}/original/${name}`),
			ReviewFileSystem.uri(REVIEW_SCHEME, `/review-${id}/improved/${name}`),
			`${name}: Original ↔ Improved (runs ${runs})`,
			request.summary,
			formatDiffStats(diffStats(originalText, request.improvedText)),
		);
		this.files.put(review.originalUri, originalText, true);
		this.files.put(review.improvedUri, fitToOriginal(request.improvedText, originalText, eolOf(source)), false);
		this.reviews.set(id, review);
		await this.updateContext();
		await vscode.commands.executeCommand('vscode.diff', review.originalUri, review.improvedUri, review.title, { preview: false });
		// vscode.diff can resolve before its tab exists; Apply or Discard right away must still find the tab to close.
		await this.tabOpened(review);
		this.log.info(`Review ${id} opened for ${source.uri.toString()} (runs ${runs}, prompt written as ${request.encoding.description}): ${review.stats}.`);
		return review;
	}

	/** The review that `uri` (a review side) or the active diff tab belongs to; the only one when just one is open. */
	find(uri?: vscode.Uri): Review | undefined {
		const fromUri = uri && this.byUri(uri);
		if (fromUri) return fromUri;
		const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
		if (input instanceof vscode.TabInputTextDiff) {
			const active = this.byUri(input.modified) ?? this.byUri(input.original);
			if (active) return active;
		}
		return this.reviews.size === 1 ? this.openReviews[0] : undefined;
	}

	/**
	 * The review a command acts on: like `find`, but asks which one when several are open and none is active, and
	 * says so when none is open. `uri` is what a title-bar button passes; from elsewhere it may be anything.
	 */
	async choose(uri: unknown, action: string): Promise<Review | undefined> {
		const found = this.find(uri instanceof vscode.Uri ? uri : undefined);
		if (found) return found;
		if (this.reviews.size === 0) {
			void this.ui.message('info', 'Cekura: no improved prompt is open for review.');
			return undefined;
		}
		const picked = await vscode.window.showQuickPick(
			this.openReviews.map((r) => ({ label: r.title, description: r.stats, review: r })),
			{ title: `Cekura: ${action} which review?`, placeHolder: 'Several reviews are open' },
		);
		return picked?.review;
	}

	async apply(review: Review): Promise<void> {
		const improvedDoc = await vscode.workspace.openTextDocument(review.improvedUri);
		const improved = improvedDoc.getText();
		if (improved.trim() === '') {
			void this.ui.message('warning', 'Cekura: the improved prompt is empty, so nothing was applied. Undo your edits on the right side of the review, or discard it.');
			return;
		}
		const source = await vscode.workspace.openTextDocument(review.sourceUri);
		const found = anchor(source.getText(), review.rawOriginal, review.tracked, review.lastKnownStart);
		if (!found.found) {
			this.log.warn(`Review ${review.id}: the original prompt in ${review.sourceUri.toString()} was edited meanwhile; not applied.`);
			void this.offerCopy(review, improved);
			return;
		}
		const replacement = textForFile(improved, review.originalText, review.encoding, eolOf(source));
		const range = new vscode.Range(source.positionAt(found.range.start), source.positionAt(found.range.end));
		const edit = new vscode.WorkspaceEdit();
		edit.replace(source.uri, range, replacement);
		if (!(await vscode.workspace.applyEdit(edit))) {
			this.log.error(`Review ${review.id}: VS Code refused the edit to ${review.sourceUri.toString()}.`);
			void this.ui.message('error', `Cekura: VS Code could not change ${review.sourceName} (is it read-only?). Nothing was applied.`);
			return;
		}
		this.log.info(`Review ${review.id}: applied to ${review.sourceUri.toString()}${found.moved ? ' (the prompt had moved; applied where it stands now)' : ''}.`);
		await this.close(review, improvedDoc);
		const start = source.positionAt(found.range.start);
		const end = source.positionAt(found.range.start + replacement.length);
		await vscode.window.showTextDocument(source, { selection: new vscode.Range(start, end), preview: false });
		vscode.window.setStatusBarMessage(`$(check) Cekura: improved prompt applied to ${review.sourceName}; Undo restores the original.`, 8000);
	}

	async discard(review: Review): Promise<void> {
		const improvedDoc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === review.improvedUri.toString());
		await this.close(review, improvedDoc);
		this.log.info(`Review ${review.id}: discarded; ${review.sourceName} is unchanged.`);
	}

	dispose(): void {
		this.disposables.forEach((d) => d.dispose());
		this.reviews.clear();
	}

	private async offerCopy(review: Review, improved: string): Promise<void> {
		const copy = 'Copy Improved Prompt';
		const show = 'Show Source';
		const choice = await this.ui.message(
			'warning',
			`Cekura: the prompt in ${review.sourceName} was edited after it was sent to Cekura, so the improvement was not applied and your edits are kept.`,
			copy,
			show,
		);
		if (choice === copy) {
			await vscode.env.clipboard.writeText(improved);
			vscode.window.setStatusBarMessage('$(clippy) Cekura: improved prompt copied to the clipboard.', 5000);
		} else if (choice === show) {
			await vscode.window.showTextDocument(review.sourceUri, { preview: false });
		}
	}

	private async close(review: Review, improvedDoc: vscode.TextDocument | undefined): Promise<void> {
		this.reviews.delete(review.id);
		// Saving into the in-memory side clears its dirty state, so closing the tab asks nothing.
		if (improvedDoc?.isDirty) await improvedDoc.save();
		const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => this.tabBelongsTo(t, review));
		if (tabs.length) await vscode.window.tabGroups.close(tabs);
		this.files.remove(review.originalUri);
		this.files.remove(review.improvedUri);
		await this.updateContext();
	}

	/** Review documents live in memory: tabs restored from an earlier window session have nothing behind them. */
	private async closeStaleTabs(): Promise<void> {
		const stale = vscode.window.tabGroups.all
			.flatMap((g) => g.tabs)
			.filter((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.scheme === REVIEW_SCHEME);
		if (stale.length) await vscode.window.tabGroups.close(stale);
	}

	private tabOpened(review: Review, timeoutMs = 5000): Promise<void> {
		const present = (): boolean => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => this.tabBelongsTo(t, review)));
		if (present()) return Promise.resolve();
		return new Promise((resolve) => {
			const done = (): void => {
				clearTimeout(timer);
				listener.dispose();
				resolve();
			};
			const listener = vscode.window.tabGroups.onDidChangeTabs(() => present() && done());
			const timer = setTimeout(done, timeoutMs);
		});
	}

	private track(event: vscode.TextDocumentChangeEvent): void {
		if (event.contentChanges.length === 0) return;
		const uri = event.document.uri.toString();
		for (const review of this.reviews.values()) {
			if (review.sourceUri.toString() !== uri || !review.tracked || review.tracked === 'editedInside') continue;
			// Offsets of one event refer to the document before it; from the last change backwards they stay valid.
			const changes = [...event.contentChanges].sort((a, b) => b.rangeOffset - a.rangeOffset);
			let range: OffsetRange | undefined = review.tracked;
			for (const c of changes) {
				range = range && shiftRange(range, { offset: c.rangeOffset, length: c.rangeLength, text: c.text });
			}
			review.tracked = range ?? 'editedInside';
		}
	}

	private forgetTracking(doc: vscode.TextDocument): void {
		for (const review of this.reviews.values()) {
			if (review.sourceUri.toString() === doc.uri.toString() && review.tracked !== 'editedInside') {
				// Unsaved edits go with the closed document; on Apply the prompt is looked for in the file as it is.
				if (review.tracked) review.lastKnownStart = review.tracked.start;
				review.tracked = undefined;
			}
		}
	}

	private onTabsClosed(closed: readonly vscode.Tab[]): void {
		for (const tab of closed) {
			for (const review of this.reviews.values()) {
				if (!this.tabBelongsTo(tab, review)) continue;
				void this.discard(review);
			}
		}
	}

	private tabBelongsTo(tab: vscode.Tab, review: Review): boolean {
		return tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.toString() === review.improvedUri.toString();
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
