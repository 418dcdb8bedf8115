import * as l10n from '@vscode/l10n';
import type { Run } from '../../core/apiTypes';
import { collectEvidence, transcriptExcerpts, type RunEvidence, type TurnEvidence } from './evidence';
import { readRuns, type FieldProblem } from './runFields';

/** The API of Cekura's own service; only then do runs link to Cekura's web app. */
const CEKURA_API_ORIGIN = 'https://api.cekura.ai';
/** Cekura's web app. Its documented link to a result is `<dashboard>/<project_id>/results/<result_id>`. */
const CEKURA_DASHBOARD_ORIGIN = 'https://dashboard.cekura.ai';

const NO_FOCUS = { workflow_metric_ids: [], category_ids: [] };

export interface EvidencePage {
	/** The file the reviewed prompt comes from. */
	sourceName: string;
	/** Who wrote the proposal. */
	author: string;
	/** The runs the review used, in the order shown. */
	runIds: readonly number[];
	/** What `runs/bulk` answered for them (a run may be missing). */
	runs: readonly Run[];
	/** The configured Cekura API base URL: links to Cekura's web app only when it is Cekura's own. */
	baseUrl: string;
	/** The Cekura project a run belongs to, for its link; undefined leaves the link out. */
	projectIdOf?: (run: Run) => number | undefined;
	/** Applied to every text from the server before it is escaped (takes API keys out). */
	clean?: (text: string) => string;
	/** Turns per transcript excerpt; default 8. */
	turnsPerExcerpt?: number;
	/** A longer turn is shortened; default 600 characters. */
	maxTurnChars?: number;
}

const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
// eslint-disable-next-line no-control-regex -- control characters from a server are dropped, not shown
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/**
 * Text from a server as literal Markdown text on one line: every ASCII punctuation character is backslash-escaped
 * (CommonMark allows it for all of them), so no emphasis, link, image, heading, list, table, HTML tag, entity or
 * autolink can start in it, and line breaks become spaces so it cannot leave the line it is written on.
 */
export function escapeMarkdown(value: string): string {
	return value.replace(CONTROL, '').replace(/\s*(?:\r\n|\r|\n|\t)\s*/g, ' ').replace(ASCII_PUNCTUATION, '\\$&');
}

function positiveInteger(value: unknown): value is number {
	return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/** Whether `baseUrl` is Cekura's own API, whose runs are on Cekura's dashboard (a local or other server's are not). */
export function isCekuraApi(baseUrl: string): boolean {
	try {
		return new URL(baseUrl).origin === CEKURA_API_ORIGIN;
	} catch {
		return false;
	}
}

/**
 * The page of a run's result in Cekura's web app, where the run is shown: only when `baseUrl` is Cekura's own API
 * and both IDs are positive integers.
 */
export function dashboardResultUrl(baseUrl: string, projectId: unknown, resultId: unknown): string | undefined {
	if (!isCekuraApi(baseUrl) || !positiveInteger(projectId) || !positiveInteger(resultId)) return undefined;
	return `${CEKURA_DASHBOARD_ORIGIN}/${projectId}/results/${resultId}`;
}

/** "Failed", "Passed" or "Did not complete", with Cekura's own status words after it. */
function outcomeLine(run: Run, t: (text: string) => string): string {
	const infrastructure = ['failed', 'timeout', 'cancelled'].includes(run.status ?? '') || Boolean(run.error_message?.trim());
	const verdict = infrastructure
		? l10n.t('Did not complete')
		: run.success === true
			? l10n.t('Passed')
			: run.success === false
				? l10n.t('Failed')
				: l10n.t('Not known yet');
	const details = [run.status ? l10n.t('status {0}', t(run.status)) : undefined, run.evaluation_status ? l10n.t('evaluation {0}', t(run.evaluation_status)) : undefined].filter(Boolean);
	return `- **${l10n.t('Outcome')}:** ${verdict}${details.length ? ` (${details.join(', ')})` : ''}`;
}

function turnLine(turn: TurnEvidence, cited: boolean, t: (text: string) => string, maxChars: number): string {
	const content = turn.content.length > maxChars ? `${turn.content.slice(0, maxChars - 1)}…` : turn.content;
	const time = turn.time ? `\\[${t(turn.time)}\\] ` : '';
	const mark = cited ? `▶ ` : '';
	return `- ${mark}**${time}${turn.role ? t(turn.role) : l10n.t('(no speaker)')}:** ${t(content)}`;
}

function problemLine(problem: FieldProblem): string {
	const expected = {
		text: l10n.t('text'),
		number: l10n.t('a number'),
		list: l10n.t('a list'),
		object: l10n.t('an object'),
		'true or false': l10n.t('true or false'),
	}[problem.expected];
	const got: Record<string, string> = {
		missing: l10n.t('nothing'),
		text: l10n.t('text'),
		'a number': l10n.t('a number'),
		'true or false': l10n.t('true or false'),
		'a list': l10n.t('a list'),
		'an object': l10n.t('an object'),
	};
	return `- \`${problem.field}\`: ${l10n.t('expected {0}, Cekura sent {1}', expected, got[problem.got] ?? problem.got)}`;
}

function renderRun(run: Run, evidence: RunEvidence, page: EvidencePage, t: (text: string) => string): string[] {
	const out: string[] = [];
	out.push(evidence.scenarioName ? `## ${l10n.t('Run {0}: {1}', run.id, t(evidence.scenarioName))}` : `## ${l10n.t('Run {0}', run.id)}`);
	out.push('');
	out.push(`- **${l10n.t('Run ID')}:** ${run.id}`);
	if (evidence.scenarioName) out.push(`- **${l10n.t('Scenario')}:** ${t(evidence.scenarioName)}`);
	out.push(outcomeLine(run, t));
	if (run.agent_name) out.push(`- **${l10n.t('Agent')}:** ${t(run.agent_name)}`);
	if (positiveInteger(run.result_id)) {
		const name = run.result_name ? `${t(run.result_name)} (${run.result_id})` : String(run.result_id);
		const url = dashboardResultUrl(page.baseUrl, page.projectIdOf?.(run), run.result_id);
		out.push(`- **${l10n.t('Result')}:** ${name}${url ? ` · [${l10n.t('Open in Cekura')}](${url})` : ''}`);
	}
	if (evidence.timestamp) out.push(`- **${l10n.t('Time')}:** ${t(evidence.timestamp)}`);
	if (evidence.scenarioInstructions) out.push(`- **${l10n.t('Scenario instructions')}:** ${t(evidence.scenarioInstructions)}`);

	if (evidence.errorMessage) {
		out.push('', `### ${l10n.t('Infrastructure error')}`, '', l10n.t('The run itself failed; this is not the prompt\'s fault.'), '', `> ${t(evidence.errorMessage)}`);
	}
	if (evidence.failedMetrics.length) {
		out.push('', `### ${l10n.t('Failing metrics')}`, '');
		for (const metric of evidence.failedMetrics) {
			out.push(`- **${metric.name ? t(metric.name) : l10n.t('(no name)')}** (${l10n.t('metric {0}', metric.id)})`);
			for (const line of metric.explanation) out.push(`  - ${t(line)}`);
		}
	}
	if (evidence.categories.length) {
		out.push('', `### ${l10n.t('Critical categories')}`, '');
		for (const category of evidence.categories) {
			const priority = category.priority ? `, ${t(category.priority)}` : '';
			out.push(`- **${category.name ? t(category.name) : l10n.t('(no name)')}** (${l10n.t('category {0}', category.id)}${priority})`);
			if (category.feedback) out.push(`  - ${l10n.t('Feedback')}: ${t(category.feedback)}`);
		}
	}
	const outcome = evidence.expectedOutcome;
	if (outcome && (outcome.score === undefined || outcome.score < 100 || outcome.misaligned.length > 0)) {
		const heading = outcome.score === undefined ? l10n.t('Expected outcome') : l10n.t('Expected outcome not met (score {0}/100)', outcome.score);
		out.push('', `### ${heading}`, '');
		if (outcome.prompt) out.push(`- **${l10n.t('Expected')}:** ${t(outcome.prompt)}`);
		for (const line of outcome.explanation) out.push(`- ${t(line)}`);
		for (const miss of outcome.misaligned) {
			out.push(miss.promptPart
				? `- **${l10n.t('Missed')}:** ${t(miss.outcome)} (${l10n.t('depends on the prompt\'s words')}: “${t(miss.promptPart)}”)`
				: `- **${l10n.t('Missed')}:** ${t(miss.outcome)}`);
		}
	} else if (outcome) {
		out.push(`- **${l10n.t('Expected outcome')}:** ${l10n.t('met')}${outcome.prompt ? ` (${t(outcome.prompt)})` : ''}`);
	}
	if (!evidence.errorMessage && evidence.failedMetrics.length === 0 && evidence.categories.length === 0 && !(outcome && (outcome.score ?? 100) < 100)) {
		out.push('', l10n.t('Cekura reports no failing metric, critical category or missed outcome for this run.'));
	}

	const excerpts = transcriptExcerpts(evidence, page.turnsPerExcerpt ?? 8);
	for (const excerpt of excerpts) {
		const range = [excerpt.firstTurn + 1, excerpt.firstTurn + excerpt.turns.length, evidence.transcript.length] as const;
		const heading = excerpt.around
			? l10n.t('Transcript around {0} (turns {1}–{2} of {3})', t(excerpt.around), ...range)
			: l10n.t('Transcript, last turns ({0}–{1} of {2})', ...range);
		out.push('', `### ${heading}`, '');
		const cited = new Set(evidence.failingMoments);
		for (const turn of excerpt.turns) out.push(turnLine(turn, turn.time !== undefined && cited.has(turn.time), t, page.maxTurnChars ?? 600));
	}
	if (excerpts.length === 0) out.push('', l10n.t('Cekura sent no transcript for this run.'));
	if (evidence.unreadable.length) {
		out.push('', `### ${l10n.t('Fields left out')}`, '', l10n.t('Cekura sent these fields of the run in a shape the extension cannot read; they are not shown above.'), '');
		out.push(...evidence.unreadable.map(problemLine));
	}
	return out;
}

/**
 * The evidence of a review's runs as a Markdown page for people: per run its ID, scenario, outcome, failing
 * metrics and critical categories with their explanations and feedback, expected-outcome misses, the transcript
 * around the cited moments (speaker, time), and a link to the run's result in Cekura's web app when the server is
 * Cekura's. Everything the server sent is escaped (`escapeMarkdown`): it is shown as text, never as Markdown or HTML.
 */
export function renderEvidenceMarkdown(page: EvidencePage): string {
	const clean = page.clean ?? ((text: string) => text);
	const t = (text: string): string => escapeMarkdown(clean(text));
	const out: string[] = [];
	out.push(`# ${l10n.t('Evidence for the review of {0}', t(page.sourceName))}`, '');
	out.push(l10n.t('Proposal by {0}, from runs {1}. Read-only: what Cekura recorded for these runs.', t(page.author), page.runIds.join(', ')));
	const byId = new Map(readRuns(page.runs).map(({ run }) => [run.id, run]));
	const evidence = new Map(collectEvidence(page.runs, NO_FOCUS).map((e) => [e.runId, e]));
	for (const id of page.runIds) {
		out.push('');
		const run = byId.get(id);
		const item = evidence.get(id);
		if (!run || !item) {
			out.push(`## ${l10n.t('Run {0}', id)}`, '', l10n.t('Cekura sent no details for this run: it may have been deleted, or the API key cannot see it.'));
			continue;
		}
		out.push(...renderRun(run, item, page, t));
	}
	return `${out.join('\n')}\n`;
}
