import type { Focus } from '../../core/focus';
import type { ProposalCheck } from '../../core/proposal';
import { coverageCheckSteps } from './checks/coverageCheck';
import { growthCheckSteps } from './checks/growthCheck';
import { guardrailCheckSteps } from './checks/guardrailCheck';
import { lineChangeSteps } from './checks/lineChanges';
import { localityCheck } from './checks/localityCheck';
import { placeholderCheckSteps } from './checks/placeholderCheck';
import { inSlices, toEnd, type SliceTiming, type Steps } from './steps';

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
 * growth, coverage of the failures in focus, guardrails. Each is a short line; none blocks Apply. Synchronous: a 1 MB
 * proposal takes up to a hundred ms; `checkProposalInSlices` gives the event loop turns meanwhile.
 */
export function checkProposal(input: ProposalCheckInput): ProposalCheck[] {
	return toEnd(checkProposalSteps(input));
}

/**
 * `checkProposal`, cooperatively, as `diffStatsInSlices` measures the change: slices of a few ms with a turn of the
 * event loop before each, the first included. The same checks as in one go.
 */
export function checkProposalInSlices(input: ProposalCheckInput, timing: SliceTiming = {}): Promise<ProposalCheck[]> {
	return inSlices(checkProposalSteps(input), timing);
}

function* checkProposalSteps(input: ProposalCheckInput): Steps<ProposalCheck[]> {
	const { original, proposed } = input;
	const changes = yield* lineChangeSteps(original, proposed);
	return [
		yield* placeholderCheckSteps(original, proposed),
		localityCheck(changes),
		yield* growthCheckSteps(original, proposed, input.growthBudgetPercent, input.countTokens),
		yield* coverageCheckSteps(input.summary, changes, input.focus, input.focusNames),
		yield* guardrailCheckSteps(changes),
	];
}
