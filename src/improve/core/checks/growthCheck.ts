import * as l10n from '@vscode/l10n';
import type { ProposalCheck } from '../../../core/proposal';
import { toEnd, type Steps } from '../steps';

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
	return toEnd(growthCheckSteps(original, proposed, budgetPercent, countTokens));
}

export function* growthCheckSteps(original: string, proposed: string, budgetPercent: number, countTokens?: (text: string) => number): Steps<ProposalCheck> {
	const kind = 'growth';
	// As long as the text with CRLF and CR as LF: a CRLF is one character shorter, a CR as long.
	const before = original.length - (yield* crlfCount(original));
	const after = proposed.length - (yield* crlfCount(proposed));
	const chars = after - before;
	// A model's token counter takes the whole text at once.
	const tokens = countTokens ? countTokens(lf(proposed)) - countTokens(lf(original)) : Math.round(chars / 4);
	const tokenText = `${countTokens ? '' : '≈'}${signed(tokens)}`;
	if (before === 0) return { kind, ok: true, line: l10n.t('Growth: {0} characters ({1} tokens); the original prompt is empty.', signed(chars), tokenText) };
	if (chars === 0) return { kind, ok: true, line: l10n.t('Growth: none, as long as the original ({0} tokens).', tokenText) };
	if (chars < 0) return { kind, ok: true, line: l10n.t('Growth: {0} characters ({1} tokens), {2}% shorter.', signed(chars), tokenText, Math.max(1, Math.floor((-chars * 100) / before))) };
	// Rounded up, so a proposal over the budget never shows the budget's own figure.
	const percent = Math.ceil((chars * 100) / before);
	if (chars * 100 <= budgetPercent * before) {
		return { kind, ok: true, line: l10n.t('Growth: {0} characters ({1} tokens), +{2}%, within the budget of +{3}%.', signed(chars), tokenText, percent, budgetPercent) };
	}
	return { kind, ok: false, line: l10n.t('Growth: {0} characters ({1} tokens), +{2}%, over the budget of +{3}%: every call pays for the longer prompt.', signed(chars), tokenText, percent, budgetPercent) };
}

function* crlfCount(text: string): Steps<number> {
	let count = 0;
	for (let at = text.indexOf('\r\n'); at !== -1; at = text.indexOf('\r\n', at + 2)) if (++count % 1024 === 0) yield;
	return count;
}

function lf(text: string): string {
	return text.replace(/\r\n?/g, '\n');
}

/** `+120`, `−40` (a minus sign), `0`. */
function signed(n: number): string {
	return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}
