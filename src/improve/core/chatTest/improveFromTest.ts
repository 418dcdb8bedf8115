import type { ChatTestOutcome, Verdict } from './chatTestTypes';
import { runPassed } from './verdicts';
import { MAX_RUNS } from '../runIds';

/** Which scenarios' failing runs come first: a regression is the most urgent to fix. */
const ORDER: readonly Verdict[] = ['regressed', 'stillFailing', 'better'];

/**
 * Up to 3 of the proposal's failing simulated runs (regressed scenarios first, then still failing, then better), for
 * Improve Again with These Results. Inconclusive scenarios give none: their failures may not be the prompt's.
 */
export function runsToImproveFrom(outcome: ChatTestOutcome): number[] {
	const ids: number[] = [];
	for (const verdict of ORDER) {
		for (const scenario of outcome.verdicts.filter((v) => v.verdict === verdict)) {
			for (const run of scenario.proposalRuns) if (!runPassed(run) && !ids.includes(run.id)) ids.push(run.id);
		}
	}
	return ids.slice(0, MAX_RUNS);
}
