import * as l10n from '@vscode/l10n';
import type { ProposalCheck } from '../../../core/proposal';

/** The budget when the setting is not set: a fix adds rules, but a prompt a quarter longer costs every call. */
const DEFAULT_GROWTH_BUDGET_PERCENT = 25;

/** The setting's value as a budget: a whole number of percent from 0 to 1000, else the default. */
export function growthBudgetPercent(value: unknown): number {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1000 ? value : DEFAULT_GROWTH_BUDGET_PERCENT;
}

/**
 * Characters and tokens the proposal adds, against a budget in percent of the original's length. Tokens come from
 * `countTokens` when there is one, else are estimated as characters / 4 (shown with ≈). Line endings are not counted
 * as growth: CRLF and LF are the same line break.
 */
export function growthCheck(original: string, proposed: string, budgetPercent: number, countTokens?: (text: string) => number): ProposalCheck {
	const kind = 'growth';
	const before = lf(original);
	const after = lf(proposed);
	const chars = after.length - before.length;
	const tokens = countTokens ? countTokens(after) - countTokens(before) : Math.round(chars / 4);
	const tokenText = `${countTokens ? '' : '≈'}${signed(tokens)}`;
	if (before.length === 0) return { kind, ok: true, line: l10n.t('Growth: {0} characters ({1} tokens); the original prompt is empty.', signed(chars), tokenText) };
	if (chars === 0) return { kind, ok: true, line: l10n.t('Growth: none, as long as the original ({0} tokens).', tokenText) };
	if (chars < 0) return { kind, ok: true, line: l10n.t('Growth: {0} characters ({1} tokens), {2}% shorter.', signed(chars), tokenText, Math.max(1, Math.floor((-chars * 100) / before.length))) };
	// Rounded up, so a proposal over the budget never shows the budget's own figure.
	const percent = Math.ceil((chars * 100) / before.length);
	if (chars * 100 <= budgetPercent * before.length) {
		return { kind, ok: true, line: l10n.t('Growth: {0} characters ({1} tokens), +{2}%, within the budget of +{3}%.', signed(chars), tokenText, percent, budgetPercent) };
	}
	return { kind, ok: false, line: l10n.t('Growth: {0} characters ({1} tokens), +{2}%, over the budget of +{3}%: every call pays for the longer prompt.', signed(chars), tokenText, percent, budgetPercent) };
}

function lf(text: string): string {
	return text.replace(/\r\n?/g, '\n');
}

/** `+120`, `−40` (a minus sign), `0`. */
function signed(n: number): string {
	return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}
