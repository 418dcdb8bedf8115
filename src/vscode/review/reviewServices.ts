import type { HistoryEntry } from '../../core/history';
import type { ApplyTools } from './applyToSource';
import type { ImprovementHistory } from './improvementHistory';
import type { PlacedPrompt } from './promptTracker';

/** What reviews need of the lazy half: the history, the finder of recorded prompts, and Apply's tools. */
export interface ReviewServices extends ApplyTools {
	/** The improvement history, read on first use. */
	readonly history: ImprovementHistory;
	/** A recorded prompt found in its file as it is now, for a reopened or restored review. */
	placeRecordedPrompt(entry: HistoryEntry): Promise<PlacedPrompt>;
}
