import type { ImproveResponse } from './apiTypes';

/** A proposal, and who wrote it: "Cekura", "gpt-4.1 via VS Code", "llama3.1 at 127.0.0.1:11434". */
export interface Proposal extends ImproveResponse {
	author: string;
	/** Things the user should know before applying, e.g. a template placeholder the proposal dropped. */
	warnings: string[];
}
