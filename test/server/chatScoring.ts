/**
 * How the local Cekura server scores a simulated chat (API chat): a documented, deterministic stand-in for Cekura's
 * evaluator, so that a prompt's wording decides the verdict.
 *
 * - Each binary workflow metric has a key phrase (`METRIC_PHRASES`). A metric passes when a Main Agent line contains
 *   its phrase (case-insensitive, whitespace normalised). The local agent (test/server/simulatedAgent.ts) recites its
 *   prompt in its first reply, so a metric passes exactly when the prompt under test says the phrase.
 * - Which metrics a scenario is scored on (`scoredMetrics`): those of its metrics that one of its seeded runs failed,
 *   so the seeded prompt (SAMPLE_PROMPTS) fails that scenario again and a proposal whose rules say the phrase fixes it.
 *   A scenario whose seeded runs all passed is a guard: it is scored on those of its metrics whose phrase its agent's
 *   seeded prompt already says, so that removing that sentence regresses it. Its other metrics pass unscored.
 * - The expected outcome scores 100 when every scored metric passes, else 0, explained by the failed metrics' words.
 *
 * The phrases are parts of the local improvers' rules for the metric (test/server/improver.ts METRIC_FIXES, and
 * READ_BACK_LINE of test/fixtures/lm-provider for metric 7): a proposal from either fixes the simulated failure.
 */
import { isFailedBinaryMetric, SAMPLE_PROMPTS, SCENARIOS, SEED_AGENTS, SEED_METRICS, SEED_RUNS, type EvalMetric, type ExpectedOutcome, type TranscriptTurn } from './seedData';
import { recitePrompt } from './simulatedAgent';

interface MetricPhrase {
	phrase: string;
	/** Why the metric failed, in words a user can read. */
	failure: string;
}

/** Every binary workflow metric of the seed has a phrase; a metric without one would always pass. */
export const METRIC_PHRASES: Readonly<Record<number, MetricPhrase>> = {
	7: { phrase: 'wait for the caller to confirm', failure: 'The agent never read back the booked date and time, nor waited for the caller to confirm.' },
	8: { phrase: 'date of birth', failure: "The agent never asked for the caller's date of birth." },
	9: { phrase: 'alternative slots', failure: 'The agent never offered alternative slots.' },
	10: { phrase: 'member ID', failure: "The agent never asked for the caller's insurance member ID." },
	14: { phrase: 'order back', failure: 'The agent never read the order back to the caller.' },
	15: { phrase: 'repeat the address back', failure: 'The agent never repeated the delivery address back.' },
	16: { phrase: 'tax', failure: 'The agent never gave the total with tax.' },
	17: { phrase: 'from the order system', failure: 'The agent never said that its delivery times come from the order system.' },
	20: { phrase: 'ask about red-flag symptoms', failure: 'The agent never asked about red-flag symptoms.' },
	21: { phrase: 'hang up and call 911', failure: 'The agent never told the caller to hang up and call 911.' },
	22: { phrase: 'callback', failure: 'The agent never took a callback number.' },
	23: { phrase: 'expect a call back', failure: 'The agent never told the caller to expect a call back from the on-call nurse.' },
};

function normalise(text: string): string {
	return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Whether `text` says the metric's phrase; a metric without a phrase always does. */
export function saysPhrase(metricId: number, text: string): boolean {
	const entry = METRIC_PHRASES[metricId];
	return entry === undefined || normalise(text).includes(normalise(entry.phrase));
}

function computeScoredMetrics(scenarioId: number): number[] {
	const scenario = SCENARIOS[scenarioId];
	if (!scenario) return [];
	const failed = new Set(SEED_RUNS.filter((r) => r.scenario === scenarioId).flatMap((r) => r.evaluation.metrics.filter(isFailedBinaryMetric).map((m) => m.id)));
	if (failed.size > 0) return scenario.metrics.filter((id) => failed.has(id));
	const slug = SEED_AGENTS.find((a) => a.id === scenario.agent)?.slug;
	const seeded = recitePrompt(slug === undefined ? '' : (SAMPLE_PROMPTS[slug] ?? ''));
	return scenario.metrics.filter((id) => METRIC_PHRASES[id] !== undefined && saysPhrase(id, seeded));
}

const SCORED = new Map(Object.keys(SCENARIOS).map((id) => [Number(id), computeScoredMetrics(Number(id))]));

/** The metrics a simulated run of the scenario is scored on (see the header). */
export function scoredMetrics(scenarioId: number): readonly number[] {
	return SCORED.get(scenarioId) ?? [];
}

function metricName(id: number): string {
	return SEED_METRICS.find((m) => m.id === id)?.name ?? `Metric ${id}`;
}

function binary(id: number, passed: boolean, explanation: string): EvalMetric {
	return { id, name: metricName(id), type: 'binary_workflow_adherence', eval_type: 'binary', score: passed ? 5 : 0, passed, enum: '', value: '', explanation: [explanation], extra: {} };
}

export interface ChatScore {
	metrics: EvalMetric[];
	expectedOutcome: ExpectedOutcome;
	success: boolean;
}

/** Scores a finished simulated chat of `scenarioId` by its transcript. */
export function scoreChat(scenarioId: number, transcript: readonly TranscriptTurn[]): ChatScore {
	const scenario = SCENARIOS[scenarioId];
	const scored = scoredMetrics(scenarioId);
	const agentLines = transcript.filter((t) => t.role === 'Main Agent');
	const metrics: EvalMetric[] = [];
	const failures: string[] = [];
	for (const id of scenario?.metrics ?? []) {
		if (!scored.includes(id)) {
			metrics.push(binary(id, true, 'Passed: the local simulation does not score this metric in this scenario.'));
			continue;
		}
		const line = agentLines.find((t) => saysPhrase(id, t.content));
		if (line) {
			metrics.push(binary(id, true, `The agent said "${METRIC_PHRASES[id].phrase}" (${line.time}).`));
		} else {
			failures.push(METRIC_PHRASES[id].failure);
			metrics.push(binary(id, false, METRIC_PHRASES[id].failure));
		}
	}
	const success = failures.length === 0;
	const expectedOutcome: ExpectedOutcome = {
		score: success ? 100 : 0,
		explanation: success ? ['✅ The agent met every requirement scored in this scenario.'] : failures.map((f, i) => (i === 0 ? `❌ ${f}` : f)),
		outcome_alignments: [{ outcome: success ? (scenario?.passOutcome ?? 'Met') : 'Not met', prompt_part: scenario?.expectedOutcome ?? '', aligned: success }],
	};
	return { metrics, expectedOutcome, success };
}
