import type * as vscode from 'vscode';
import type { Anchor } from '../../core/anchorTypes';
import type { PromptEncoding } from '../../core/encodingTypes';

/** Follows a prompt in its source document from the moment it is sent until its review closes. */
export interface PromptTracker extends vscode.Disposable {
	readonly uri: vscode.Uri;
	/** The prompt exactly as it stands in the file. */
	readonly raw: string;
	/** Where the prompt is in `documentText`, the document's text now, or why it cannot be found for sure. */
	locate(documentText: string): Anchor;
}

/** A recorded prompt found in its file as it is now. */
export interface PlacedPrompt {
	tracker: PromptTracker;
	encoding: PromptEncoding;
	/** False when the recorded prompt is not in its file for sure: Apply then refuses and offers a copy. */
	found: boolean;
}
