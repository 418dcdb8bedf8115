import * as l10n from '@vscode/l10n';
import { REDACTED, redactSecrets } from '../../../core/redact';
import type { Proposal } from '../../../core/proposal';

/**
 * A proposal with every known key (Cekura's, the model server's) taken out of its improved prompt, summary and
 * warnings, before it is shown, recorded in the history or applied: a server or model that echoes a key would
 * otherwise put it in the diff, the history file and, on Apply, the source file. When one was taken out, a warning
 * says so (warnings lead the summary notification and are recorded with the proposal).
 */
export function withoutSecrets(proposal: Proposal, secrets: readonly (string | undefined)[]): Proposal {
	const improved = redactSecrets(proposal.improved_prompt, secrets);
	const summary = redactSecrets(proposal.summary_of_changes, secrets);
	const warnings = proposal.warnings.map((warning) => redactSecrets(warning, secrets));
	if (improved === proposal.improved_prompt && summary === proposal.summary_of_changes && warnings.every((w, i) => w === proposal.warnings[i])) return proposal;
	return {
		...proposal,
		improved_prompt: improved,
		summary_of_changes: summary,
		warnings: [...warnings, l10n.t('The proposal held an API key (Cekura\'s or the model server\'s); it was replaced with {0}, so that it is not shown, stored or applied.', REDACTED)],
	};
}
