import * as l10n from '@vscode/l10n';

/** A subject a voice agent must get right whatever else changes; a proposal that touches it is looked at first. */
export interface GuardrailTopic {
	id: 'emergencies' | 'transfers' | 'prices' | 'payments' | 'privacy' | 'compliance';
	/** Its name in a check's line, localised. */
	name(): string;
	/** Matches a line about it. English only: prompts in other languages are not recognised. */
	pattern: RegExp;
}

/**
 * `words` (regular-expression sources, English) as one case-insensitive pattern: each starts at a word's start and
 * ends before a letter, so "tax" does not match "taxi". (`\b` and ASCII letters: a third of the time of Unicode
 * classes, and the lists are English.)
 */
function words(...sources: string[]): RegExp {
	return new RegExp(`\\b(?:${sources.join('|')})(?![a-z])`, 'i');
}

export const GUARDRAIL_TOPICS: readonly GuardrailTopic[] = [
	{
		id: 'emergencies',
		name: () => l10n.t('emergencies'),
		pattern: words('emergenc\\w*', '911', 'ambulances?', 'urgent(?:ly)?', 'life[- ]threatening', 'chest pains?', "(?:can't|cannot) breathe", 'suicid\\w*', 'self[- ]harm', 'overdos\\w*', 'poison\\w*', 'red[- ]flags?', 'danger\\w*'),
	},
	{
		id: 'transfers',
		name: () => l10n.t('transfers'),
		pattern: words('transfer\\w*', 'escalat\\w*', 'hand[- ]?offs?', 'hand (?:the call |them |it )?over', 'human (?:agent|representative|being)s?', 'live (?:agent|person)s?', 'representatives?', 'supervisors?', 'on[- ]call', 'pag(?:e|ed|es|ing)', 'forward(?:s|ed|ing)? the call', 'connect (?:you|them|the caller) (?:to|with)'),
	},
	{
		id: 'prices',
		name: () => l10n.t('prices'),
		// An amount ("$49", "€ 20") starts with its symbol, where no word starts.
		pattern: new RegExp(`${words('pric(?:e|es|ed|ing)', 'costs?', 'fees?', 'quot(?:e|es|ed|ing)', 'discounts?', 'tax(?:es)?', 'surcharges?', '\\d+(?:[.,]\\d+)?\\s?(?:usd|eur|gbp|dollars?|euros?)', 'free of charge').source}|[$€£]\\s?\\d`, 'i'),
	},
	{
		id: 'payments',
		name: () => l10n.t('payments'),
		pattern: words('pay(?:s|ing|ment|ments)?(?! attention)', 'paid', '(?:credit|debit) cards?', 'card numbers?', 'cvv', 'cvc', 'billing', 'bill(?:s|ed)?', 'invoic\\w*', 'refund\\w*', 'deposits?', 'co-?pays?', 'charg(?:e|es|ed|ing)', 'checkout', 'bank accounts?'),
	},
	{
		id: 'privacy',
		name: () => l10n.t('privacy'),
		pattern: words('privacy', 'private', 'personal (?:data|information|details)', 'pii', 'phi', 'confidential\\w*', 'date of birth', 'dob', 'social security', 'ssn', 'passwords?', 'account numbers?', 'record(?:ed|ing|ings)', 'consent\\w*', 'disclos\\w*', 'identity', 'identities'),
	},
	{
		id: 'compliance',
		name: () => l10n.t('compliance'),
		pattern: words('complian\\w*', 'comply', 'hipaa', 'gdpr', 'ccpa', 'pci(?:[- ]dss)?', 'tcpa', 'legal\\w*', 'laws?', 'regulat\\w*', 'disclaimers?', 'liabilit\\w*', 'licensed?', 'medical advice', 'diagnos\\w*', 'terms (?:and|&) conditions', 'opt[- ]out', 'do not call', 'polic(?:y|ies)'),
	},
];
