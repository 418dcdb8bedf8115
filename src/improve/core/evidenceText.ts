import { transcriptExcerpts, type CategoryEvidence, type EvidenceLimits, type FailureRelevance, type MetricEvidence, type RunEvidence } from './evidence';
import { describeProblem } from './runFields';

/**
 * Every text the server sent is written as one JSON string: quotes and backslashes escaped, line breaks (also the
 * Unicode ones a model may read as such) as `\n` or `\uXXXX`. So no recorded text can start a line of the request,
 * close the evidence, or look like a heading, a tag or an answer outside its quotes.
 */
export function quote(value: string): string {
	return JSON.stringify(value).replace(/[\u0085\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function shorten(value: string, max: number): string {
	const oneLine = value.replace(/\s*\n\s*/g, ' ⏎ ');
	return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

function tag(relevance: FailureRelevance): string {
	return relevance === 'focus' ? '[focus] ' : relevance === 'context' ? '[context, not in focus] ' : '';
}

function metricLine(metric: MetricEvidence): string {
	const why = metric.explanation.length ? `: ${quote(metric.explanation.join(' '))}` : '';
	return `- ${tag(metric.relevance)}${quote(metric.name)} (metric ${metric.id})${why}`;
}

function categoryLine(category: CategoryEvidence): string {
	const priority = category.priority ? `, ${quote(category.priority)}` : '';
	const why = category.feedback ? `: ${quote(category.feedback)}` : '';
	return `- ${tag(category.relevance)}${quote(category.name)} (category ${category.id}${priority})${why}`;
}

function heading(evidence: RunEvidence): string {
	return `## Run ${evidence.runId}${evidence.scenarioName ? `: ${quote(evidence.scenarioName)}` : ''}`;
}

function summaryLine(evidence: RunEvidence): string {
	const failures = [...evidence.failedMetrics, ...evidence.categories].filter((f) => f.relevance !== 'context');
	const named = failures.map((f) => ('explanation' in f ? `${tag(f.relevance)}${quote(f.name)} (metric ${f.id})` : `${tag(f.relevance)}${quote(f.name)} (category ${f.id})`));
	const what = named.length ? `failed ${named.join('; ')}` : evidence.errorMessage ? 'did not run properly (infrastructure error)' : 'no focused failures';
	return `${heading(evidence)} (details left out for length): ${what}.`;
}

function renderRun(evidence: RunEvidence, limits: EvidenceLimits): string[] {
	const maxTurnChars = limits.maxTurnChars ?? 600;
	const out = [heading(evidence)];
	if (evidence.scenarioInstructions) out.push(`Scenario (instructions to Cekura's simulated caller): ${quote(evidence.scenarioInstructions)}`);
	const outcome = evidence.expectedOutcome;
	if (outcome) {
		const verdict = outcome.score === undefined ? '' : outcome.score >= 100 ? ' [met]' : ` [NOT MET, score ${outcome.score}/100]`;
		out.push(`Expected outcome${verdict}: ${outcome.prompt ? quote(outcome.prompt) : '(not stated)'}`);
		for (const line of outcome.explanation) out.push(`- ${quote(line)}`);
		for (const m of outcome.misaligned) out.push(`- Not met: ${quote(m.outcome)}${m.promptPart ? ` (depends on the prompt's words: ${quote(m.promptPart)})` : ''}`);
	}
	if (evidence.failedMetrics.length) out.push('Failed workflow metrics:', ...evidence.failedMetrics.map(metricLine));
	if (evidence.categories.length) out.push('Critical categories:', ...evidence.categories.map(categoryLine));
	if (evidence.errorMessage) {
		out.push(`Infrastructure error (the run itself failed; this is NOT the prompt's fault, do not change the prompt for it): ${quote(evidence.errorMessage)}`);
	}
	for (const excerpt of transcriptExcerpts(evidence, limits.turnsPerExcerpt)) {
		const where = excerpt.around ? `around ${excerpt.around}` : 'last turns';
		out.push(`Transcript, ${where} (turns ${excerpt.firstTurn + 1}–${excerpt.firstTurn + excerpt.turns.length} of ${evidence.transcript.length}):`);
		for (const turn of excerpt.turns) out.push(`  ${turn.time ? `[${turn.time}] ` : ''}${quote(turn.role)}: ${quote(shorten(turn.content, maxTurnChars))}`);
	}
	if (evidence.unreadable.length) {
		out.push(`Left out, as Cekura sent them in the wrong shape: ${evidence.unreadable.map(describeProblem).join('; ')}.`);
	}
	return out;
}

/**
 * Renders evidence as compact, Markdown-like text for a model: one `## Run <id>` section per run, focused failures
 * tagged `[focus]`, then transcript excerpts; every text from the server is a JSON string (`quote`). Runs past
 * `limits.fullRuns` get one line naming their failures.
 */
export function renderEvidence(evidence: readonly RunEvidence[], limits: EvidenceLimits): string {
	const fullRuns = limits.fullRuns ?? evidence.length;
	return evidence.map((run, i) => (i < fullRuns ? renderRun(run, limits).join('\n') : summaryLine(run))).join('\n\n');
}
