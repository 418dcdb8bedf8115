import type { ImproveResponse } from '../apiTypes';
import type { Focus } from '../focus';

/** Which engine rewrites the prompt; the values of the setting `cekura.improve.engine` besides `auto`. */
export type EngineKind = 'cekura' | 'vscodeLm' | 'openaiCompatible';

/** What every engine is given: the prompt as reviewed, up to 3 runs, what to focus on, and an optional note. */
export interface ImproveInput {
	prompt: string;
	runIds: readonly number[];
	focus: Focus;
	/** A one-line steering note from the user; engines that cannot send it ignore it. */
	note?: string;
}

/** A proposal, and who wrote it: "Cekura", "gpt-4.1 via VS Code", "llama3.1 at 127.0.0.1:11434". */
export interface Proposal extends ImproveResponse {
	author: string;
	/** Things the user should know before applying, e.g. a template placeholder the proposal dropped. */
	warnings: string[];
}

export interface ImproveEngine {
	readonly kind: EngineKind;
	/** Who writes the proposal, for the progress notification, the review and the log. */
	readonly author: string;
	/** `report` takes short progress messages ("1,204 characters received"). Rejects with a CekuraError or ModelError. */
	improve(input: ImproveInput, signal: AbortSignal, report: (message: string) => void): Promise<Proposal>;
}
