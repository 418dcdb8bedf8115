import * as l10n from '@vscode/l10n';
import type { Focus } from '../../../core/focus';
import type { ProposalCheck } from '../../../core/proposal';
import { matchSteps, toEnd, type Steps } from '../steps';
import type { LineChanges } from './lineChanges';

/**
 * How much of the changed lines is searched for the failures' names: ten times the longest real prompts (30 KB), so
 * only a rewrite of a huge prompt is cut, which keeps the check within a few ms before the review opens.
 */
const MAX_CHANGED_CHARS = 300_000;

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
	return toEnd(coverageCheckSteps(summary, changes, focus, focusNames));
}

export function* coverageCheckSteps(summary: string, changes: LineChanges, focus: Focus, focusNames: ReadonlyMap<string, string>): Steps<ProposalCheck> {
	const kind = 'coverage';
	const keys = focus.workflow_metric_ids.length + focus.category_ids.length
		? [...focus.workflow_metric_ids.map((id) => focusKey('metric', id)), ...focus.category_ids.map((id) => focusKey('category', id))]
		: [...focusNames.keys()];
	if (keys.length === 0) return { kind, ok: true, line: l10n.t('Coverage: no failing metric or critical category was in focus.') };
	const changed = yield* changedText(changes);
	const words = yield* WordIndex.of(yield* stemSteps(`${summary}\n${changed}`));
	const missed: string[] = [];
	for (const key of keys) {
		if (!addressed(key, focusNames.get(key), summary, words)) missed.push(key);
		yield;
	}
	if (missed.length === 0) {
		return { kind, ok: true, line: keys.length === 1 ? l10n.t('Coverage: the summary or an edit addresses {0}.', label(keys[0], focusNames)) : l10n.t('Coverage: the summary or the edits address all {0} failures in focus.', keys.length) };
	}
	const named = missed.slice(0, NAMED_AT_MOST).map((key) => label(key, focusNames)).join(', ');
	const more = missed.length - NAMED_AT_MOST;
	const line = more > 0 ? l10n.t('Hint: the summary names no change for {0} and {1} more.', named, more) : l10n.t('Hint: the summary names no change for {0}.', named);
	return { kind, ok: false, line };
}

function addressed(key: string, name: string | undefined, summary: string, words: WordIndex): boolean {
	const [kind, id] = key.split(':');
	if (/^\d+$/.test(id ?? '') && new RegExp(`\\b${kind === 'metric' ? 'metric' : 'category'}\\s*#?\\s*${id}\\b`, 'i').test(summary)) return true;
	if (!name) return false;
	const all = [...stemsOf(name)];
	const significant = all.filter((w) => !STOP_WORDS.has(w) && (w.length >= 3 || /^\d+$/.test(w)));
	const nameWords = significant.length ? significant : all;
	if (nameWords.length === 0) return false;
	const found = nameWords.filter((w) => words.has(w)).length;
	return found * 2 >= nameWords.length;
}

/** `'Booking confirmed' (metric 7)`, or `metric 7` when Cekura sent no name. */
function label(key: string, names: ReadonlyMap<string, string>): string {
	const [kind, id] = key.split(':');
	const name = names.get(key);
	if (kind === 'metric') return name ? l10n.t("'{0}' (metric {1})", name, id) : l10n.t('metric {0}', id);
	return name ? l10n.t("'{0}' (category {1})", name, id) : l10n.t('category {0}', id);
}

/** The changed lines (removed, then added) joined by line breaks, up to `MAX_CHANGED_CHARS`. */
function* changedText(changes: LineChanges): Steps<string> {
	const parts: string[] = [];
	let length = -1;
	for (const text of [...changes.removed.map((c) => c.text), ...changes.added]) {
		if (length >= MAX_CHANGED_CHARS) break;
		parts.push(text);
		length += text.length + 1;
		if (parts.length % 1024 === 0) yield;
	}
	return parts.join('\n').slice(0, MAX_CHANGED_CHARS);
}

const WORDS = /[\p{L}\p{N}]+/gu;

/** The text's words, lower case, each stripped of one common English suffix. */
function stemsOf(text: string): Set<string> {
	return toEnd(stemSteps(text));
}

function* stemSteps(text: string): Steps<Set<string>> {
	// Each distinct word stemmed once: a long text repeats most of its words.
	const stems = new Set<string>();
	const words = new Set(yield* matchSteps(WORDS, text.toLowerCase()));
	yield;
	let done = 0;
	for (const word of words) {
		stems.add(stem(word));
		if (++done % 1024 === 0) yield;
	}
	return stems;
}

function stem(word: string): string {
	if (/^\d+$/.test(word)) return word;
	const suffix = SUFFIXES.find((s) => word.endsWith(s) && word.length - s.length >= 3 && !(s === 's' && word.endsWith('ss')));
	return suffix ? word.slice(0, -suffix.length) : word;
}

/**
 * The words of a text, to find the same word give or take an ending: two words match when they are equal, or the
 * shorter has at least 3 letters and both begin with the same 5 letters (or all of the shorter one's): "verifi" and
 * "verify", "emergenc" and "emergency", "book" and "booking"; numbers only exactly. Looked up by prefix, not compared
 * word by word: a proposal that rewrites a 1 MB prompt has tens of thousands of words.
 */
class WordIndex {
	private constructor(
		private readonly words: ReadonlySet<string>,
		/** Each word's first 3, 4 and 5 letters. */
		private readonly prefixes: ReadonlySet<string>,
	) {}

	static *of(words: ReadonlySet<string>): Steps<WordIndex> {
		const prefixes = new Set<string>();
		let done = 0;
		for (const word of words) {
			if (++done % 1024 === 0) yield;
			if (/^\d+$/.test(word)) continue;
			for (let n = 3; n <= Math.min(5, word.length); n++) prefixes.add(word.slice(0, n));
		}
		return new WordIndex(words, prefixes);
	}

	has(word: string): boolean {
		if (this.words.has(word)) return true;
		if (/^\d+$/.test(word) || word.length < 3) return false;
		// A longer or equal word of the text that begins like this one.
		if (this.prefixes.has(word.slice(0, 5))) return true;
		// A shorter word of the text (3 or 4 letters) that this one begins with.
		return this.words.has(word.slice(0, 3)) || (word.length > 4 && this.words.has(word.slice(0, 4)));
	}
}
