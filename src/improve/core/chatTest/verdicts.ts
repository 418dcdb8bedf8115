import * as l10n from '@vscode/l10n';
import type { EvalMetric, Run } from '../../../core/apiTypes';
import type { ChatTestOutcome, ScenarioVerdict, Verdict } from './chatTestTypes';

const VERDICTS: readonly Verdict[] = ['fixed', 'better', 'stillFailing', 'regressed', 'stillPassing', 'inconclusive'];

/** A binary metric (v2 `eval_type: binary`, or a v1 `binary_…` type) that failed. */
export function binaryMetricFailed(metric: EvalMetric): boolean {
	const binary = metric.eval_type === 'binary' || (typeof metric.type === 'string' && metric.type.startsWith('binary'));
	if (!binary) return false;
	if (metric.passed === false) return true;
	const score = typeof metric.score_normalized === 'number' ? metric.score_normalized : metric.score;
	return score === 0;
}

/**
 * Cekura's own rule (its GitHub Action's): a run fails when it did not complete (or carries an `error_message`), when
 * its expected outcome scored below 100, or when any binary metric failed (`passed: false`, or a score of 0).
 */
export function runPassed(run: Run): boolean {
	if (run.status !== 'completed' || (typeof run.error_message === 'string' && run.error_message.trim() !== '')) return false;
	const score = run.expected_outcome?.score;
	if (typeof score === 'number' && score < 100) return false;
	const metrics = run.evaluation?.metrics;
	return !(Array.isArray(metrics) && metrics.some((metric) => typeof metric === 'object' && metric !== null && binaryMetricFailed(metric)));
}

/**
 * The verdict of a scenario tested `n` times per prompt: the original passed `originalPasses` times, the proposal
 * `proposalPasses`. Inconclusive wins (a chat ended in an error, so the counts do not say what the prompt did).
 */
export function verdictOf(n: number, originalPasses: number, proposalPasses: number, inconclusive: boolean): Verdict {
	if (inconclusive) return 'inconclusive';
	if (proposalPasses < originalPasses) return 'regressed';
	if (originalPasses === n && proposalPasses === n) return 'stillPassing';
	if (proposalPasses === n) return 'fixed';
	if (proposalPasses > originalPasses) return 'better';
	return 'stillFailing';
}

export function verdictCounts(verdicts: readonly ScenarioVerdict[]): Record<Verdict, number> {
	const counts = Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<Verdict, number>;
	for (const { verdict } of verdicts) counts[verdict]++;
	return counts;
}

/** The verdict in words, e.g. "still failing". */
export function verdictWords(verdict: Verdict): string {
	switch (verdict) {
		case 'fixed':
			return l10n.t('fixed');
		case 'better':
			return l10n.t('better');
		case 'stillFailing':
			return l10n.t('still failing');
		case 'regressed':
			return l10n.t('regressed');
		case 'stillPassing':
			return l10n.t('still passing');
		case 'inconclusive':
			return l10n.t('inconclusive');
	}
}

/** "1 fixed, 0 regressed, 1 still failing": fixed and regressed always, the others when there are any. */
export function testSummary(outcome: ChatTestOutcome): string {
	const counts = verdictCounts(outcome.verdicts);
	const parts = [l10n.t('{0} fixed', counts.fixed), l10n.t('{0} regressed', counts.regressed)];
	if (counts.better) parts.push(l10n.t('{0} better', counts.better));
	if (counts.stillFailing) parts.push(l10n.t('{0} still failing', counts.stillFailing));
	if (counts.stillPassing) parts.push(l10n.t('{0} still passing', counts.stillPassing));
	if (counts.inconclusive) parts.push(l10n.t('{0} inconclusive', counts.inconclusive));
	return parts.join(', ');
}
