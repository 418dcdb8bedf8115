import * as vscode from 'vscode';
import { EVIDENCE_SCHEME } from '../../constants';
import { inBackground } from '../background';
import type { Log } from '../log';
import { closeTabs } from './reviewTabs';
import type { Review } from './review';
import type { ReviewManager } from './reviewManager';

/**
 * The read-only `cekura-evidence:` documents: one Markdown page per review with the evidence of its runs, shown in
 * VS Code's Markdown preview beside the diff. The page is kept while its review is open (fetched once per review);
 * when the review closes, the page and its preview go with it.
 */
export class EvidenceDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
	private readonly pages = new Map<string, { reviewId: number; markdown: string }>();
	private readonly changed = new vscode.EventEmitter<vscode.Uri>();
	private readonly disposables: vscode.Disposable[] = [this.changed];
	readonly onDidChange = this.changed.event;

	constructor(
		private readonly reviews: ReviewManager,
		private readonly log: Log,
	) {
		this.disposables.push(reviews.onDidChange(() => this.dropClosed()));
	}

	/** `cekura-evidence:/review-3/Cekura Evidence 3 – prompt.md`: a Markdown document whose name says what it shows. */
	uriOf(review: Review): vscode.Uri {
		const stem = review.sourceName.replace(/\.[^.]*$/, '') || review.sourceName;
		return vscode.Uri.from({ scheme: EVIDENCE_SCHEME, path: `/review-${review.id}/Cekura Evidence ${review.id} – ${stem}.md` });
	}

	has(review: Review): boolean {
		return this.pages.has(this.uriOf(review).toString());
	}

	set(review: Review, markdown: string): vscode.Uri {
		const uri = this.uriOf(review);
		this.pages.set(uri.toString(), { reviewId: review.id, markdown });
		this.changed.fire(uri);
		return uri;
	}

	provideTextDocumentContent(uri: vscode.Uri): string {
		return this.pages.get(uri.toString())?.markdown ?? `${vscode.l10n.t('The review this evidence belongs to is closed.')}\n`;
	}

	dispose(): void {
		this.disposables.forEach((d) => d.dispose());
		this.pages.clear();
	}

	private dropClosed(): void {
		const open = new Set(this.reviews.openReviews.map((r) => r.id));
		const closed: vscode.Uri[] = [];
		for (const [key, page] of this.pages) {
			if (open.has(page.reviewId)) continue;
			this.pages.delete(key);
			closed.push(vscode.Uri.parse(key));
		}
		if (closed.length === 0) return;
		closed.forEach((uri) => this.changed.fire(uri));
		const previews = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((tab) => closed.some((uri) => isEvidencePreview(tab, uri)));
		inBackground(closeTabs(previews), 'Closing the evidence of closed reviews', this.log);
	}
}

/** Whether `tab` is the Markdown preview of an evidence document (`uri`): a webview known by its title, "Preview <file name>". */
function isEvidencePreview(tab: vscode.Tab, uri: vscode.Uri): boolean {
	return tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType) && tab.label.includes(uri.path.split('/').pop() ?? '\0');
}
