import * as l10n from '@vscode/l10n';
import type { Run } from '../../../core/apiTypes';
import { collectEvidence } from '../evidence';
import type { ChatRecord, PromptSide } from './chatTestTypes';
import { binaryMetricFailed, runPassed } from './verdicts';

const NO_FOCUS = { workflow_metric_ids: [], category_ids: [] };
/** A longer turn of a simulated transcript is shortened. */
const MAX_TURN_CHARS = 600;

/** `t`: a server's text, cleaned of keys and escaped for Markdown. */
type Shown = (text: string) => string;

function roleName(role: string, t: Shown): string {
	if (role === 'Testing Agent') return l10n.t('Caller (Cekura)');
	if (role === 'Main Agent') return l10n.t('Agent (model)');
	return role ? t(role) : l10n.t('(no speaker)');
}

function chatEndLine(chat: ChatRecord | undefined, t: Shown): string | undefined {
	if (!chat) return undefined;
	switch (chat.end) {
		case 'ended':
			return l10n.t('The simulated caller ended the chat after {0} agent turns.', chat.turns);
		case 'maxTurns':
			return l10n.t('The extension ended the chat after {0} agent turns (cekura.test.maxTurns).', chat.turns);
		case 'modelError':
			return l10n.t('The model playing the agent failed after {0} agent turns: {1}', chat.turns, t(chat.error ?? ''));
		case 'chatError':
			return l10n.t('The chat failed after {0} agent turns: {1}', chat.turns, t(chat.error ?? ''));
		case 'cancelled':
			return l10n.t('The chat was cancelled after {0} agent turns.', chat.turns);
	}
}

/**
 * One simulated run of one prompt: passed or failed, how the chat ended, the expected outcome's explanation, the
 * failing metrics, and the transcript collapsed in `<details>` (every turn escaped, so no HTML of the server's runs).
 */
export function renderSimulatedRun(run: Run, side: PromptSide, chat: ChatRecord | undefined, clean: (text: string) => string, t: Shown): string[] {
	const out: string[] = [];
	const sideName = side === 'original' ? l10n.t('Original') : l10n.t('Proposal');
	const passed = runPassed(run);
	out.push(`#### ${l10n.t('{0}, run {1}: {2}', sideName, run.id, passed ? l10n.t('passed') : l10n.t('failed'))}`, '');
	const end = chatEndLine(chat, t);
	if (end) out.push(`- ${end}`);
	if (typeof run.status === 'string' && run.status !== 'completed') out.push(`- ${l10n.t('Cekura\'s status: {0}', t(run.status))}`);
	if (typeof run.error_message === 'string' && run.error_message.trim()) out.push(`- ${l10n.t('Cekura\'s error: {0}', t(run.error_message))}`);
	const [evidence] = collectEvidence([run], NO_FOCUS, clean);
	const outcome = evidence?.expectedOutcome;
	if (outcome) {
		const score = outcome.score !== undefined ? ` (${l10n.t('score {0}/100', outcome.score)})` : '';
		out.push(`- **${l10n.t('Expected outcome')}${score}:** ${outcome.prompt ? t(outcome.prompt) : ''}`);
		for (const line of outcome.explanation) out.push(`  - ${t(line)}`);
	}
	const failing = (run.evaluation?.metrics ?? []).filter((metric) => typeof metric === 'object' && metric !== null && binaryMetricFailed(metric));
	if (failing.length) {
		out.push(`- **${l10n.t('Failing metrics')}:**`);
		for (const metric of failing) {
			const explanation = Array.isArray(metric.explanation) ? metric.explanation.filter((line) => typeof line === 'string') : [];
			out.push(`  - ${typeof metric.name === 'string' && metric.name ? t(metric.name) : l10n.t('(no name)')}${explanation.length ? `: ${explanation.map(t).join(' ')}` : ''}`);
		}
	} else {
		out.push(`- ${l10n.t('No failing metric.')}`);
	}
	const transcript = evidence?.transcript ?? [];
	if (transcript.length === 0) {
		out.push('', l10n.t('Cekura sent no transcript for this run.'));
		return out;
	}
	out.push('', `<details><summary>${l10n.t('Simulated transcript ({0} turns)', transcript.length)}</summary>`, '');
	for (const turn of transcript) {
		const content = turn.content.length > MAX_TURN_CHARS ? `${turn.content.slice(0, MAX_TURN_CHARS - 1)}…` : turn.content;
		out.push(`- **${roleName(turn.role, t)}:** ${t(content)}`);
	}
	out.push('', '</details>');
	return out;
}
