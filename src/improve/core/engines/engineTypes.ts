import type { Proposal } from '../../../core/proposal';
import type { Focus } from '../../../core/focus';
import type { EngineKind } from './engineCatalog';

/** What every engine is given: the prompt as reviewed, up to 3 runs, what to focus on, and an optional note. */
export interface ImproveInput {
	prompt: string;
	runIds: readonly number[];
	focus: Focus;
	/** A one-line steering note from the user; engines that cannot send it ignore it. */
	note?: string;
}

/** Sees the proposal take shape while a model answers with edits: the prompt with the edits so far that applied cleanly. */
export type DraftListener = (draft: { text: string; editsApplied: number }) => void;

export interface ImproveEngine {
	readonly kind: EngineKind;
	/** Who writes the proposal, for the progress notification, the review and the log. */
	readonly author: string;
	/**
	 * `report` takes short progress messages ("1,204 characters received"). `onDraft`, when given, is called by engines
	 * that answer with edits each time one more edit arrived and applied cleanly (previews; the resolved proposal
	 * decides). Rejects with a CekuraError or ModelError.
	 */
	improve(input: ImproveInput, signal: AbortSignal, report: (message: string) => void, onDraft?: DraftListener): Promise<Proposal>;
}
