import type { Run, TranscriptTurn } from '../../core/apiTypes';
import { isFailedWorkflowMetric } from './focusOptions';
import { readRuns, type FieldProblem } from './runFields';
import type { Focus } from '../../core/focus';

/**
 * How a failure relates to the user's focus: `focus` was chosen, `context` was not chosen but is shown after the
 * focused ones, `unfiltered` when the user chose no focus at all.
 */
export type FailureRelevance = 'focus' | 'context' | 'unfiltered';

export interface MetricEvidence {
	id: number;
	name: string;
	explanation: string[];
	relevance: FailureRelevance;
}

export interface CategoryEvidence {
	id: number;
	name: string;
	feedback: string;
	/** 'critical' or 'non-critical' when Cekura says. */
	priority?: string;
	relevance: FailureRelevance;
}

interface OutcomeEvidence {
	/** What the scenario expected, in Cekura's words. */
	prompt?: string;
	/** 100 when met. */
	score?: number;
	explanation: string[];
	/** Outcomes that did not align, with the prompt text each depends on. */
	misaligned: { outcome: string; promptPart?: string }[];
}

export interface TurnEvidence {
	/** Exactly as in the transcript: 'Testing Agent', 'Main Agent', 'Function Call', 'Function Call Result'. */
	role: string;
	/** "MM:SS" when known. */
	time?: string;
	content: string;
}

export interface RunEvidence {
	runId: number;
	scenarioName?: string;
	scenarioInstructions?: string;
	timestamp?: string;
	expectedOutcome?: OutcomeEvidence;
	/** Focused failures first, then context. */
	failedMetrics: MetricEvidence[];
	/** Focused first; categories marked wrong or "not a bug" are left out. */
	categories: CategoryEvidence[];
	/** An infrastructure failure of the run: not the prompt's fault. */
	errorMessage?: string;
	transcript: TurnEvidence[];
	/** "MM:SS" times cited by the explanations and feedback, in order of first mention. */
	failingMoments: string[];
	/** Fields Cekura sent in the wrong shape (left out). */
	unreadable: FieldProblem[];
}

interface TranscriptExcerpt {
	/** The cited time the excerpt surrounds, or undefined for the last turns of the call. */
	around?: string;
	/** Index of the first turn in the whole transcript. */
	firstTurn: number;
	turns: TurnEvidence[];
}

export interface EvidenceLimits {
	/** Turns per transcript excerpt; 0 leaves transcripts out. */
	turnsPerExcerpt: number;
	/** Runs after this many (in evidence order) are cut to one line naming their failures. Default: all runs in full. */
	fullRuns?: number;
	/** A longer turn is shortened (tool results can be long JSON). Default 600 characters. */
	maxTurnChars?: number;
}

/** Times cited in explanations, e.g. "(01:58)", "[1:05]" or "(00:40–00:52)". */
const CITED_TIME = /[([](\d{1,2}:\d{2})(?:\s*[-–]\s*(\d{1,2}:\d{2}))?[)\]]/g;
const TRANSCRIPT_LINE = /^\[(\d{1,2}:\d{2}(?::\d{2})?)\]\s*([^:\n]{1,40}?):\s?(.*)$/;

const CLOCK = /^\d{1,2}:\d{2}(?::\d{2})?$/;

/** Trimmed, or undefined when empty. The runs were read by `readRuns`, so every text is a string or absent. */
function text(value: string | null | undefined): string | undefined {
	const trimmed = value?.trim();
	return trimmed ? trimmed : undefined;
}

function lines(value: readonly string[] | null | undefined): string[] {
	return (value ?? []).map((line) => text(line)).filter((line): line is string => line !== undefined);
}

function seconds(time: string | undefined): number | undefined {
	if (!time) return undefined;
	const parts = time.split(':').map(Number);
	if (parts.some((part) => Number.isNaN(part))) return undefined;
	return parts.reduce((total, part) => total * 60 + part, 0);
}

function clock(totalSeconds: number): string {
	const s = Math.max(0, Math.floor(totalSeconds));
	return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

function transcriptOf(run: Run): TurnEvidence[] {
	if (Array.isArray(run.transcript_object) && run.transcript_object.length > 0) {
		return run.transcript_object.map((turn: TranscriptTurn) => {
			const given = text(turn.time);
			const time = given && CLOCK.test(given) ? given : typeof turn.start_time === 'number' ? clock(turn.start_time) : undefined;
			return { role: turn.role, time, content: text(turn.content) ?? '' };
		});
	}
	const turns: TurnEvidence[] = [];
	for (const line of (run.transcript ?? '').split(/\r?\n/)) {
		const m = TRANSCRIPT_LINE.exec(line);
		if (m) turns.push({ role: m[2].trim(), time: m[1], content: m[3].trim() });
		else if (line.trim() && turns.length > 0) turns[turns.length - 1].content += `\n${line.trim()}`;
	}
	return turns;
}

function citedTimes(texts: readonly string[]): string[] {
	const times: string[] = [];
	for (const t of texts) {
		for (const m of t.matchAll(CITED_TIME)) {
			const time = clock(seconds(m[1]) ?? 0);
			if (!times.includes(time)) times.push(time);
		}
	}
	return times;
}

/**
 * The evidence a careful prompt engineer would read, per run: what the scenario asked and expected, what failed and
 * why (the focus first), any infrastructure error, and the transcript with the moments the explanations cite.
 * With a focus, failures it does not name are kept as context. Runs with focused failures come first, then newer runs
 * first, so that cutting runs from the end drops older, less focused evidence. Every field is read defensively
 * (`readRuns`): what has the wrong type is left out and listed in `unreadable`; every text passes through `clean`
 * (which takes keys out).
 */
export function collectEvidence(runs: readonly Run[], focus: Focus, clean?: (text: string) => string): RunEvidence[] {
	const filtered = focus.workflow_metric_ids.length > 0 || focus.category_ids.length > 0;
	const relevance = (chosen: readonly number[], id: number): FailureRelevance => (!filtered ? 'unfiltered' : chosen.includes(id) ? 'focus' : 'context');
	const byRelevance = <T extends { relevance: FailureRelevance }>(items: T[]): T[] => [...items.filter((i) => i.relevance !== 'context'), ...items.filter((i) => i.relevance === 'context')];

	const evidence = readRuns(runs, clean).map(({ run, problems }, index) => {
		const failedMetrics = (run.evaluation?.metrics ?? [])
			.filter((metric) => typeof metric.id === 'number' && isFailedWorkflowMetric(metric))
			.map((metric): MetricEvidence => ({ id: metric.id, name: metric.name, explanation: lines(metric.explanation), relevance: relevance(focus.workflow_metric_ids, metric.id) }));
		const categories = (run.critical_categories ?? [])
			.filter((category) => typeof category.category_id === 'number' && !category.wrongly_marked && category.priority !== 'not_a_bug')
			.map((category): CategoryEvidence => ({
				id: category.category_id,
				name: category.category,
				feedback: text(category.feedback) ?? '',
				priority: text(category.priority ?? undefined),
				relevance: relevance(focus.category_ids, category.category_id),
			}));
		const outcome = run.expected_outcome;
		const expectedOutcome: OutcomeEvidence | undefined =
			outcome || text(run.expected_outcome_prompt)
				? {
						prompt: text(run.expected_outcome_prompt),
						score: typeof outcome?.score === 'number' ? outcome.score : undefined,
						explanation: lines(outcome?.explanation),
						misaligned: (outcome?.outcome_alignments ?? []).filter((a) => a.aligned === false).map((a) => ({ outcome: a.outcome, promptPart: text(a.prompt_part) })),
					}
				: undefined;
		const sortedMetrics = byRelevance(failedMetrics);
		const sortedCategories = byRelevance(categories);
		const failingMoments = citedTimes([
			...sortedMetrics.filter((m) => m.relevance !== 'context').flatMap((m) => m.explanation),
			...sortedCategories.filter((c) => c.relevance !== 'context').map((c) => c.feedback),
			...(expectedOutcome?.explanation ?? []),
			...sortedMetrics.filter((m) => m.relevance === 'context').flatMap((m) => m.explanation),
			...sortedCategories.filter((c) => c.relevance === 'context').map((c) => c.feedback),
		]);
		const item: RunEvidence = {
			runId: run.id,
			scenarioName: text(run.scenario_name),
			scenarioInstructions: text(run.scenario_instructions),
			timestamp: text(run.timestamp),
			expectedOutcome,
			failedMetrics: sortedMetrics,
			categories: sortedCategories,
			errorMessage: text(run.error_message),
			transcript: transcriptOf(run),
			failingMoments,
			unreadable: problems,
		};
		return { item, index, focused: [...sortedMetrics, ...sortedCategories].some((f) => f.relevance === 'focus') };
	});
	evidence.sort((a, b) => Number(b.focused) - Number(a.focused) || (b.item.timestamp ?? '').localeCompare(a.item.timestamp ?? '') || a.index - b.index);
	return evidence.map((e) => e.item);
}

/** The turn at a cited time: the last one that started at or before it. */
function turnAt(transcript: readonly TurnEvidence[], time: string): number {
	const target = seconds(time) ?? 0;
	let found = 0;
	for (let i = 0; i < transcript.length; i++) {
		const at = seconds(transcript[i].time);
		if (at !== undefined && at <= target) found = i;
	}
	return found;
}

/**
 * Transcript excerpts of `turnsPerExcerpt` turns around each failing moment (more before it than after, as the cause
 * usually comes first), merged when they overlap; the last turns of the call when no moment is cited.
 */
export function transcriptExcerpts(evidence: RunEvidence, turnsPerExcerpt: number): TranscriptExcerpt[] {
	const transcript = evidence.transcript;
	const size = Math.min(Math.max(0, Math.floor(turnsPerExcerpt)), transcript.length);
	if (size === 0) return [];
	const windows: { around?: string; start: number; end: number }[] = [];
	if (evidence.failingMoments.length === 0) {
		windows.push({ start: transcript.length - size, end: transcript.length });
	} else {
		const after = Math.floor(size / 3);
		for (const moment of evidence.failingMoments) {
			const at = turnAt(transcript, moment);
			const start = Math.max(0, Math.min(at - (size - after - 1), transcript.length - size));
			windows.push({ around: moment, start, end: start + size });
		}
		windows.sort((a, b) => a.start - b.start);
	}
	const merged: typeof windows = [];
	for (const w of windows) {
		const last = merged[merged.length - 1];
		if (last && w.start <= last.end) {
			last.end = Math.max(last.end, w.end);
			if (w.around && last.around !== w.around) last.around = last.around ? `${last.around}, ${w.around}` : w.around;
		} else {
			merged.push({ ...w });
		}
	}
	return merged.map((w) => ({ around: w.around, firstTurn: w.start, turns: transcript.slice(w.start, w.end) }));
}
