import * as l10n from '@vscode/l10n';
import { redactSecrets } from '../../core/redact';

import type { DraftListener } from './engines/engineTypes';

/** A proposal still arriving: the prompt with the edits received so far, each applied cleanly. */
export type ProposalDraft = Parameters<DraftListener>[0];

/**
 * The review of a proposal while its edits arrive, for one attempt of a request: it opens at the first draft and
 * shows each later one; nothing in it can be applied until the proposal is complete and checked.
 */
export interface DraftReview {
	/**
	 * One more edit arrived: shown as soon as the workbench can (the review opens at the first). Resolves true once it,
	 * or a later draft, is shown; false when it never will be. Never throws or rejects.
	 */
	update(draft: ProposalDraft): Promise<boolean>;
	/** Aborted when the user closed the review while it was a draft: the request stops. */
	readonly closed: AbortSignal;
	/**
	 * The attempt is over: closes the draft review unless the proposal's review took it over. Nothing of a draft is
	 * recorded in the history.
	 */
	dispose(): Promise<void>;
}

/** The progress message once edits arrive: the engine's own message (`message`), and how many edits so far. */
function withEditsSoFar(message: string | undefined, edits: number): string {
	if (message === undefined) return edits === 1 ? l10n.t('1 edit so far…') : l10n.t('{0} edits so far…', edits);
	return edits === 1 ? l10n.t('{0} (1 edit so far)', message) : l10n.t('{0} ({1} edits so far)', message, edits);
}

/**
 * What an attempt hands its engine when its proposal may stream into a review: `report` for the engine's progress
 * messages and `onDraft` for its drafts. Once the review shows edits, every message says how many so far; each draft
 * goes to `draft` with every key in `secrets` taken out (as the final proposal is), so an echoed key is never shown.
 */
export function draftFeed(draft: DraftReview, report: (message: string) => void, secrets: readonly (string | undefined)[]): {
	report(message: string): void;
	onDraft: DraftListener;
} {
	let last: string | undefined;
	let edits = 0;
	return {
		report(message) {
			last = message;
			report(edits ? withEditsSoFar(message, edits) : message);
		},
		onDraft({ text, editsApplied }) {
			// The count follows the review: sent with the draft, it would reach the workbench first and delay the diff.
			draft.update({ text: redactSecrets(text, secrets), editsApplied }).then(
				(shown) => {
					if (!shown || editsApplied <= edits) return;
					edits = editsApplied;
					report(withEditsSoFar(last, edits));
				},
				() => undefined,
			);
		},
	};
}
