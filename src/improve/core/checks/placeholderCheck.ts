import * as l10n from '@vscode/l10n';
import type { ProposalCheck } from '../../../core/proposal';
import { placeholderSteps } from '../placeholders';
import { toEnd, type Steps } from '../steps';

/** Whether the proposal keeps every template placeholder of the original (`{{name}}`, `{var}`, `${…}`, `<VAR>`). */
export function placeholderCheck(original: string, proposed: string): ProposalCheck {
	return toEnd(placeholderCheckSteps(original, proposed));
}

export function* placeholderCheckSteps(original: string, proposed: string): Steps<ProposalCheck> {
	const kind = 'placeholders';
	const all = new Set(yield* placeholderSteps(original));
	if (all.size === 0) return { kind, ok: true, line: l10n.t('Placeholders: the prompt has none.') };
	const kept = new Set(yield* placeholderSteps(proposed));
	const missing = [...all].filter((p) => !kept.has(p));
	if (missing.length === 0) {
		return { kind, ok: true, line: all.size === 1 ? l10n.t('Placeholders: {0} kept.', [...all][0]) : l10n.t('Placeholders: all {0} kept.', all.size) };
	}
	const line = missing.length === 1
		? l10n.t('Placeholders: {0} dropped ({1} of {2}); put it back before applying.', missing[0], missing.length, all.size)
		: l10n.t('Placeholders: {0} dropped ({1} of {2}); put them back before applying.', missing.join(', '), missing.length, all.size);
	return { kind, ok: false, line };
}
