import type { ImproveResponse } from './apiTypes';

/** One check of a proposal, shown as a short line with the summary and kept in the history; it never blocks Apply. */
export interface ProposalCheck {
	kind: 'placeholders' | 'locality' | 'growth' | 'coverage' | 'guardrails';
	/** False when the line asks the user to look (a dropped placeholder, a near-total rewrite, a changed guardrail…). */
	ok: boolean;
	/** The localised line shown: "Locality: 12% of lines changed (5 of 40)." */
	line: string;
}

/** A proposal, and who wrote it: "Cekura", "gpt-4.1 via VS Code", "llama3.1 at 127.0.0.1:11434". */
export interface Proposal extends ImproveResponse {
	author: string;
	/** Things the user should know before applying, e.g. a template placeholder the proposal dropped. */
	warnings: string[];
	/** The checks of the proposal against the prompt it improves (`checkProposal`), once the review has made them. */
	checks?: ProposalCheck[];
}
