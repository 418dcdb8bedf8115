import type { HistoryEntry } from '../../core/history';
import type * as vscode from 'vscode';
import type { ImprovementHistory } from './improvementHistory';
import type { PlacedPrompt } from './promptTracker';
import type { Review } from './review';

/** What Apply needs of a review (an open one, or one recorded in the history being applied again). */
export type ApplyTarget = Pick<Review, 'id' | 'sourceUri' | 'sourceName' | 'originalText' | 'encoding' | 'tracker'>;

/** What Apply wrote: the source document and the range of the new text. */
export interface AppliedEdit {
	source: vscode.TextDocument;
	range: vscode.Range;
}

/** What reviews need of the lazy half: the history, the finder of recorded prompts, and Apply. */
export interface ReviewServices {
	/** The improvement history, read on first use. */
	readonly history: ImprovementHistory;
	/** A recorded prompt found in its file as it is now, for a reopened or restored review. */
	placeRecordedPrompt(entry: HistoryEntry): Promise<PlacedPrompt>;
	/**
	 * Writes `improved` in place of the reviewed prompt, in the file's form, as one undo step; refuses, keeping the
	 * user's text and offering a copy, when the prompt cannot be found for sure. Resolves what was written, if anything.
	 */
	applyToSource(target: ApplyTarget, improved: string): Promise<AppliedEdit | undefined>;
	/** For the integration tests: what Apply awaits between preparing the edit and checking it. */
	readonly applyPauses: { beforeCheck?: () => Promise<void> };
}
