import * as l10n from '@vscode/l10n';
import type { Focus } from '../../../core/focus';
import type { ProposalCheck } from '../../../core/proposal';
import type { LineChanges } from './lineChanges';

/** How many failures a hint names before it says how many more there are. */
const NAMED_AT_MOST = 3;

/** Words that say nothing about which failure a change addresses: every voice-agent prompt is full of them. */
const STOP_WORDS = new Set(['the', 'and', 'for', 'with', 'was', 'were', 'not', 'but', 'are', 'has', 'had', 'its', 'into', 'from', 'that', 'this', 'when', 'than', 'then', 'all', 'any', 'call', 'calls', 'caller', 'callers', 'agent', 'agents']);

const SUFFIXES = ['ations', 'ation', 'ings', 'ing', 'ions', 'ion', 'ies', 'ied', 'ed', 'es', 's', 'ly'];

/** The key of a focus item in `focusNames`: `metric:7`, `category:12`. */
export function focusKey(kind: 'metric' | 'category', id: number): string {
	return `${kind}:${id}`;
}

/**
 * A hint for each failing metric and critical category in focus that neither the summary nor a changed line (either
 * side) mentions: at least half of its name's words (stemmed, English), or the summary naming it by number ("metric
 * 7"). With no focus chosen (no filter), every failure of the runs that `focusNames` lists is in focus.
 */
export function coverageCheck(summary: string, changes: LineChanges, focus: Focus, focusNames: ReadonlyMap<string, string>): ProposalCheck {
	const kind = 'coverage';
	const keys = focus.workflow_metric_ids.length + focus.category_ids.length
		? [...focus.workflow_metric_ids.map((id) => focusKey('metric', id)), ...focus.category_ids.map((id) => focusKey('category', id))]
		: [...focusNames.keys()];
	if (keys.length === 0) return { kind, ok: true, line: l10n.t('Coverage: no failing metric or critical category was in focus.') };
	const words = stemsOf([summary, ...changes.removed.map((c) => c.text), ...changes.added].join('\n'));
	const missed = keys.filter((key) => !addressed(key, focusNames.get(key), summary, words));
	if (missed.length === 0) {
		return { kind, ok: true, line: keys.length === 1 ? l10n.t('Coverage: the summary or an edit addresses {0}.', label(keys[0], focusNames)) : l10n.t('Coverage: the summary or the edits address all {0} failures in focus.', keys.length) };
	}
	const named = missed.slice(0, NAMED_AT_MOST).map((key) => label(key, focusNames)).join(', ');
	const more = missed.length - NAMED_AT_MOST;
	const line = more > 0 ? l10n.t('Hint: the summary names no change for {0} and {1} more.', named, more) : l10n.t('Hint: the summary names no change for {0}.', named);
	return { kind, ok: false, line };
}

function addressed(key: string, name: string | undefined, summary: string, words: ReadonlySet<string>): boolean {
	const [kind, id] = key.split(':');
	if (/^\d+$/.test(id ?? '') && new RegExp(`\\b${kind === 'metric' ? 'metric' : 'category'}\\s*#?\\s*${id}\\b`, 'i').test(summary)) return true;
	if (!name) return false;
	const all = [...stemsOf(name)];
	const significant = all.filter((w) => !STOP_WORDS.has(w) && (w.length >= 3 || /^\d+$/.test(w)));
	const nameWords = significant.length ? significant : all;
	if (nameWords.length === 0) return false;
	const found = nameWords.filter((w) => words.has(w) || [...words].some((t) => sameWord(w, t))).length;
	return found * 2 >= nameWords.length;
}

/** `'Booking confirmed' (metric 7)`, or `metric 7` when Cekura sent no name. */
function label(key: string, names: ReadonlyMap<string, string>): string {
	const [kind, id] = key.split(':');
	const name = names.get(key);
	if (kind === 'metric') return name ? l10n.t("'{0}' (metric {1})", name, id) : l10n.t('metric {0}', id);
	return name ? l10n.t("'{0}' (category {1})", name, id) : l10n.t('category {0}', id);
}

/** The text's words, lower case, each stripped of one common English suffix. */
function stemsOf(text: string): Set<string> {
	const stems = new Set<string>();
	for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) stems.add(stem(word));
	return stems;
}

function stem(word: string): string {
	if (/^\d+$/.test(word)) return word;
	const suffix = SUFFIXES.find((s) => word.endsWith(s) && word.length - s.length >= 3 && !(s === 's' && word.endsWith('ss')));
	return suffix ? word.slice(0, -suffix.length) : word;
}

/** The same word, give or take an ending: "verifi" and "verify", "emergenc" and "emergency"; numbers exactly. */
function sameWord(a: string, b: string): boolean {
	if (a === b) return true;
	if (/^\d+$/.test(a) || /^\d+$/.test(b)) return false;
	const shorter = Math.min(a.length, b.length);
	if (shorter < 3) return false;
	let common = 0;
	while (common < shorter && a[common] === b[common]) common++;
	return common >= Math.min(5, shorter);
}
