/**
 * What every fault-suite case file shares: the keys the suite plants, what it counts across cases, and the shape of a
 * case. A case file exports a function returning its `FaultCase`s; `run-faults.ts` lists those functions.
 */

export const KEY = 'ck_live_Fault/Key+2026=x';
export const MODEL_KEY = 'sk-proj-Fault/Model+Key';

/** What the summary line counts; each must stay 0. */
export interface Observed {
	keyShown: number;
	keySentElsewhere: number;
	filesCorrupted: number;
	unhandledRejections: number;
}
export const observed: Observed = { keyShown: 0, keySentElsewhere: 0, filesCorrupted: 0, unhandledRejections: 0 };

/** A piece of a key this long or longer gives too much of it away (a message cut in the middle of the key). */
const FRAGMENT = 10;

function keyForms(key: string): string[] {
	return [key, encodeURIComponent(key), encodeURIComponent(encodeURIComponent(key))].map((f) => f.toLowerCase());
}
function fragments(form: string): string[] {
	return Array.from({ length: Math.max(1, form.length - FRAGMENT + 1) }, (_, i) => form.slice(i, i + FRAGMENT));
}
const KEY_FRAGMENTS = [...new Set([...keyForms(KEY), ...keyForms(MODEL_KEY)].flatMap(fragments))];

/** Whether `text` holds either key, in any of its encoded forms, or a fragment of it of 10 characters or more. */
export function showsKey(text: string): boolean {
	const lower = text.toLowerCase();
	return KEY_FRAGMENTS.some((fragment) => lower.includes(fragment));
}

/** Counts a key found in what would be shown, and says so. */
export function keyShownIn(what: string, text: string): string | undefined {
	if (!showsKey(text)) return undefined;
	observed.keyShown++;
	return `the key is in ${what}`;
}

/** Counts a corrupted file, and says how. */
export function corrupted(how: string): string {
	observed.filesCorrupted++;
	return how;
}

/**
 * One case: a bad input, a hostile server or an extreme size. `check()` resolves undefined when the case got a clear
 * answer (or went through unchanged), else what went wrong. Counters of `observed` are raised by the check itself
 * (through `keyShownIn` and `corrupted`).
 */
export interface FaultCase {
	name: string;
	check(): string | undefined | Promise<string | undefined>;
}
