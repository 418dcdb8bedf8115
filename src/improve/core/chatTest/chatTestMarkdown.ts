import * as l10n from '@vscode/l10n';
import { dashboardResultUrl, escapeMarkdown, isCekuraApi } from '../evidenceMarkdown';
import { renderSimulatedRun } from './chatRunMarkdown';
import type { ChatTestOutcome, PromptSide, ScenarioVerdict, TestedResult, Verdict } from './chatTestTypes';
import { testSummary, verdictWords } from './verdicts';

export interface ChatTestPage {
	/** The file the tested prompt comes from. */
	sourceName: string;
	/** The configured Cekura API base URL: links to Cekura's web app only when it is Cekura's own. */
	baseUrl: string;
	/** The Cekura project of an agent, for the links to its results; undefined leaves the link out. */
	projectIdOf: (agentId: number) => number | undefined;
	/** Applied to every text from a server before it is escaped (takes API keys out). */
	clean: (text: string) => string;
}

// Signs every common font has (emoji are missing from many Linux fonts, and the preview would show boxes).
const SYMBOLS: Record<Verdict, string> = { fixed: '✔', better: '↗', stillFailing: '✘', regressed: '⚠', stillPassing: '✓', inconclusive: '?' };

function verdictCell(verdict: Verdict): string {
	return `${SYMBOLS[verdict]} ${verdictWords(verdict)}`;
}

function sideName(side: PromptSide): string {
	return side === 'original' ? l10n.t('Original') : l10n.t('Proposal');
}

function resultLine(result: TestedResult, page: ChatTestPage, t: (text: string) => string): string {
	const url = dashboardResultUrl(page.baseUrl, page.projectIdOf(result.agentId), result.resultId);
	const link = url ? ` · [${l10n.t('Open in Cekura')}](${url})` : '';
	return `- **${sideName(result.side)}** (${l10n.t('agent {0}', result.agentId)}): ${l10n.t('result {0}, {1}', result.resultId, result.status ? t(result.status) : l10n.t('status unknown'))}${link}`;
}

function scenarioSection(verdict: ScenarioVerdict, outcome: ChatTestOutcome, page: ChatTestPage, t: (text: string) => string): string[] {
	const out: string[] = ['', `### ${t(verdict.scenario.name)}`, ''];
	out.push(`- **${l10n.t('Verdict')}:** ${verdictCell(verdict.verdict)} (${l10n.t('original {0}/{1}, proposal {2}/{1}', verdict.originalPasses, verdict.n, verdict.proposalPasses)})`);
	out.push(`- **${l10n.t('Scenario')}:** ${verdict.scenario.id} (${verdict.scenario.kind === 'failed' ? l10n.t('failed in the runs the proposal came from') : l10n.t('passed in their results: the guard against regressions')})`);
	if (verdict.inconclusiveReason) out.push(`- **${l10n.t('Inconclusive')}:** ${t(verdict.inconclusiveReason)}`);
	for (const [side, runs] of [['original', verdict.originalRuns], ['proposal', verdict.proposalRuns]] as const) {
		if (runs.length === 0) out.push('', l10n.t('{0}: Cekura sent no scored run.', sideName(side)));
		for (const run of runs) out.push('', ...renderSimulatedRun(run, side, outcome.chats.find((chat) => chat.runId === run.id), page.clean, t));
	}
	return out;
}

/**
 * The report of a chat test as a read-only Markdown page: what was simulated (and what not), per scenario the passes
 * of both prompts and the verdict, per simulated run its outcome, failing metrics and transcript, and the Cekura
 * results (linked to Cekura's web app only on Cekura's own server). Everything a server wrote is cleaned and escaped.
 */
export function renderChatTestMarkdown(outcome: ChatTestOutcome, options: ChatTestPage): string {
	const t = (text: string): string => escapeMarkdown(options.clean(text));
	const out: string[] = [];
	out.push(`# ${l10n.t('Test of the proposal for {0}', t(options.sourceName))}`, '');
	out.push(`> ${l10n.t('Simulated text chats with {0} playing the agent; voice, latency and real tool calls are not exercised.', t(outcome.modelLabel))}`, '');
	const { frequency, maxTurns } = outcome.plan;
	out.push(frequency === 1
		? l10n.t('One conversation per scenario and prompt, at most {0} agent turns; the original and the proposal as you left it, with the same model, on the same scenarios.', maxTurns)
		: l10n.t('{0} conversations per scenario and prompt, at most {1} agent turns each; the original and the proposal as you left it, with the same model, on the same scenarios.', frequency, maxTurns));
	out.push('', `**${l10n.t('Summary')}:** ${testSummary(outcome)}`, '');
	out.push(`| ${l10n.t('Scenario')} | ${l10n.t('Original')} | ${l10n.t('Proposal')} | ${l10n.t('Verdict')} |`, '|---|---|---|---|');
	for (const v of outcome.verdicts) out.push(`| ${t(v.scenario.name)} | ${v.originalPasses}/${v.n} | ${v.proposalPasses}/${v.n} | ${verdictCell(v.verdict)} |`);
	out.push('', `## ${l10n.t('Cekura results')}`, '');
	for (const result of outcome.results) out.push(resultLine(result, options, t));
	if (!isCekuraApi(options.baseUrl)) out.push('', l10n.t('These results are on the server at {0}, not on Cekura\'s dashboard.', t(options.baseUrl)));
	out.push('', `## ${l10n.t('Scenarios')}`);
	for (const verdict of outcome.verdicts) out.push(...scenarioSection(verdict, outcome, options, t));
	const toImprove = outcome.verdicts.filter((v) => v.verdict === 'stillFailing' || v.verdict === 'regressed' || v.verdict === 'better').length;
	if (toImprove) {
		const how = l10n.t('Improve Again with These Results sends these simulated runs\' transcripts and explanations with the next request.');
		out.push('', '---', '', `${toImprove === 1 ? l10n.t('The proposal still fails or regressed in one scenario.') : l10n.t('The proposal still fails or regressed in {0} scenarios.', toImprove)} ${how}`);
	}
	return `${out.join('\n')}\n`;
}
