import type { Focus } from '../../core/focus';
import type { ProposalCheck } from '../../core/proposal';
import { coverageCheck } from './checks/coverageCheck';
import { growthCheck } from './checks/growthCheck';
import { guardrailCheck } from './checks/guardrailCheck';
import { lineChanges } from './checks/lineChanges';
import { localityCheck } from './checks/localityCheck';
import { placeholderCheck } from './checks/placeholderCheck';

interface ProposalCheckInput {
	/** The prompt the proposal improves, as the review's left side shows it. */
	original: string;
	proposed: string;
	summary: string;
	focus: Focus;
	/** The names of the runs' failures, by `focusKey()`: 'metric:7' → 'Booking confirmed'. */
	focusNames: ReadonlyMap<string, string>;
	/** `cekura.checks.growthBudgetPercent`. */
	growthBudgetPercent: number;
	/** The model's token counter, when there is one; else tokens are estimated as characters / 4. */
	countTokens?: (text: string) => number;
}

/**
 * The checks every proposal gets, whichever engine wrote it, in the order they are shown: placeholders kept, locality,
 * growth, coverage of the failures in focus, guardrails. Each is a short line; none blocks Apply.
 */
export function checkProposal(input: ProposalCheckInput): ProposalCheck[] {
	const { original, proposed } = input;
	const changes = lineChanges(original, proposed);
	return [
		placeholderCheck(original, proposed),
		localityCheck(changes),
		growthCheck(original, proposed, input.growthBudgetPercent, input.countTokens),
		coverageCheck(input.summary, changes, input.focus, input.focusNames),
		guardrailCheck(changes),
	];
}
