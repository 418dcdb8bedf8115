import * as vscode from 'vscode';
import { QuickInputIds } from '../../core/quickInputIds';
import { ContextKeys } from '../../constants';
import type { Ui } from '../ui';
import type { Review } from './review';
import { reviewKey } from './reviewRecord';
import { activeDiff } from './reviewTabs';

/**
 * The reviews open in this window, and the one a command means. Whether any is open is the `cekura.reviewOpen`
 * context key; the keys of those closed in this session are kept, so their documents are never restored.
 */
export class OpenReviews implements vscode.Disposable {
	private readonly reviews = new Map<number, Review>();
	private readonly changed = new vscode.EventEmitter<void>();
	private readonly closedKeys = new Set<string>();
	private nextId = 1;
	/** A review opened or closed, or its size of the change measured. */
	readonly onDidChange = this.changed.event;

	constructor(private readonly ui: Ui) {}

	get all(): readonly Review[] {
		return [...this.reviews.values()];
	}

	/** The id of the next review, or of an Apply Again. */
	newId(): number {
		return this.nextId++;
	}

	/** Resolves once the context key says a review is open. */
	add(review: Review): Thenable<unknown> {
		this.reviews.set(review.id, review);
		return this.announce();
	}

	/** False when it was not open. The context key waits for `announce`, once its tabs are closed. */
	remove(review: Review): boolean {
		if (!this.reviews.delete(review.id)) return false;
		this.closedKeys.add(reviewKey(review));
		return true;
	}

	/** Whether the review with the key `key` (in its documents' paths) was closed in this session. */
	wasClosed(key: string): boolean {
		return this.closedKeys.has(key);
	}

	/** Tells the listeners and the context key that the reviews open changed. */
	announce(): Thenable<unknown> {
		this.changed.fire();
		return vscode.commands.executeCommand('setContext', ContextKeys.reviewOpen, this.reviews.size > 0);
	}

	/** Tells the listeners that a review changed (its size of the change). */
	changedOne(): void {
		this.changed.fire();
	}

	/** The review that `uri`, one of its two sides, belongs to. */
	byUri(uri: vscode.Uri): Review | undefined {
		const key = uri.toString();
		return this.all.find((r) => r.improvedUri.toString() === key || r.originalUri.toString() === key);
	}

	/** The review whose diff is the active tab. */
	active(): Review | undefined {
		const diff = activeDiff();
		return diff && (this.byUri(diff.modified) ?? this.byUri(diff.original));
	}

	/** The review that `uri` (a review side) or the active diff tab belongs to; the only one when just one is open. */
	find(uri?: vscode.Uri): Review | undefined {
		return (uri && this.byUri(uri)) ?? this.active() ?? (this.reviews.size === 1 ? this.all[0] : undefined);
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
			this.all.map((r) => ({ label: r.title, description: r.stats, review: r })),
			{ id: QuickInputIds.whichReview, title: question, placeHolder: vscode.l10n.t('Several reviews are open') },
		);
		return picked?.review;
	}

	/** The window closes: the trackers stop following. */
	dispose(): void {
		this.changed.dispose();
		this.reviews.forEach((r) => r.tracker.dispose());
		this.reviews.clear();
	}
}
