import * as l10n from '@vscode/l10n';
import type { ProposalCheck } from '../../../core/proposal';
import { GUARDRAIL_TOPICS, type GuardrailTopic } from './guardrailTopics';
import { toEnd, type Steps } from '../steps';
import type { LineChanges } from './lineChanges';

/** How many lines the check quotes before it says how many more there are. */
const QUOTED_AT_MOST = 5;
/** How much of a quoted line is shown. */
const QUOTE_CHARS = 60;

/**
 * The original's lines about emergencies, transfers, prices, payments, privacy or compliance that the proposal changed
 * or removed, listed with their line numbers, so the user looks at them first. Lines only added are not listed: what
 * the agent was told to do about these stays as it was.
 */
export function guardrailCheck(changes: LineChanges): ProposalCheck {
	return toEnd(guardrailCheckSteps(changes));
}

/** How many characters of lines are matched against the topics between two pauses (see `steps.ts`). */
const CHARS_PER_STEP = 4096;

export function* guardrailCheckSteps(changes: LineChanges): Steps<ProposalCheck> {
	const kind = 'guardrails';
	const hits: { line: number; text: string; topics: GuardrailTopic[] }[] = [];
	let read = 0;
	for (const c of changes.removed) {
		const topics = GUARDRAIL_TOPICS.filter((t) => t.pattern.test(c.text));
		if (topics.length) hits.push({ ...c, topics });
		read += c.text.length + 1;
		if (read >= CHARS_PER_STEP) {
			read = 0;
			yield;
		}
	}
	if (hits.length === 0) return { kind, ok: true, line: l10n.t('Guardrails: no line about emergencies, transfers, prices, payments, privacy or compliance was changed or removed.') };
	const touched = GUARDRAIL_TOPICS.filter((t) => hits.some((h) => h.topics.includes(t)));
	const topics = touched.map((t: GuardrailTopic) => t.name()).join(', ');
	const quoted = hits.slice(0, QUOTED_AT_MOST).map((h) => l10n.t('line {0}: “{1}”', h.line, excerpt(h.text))).join('; ');
	const more = hits.length - QUOTED_AT_MOST;
	const listed = more > 0 ? l10n.t('{0}; and {1} more', quoted, more) : quoted;
	const line = hits.length === 1
		? l10n.t('Guardrails: a line about {0} was changed or removed; look at it first: {1}', topics, listed)
		: l10n.t('Guardrails: {0} lines about {1} were changed or removed; look at them first: {2}', hits.length, topics, listed);
	return { kind, ok: false, line };
}

function excerpt(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > QUOTE_CHARS ? `${flat.slice(0, QUOTE_CHARS - 1)}…` : flat;
}
