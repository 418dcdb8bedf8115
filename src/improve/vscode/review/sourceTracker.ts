import * as vscode from 'vscode';
import type { PromptTracker } from '../../../vscode/review/promptTracker';
import { anchor, shiftRange } from '../../core/anchoring';
import type { Anchor, OffsetRange, Tracked } from '../../../core/anchorTypes';

/**
 * Follows a prompt in its source document from the moment it is sent until its review closes: edits above it move
 * it, an edit inside it marks it edited. If the document is closed meanwhile (its unsaved edits gone), the prompt is
 * looked for again in the file as it is then.
 */
export class SourceTracker implements PromptTracker {
	private tracked: Tracked;
	private lastKnownStart: number;
	private readonly subscriptions: vscode.Disposable[];

	constructor(
		readonly uri: vscode.Uri,
		/** The prompt exactly as it stands in the file. */
		readonly raw: string,
		/** Where it stands now; `'editedInside'` for a prompt that can no longer be found for sure (never applied). */
		range: OffsetRange | 'editedInside',
	) {
		this.tracked = range;
		this.lastKnownStart = range === 'editedInside' ? 0 : range.start;
		this.subscriptions = [
			vscode.workspace.onDidChangeTextDocument((e) => this.onChange(e)),
			vscode.workspace.onDidCloseTextDocument((doc) => this.onClose(doc)),
		];
	}

	/** Where the prompt stands in `documentText` (the source's current text), or why it cannot be found. */
	locate(documentText: string): Anchor {
		return anchor(documentText, this.raw, this.tracked, this.lastKnownStart);
	}

	dispose(): void {
		this.subscriptions.forEach((s) => s.dispose());
	}

	private onChange(event: vscode.TextDocumentChangeEvent): void {
		if (event.contentChanges.length === 0 || event.document.uri.toString() !== this.uri.toString()) return;
		if (!this.tracked || this.tracked === 'editedInside') return;
		// Offsets of one event refer to the document before it; from the last change backwards they stay valid.
		const changes = [...event.contentChanges].sort((a, b) => b.rangeOffset - a.rangeOffset);
		let range: OffsetRange | undefined = this.tracked;
		for (const c of changes) {
			range = range && shiftRange(range, { offset: c.rangeOffset, length: c.rangeLength, text: c.text });
		}
		this.tracked = range ?? 'editedInside';
	}

	private onClose(doc: vscode.TextDocument): void {
		if (doc.uri.toString() !== this.uri.toString() || this.tracked === 'editedInside') return;
		if (this.tracked) this.lastKnownStart = this.tracked.start;
		this.tracked = undefined;
	}
}
