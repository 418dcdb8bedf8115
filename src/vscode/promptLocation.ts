import type * as vscode from 'vscode';
import type { JsonPath } from '../core/agentExportHint';

/**
 * Where a prompt is, handed to Improve Prompt from Runs… as its argument (by the CodeLens of an agent export), so
 * the command improves that text instead of the editor's selection.
 */
export interface PromptLocation {
	readonly uri: vscode.Uri;
	/** The prompt's text in the document (for a JSON string: its inside, without the quotes). */
	readonly range: vscode.Range;
	/** The document version the range was measured in. */
	readonly version?: number;
	/** For a field of an agent export: its JSON path, to find it again when the document changed since. */
	readonly jsonPath?: JsonPath;
}
