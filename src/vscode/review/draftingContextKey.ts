import * as vscode from 'vscode';
import { ContextKeys } from '../../constants';
import { inBackground } from '../background';
import type { Log } from '../log';
import type { OpenReviews } from './openReviews';

/**
 * The `cekura.reviewDrafting` context key: true while the review a title-bar button would act on is still a draft
 * (the active review diff's, or with none active, any open review's). The buttons that refuse a draft (Apply, the
 * summary, Improve Again, Test Proposal) are hidden meanwhile; their keys and palette entries still refuse it.
 */
export class DraftingContextKey implements vscode.Disposable {
	private current = false;
	private readonly listeners: vscode.Disposable[];

	constructor(
		private readonly reviews: OpenReviews,
		private readonly log: Log,
	) {
		const update = (): void => this.update();
		this.listeners = [reviews.onDidChange(update), vscode.window.tabGroups.onDidChangeTabs(update), vscode.window.tabGroups.onDidChangeTabGroups(update)];
	}

	/** The value last given to the context key. */
	get value(): boolean {
		return this.current;
	}

	private update(): void {
		const active = this.reviews.active();
		const drafting = active ? !!active.drafting : this.reviews.all.some((r) => r.drafting);
		if (drafting === this.current) return;
		this.current = drafting;
		inBackground(vscode.commands.executeCommand('setContext', ContextKeys.reviewDrafting, drafting), 'Setting the drafting context key', this.log);
	}

	dispose(): void {
		for (const listener of this.listeners) listener.dispose();
	}
}
