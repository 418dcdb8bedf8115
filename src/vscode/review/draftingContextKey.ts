import * as vscode from 'vscode';
import { ContextKeys } from '../../constants';
import { inBackground } from '../background';
import type { Log } from '../log';
import type { OpenReviews } from './openReviews';

/**
 * The `cekura.draftingReviews` context key: the right sides of the reviews whose proposal is still arriving. A
 * review's title-bar buttons that refuse a draft (Apply, the summary, Improve Again, Test Proposal) are hidden
 * meanwhile (`resource not in cekura.draftingReviews`), in that review's title bar only: a complete review beside it
 * keeps them. Their keys and palette entries still refuse a draft.
 */
export class DraftingContextKey implements vscode.Disposable {
	private current: readonly string[] = [];
	private readonly listener: vscode.Disposable;

	constructor(
		private readonly reviews: OpenReviews,
		private readonly log: Log,
	) {
		this.listener = reviews.onDidChange(() => this.update());
	}

	/** The right sides (URI strings) last given to the context key. */
	get value(): readonly string[] {
		return this.current;
	}

	private update(): void {
		const drafting = this.reviews.all.filter((r) => r.drafting).map((r) => r.improvedUri);
		if (drafting.length === this.current.length && drafting.every((uri, i) => uri.toString() === this.current[i])) return;
		this.current = drafting.map((uri) => uri.toString());
		// As URIs: `setContext` writes each as the string the title bar's `resource` is compared with.
		inBackground(vscode.commands.executeCommand('setContext', ContextKeys.draftingReviews, drafting), 'Setting the drafting reviews context key', this.log);
	}

	dispose(): void {
		this.listener.dispose();
	}
}
