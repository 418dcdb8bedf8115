import * as l10n from '@vscode/l10n';
/** Cekura's improve_prompt accepts at most this many runs (`run_ids` has `maxItems: 3`). */
export const MAX_RUNS = 3;

/** More entries than this are refused before any is checked: a paste of thousands is not a choice of runs. */
const MAX_ENTRIES = 100;

type RunIdsParse = { ok: true; ids: number[] } | { ok: false; message: string };

/** Parses what a person types for run IDs: "12, 34 56", "#12;34", newlines. Duplicates are dropped, order kept. */
export function parseRunIds(text: string): RunIdsParse {
	const tokens = text
		.split(/[\s,;]+/)
		.map((t) => t.replace(/^#/, ''))
		.filter((t) => t.length > 0);
	if (tokens.length === 0) {
		return { ok: false, message: l10n.t('Enter at least one run ID, for example 5546, 5547.') };
	}
	if (tokens.length > MAX_ENTRIES) {
		return { ok: false, message: l10n.t('At most {0} runs can be used at once; you entered {1}.', MAX_RUNS, tokens.length) };
	}
	const ids = new Set<number>();
	for (const token of tokens) {
		if (!/^\d+$/.test(token) || Number(token) < 1 || !Number.isSafeInteger(Number(token))) {
			const shown = token.length > 40 ? `${token.slice(0, 40)}…` : token;
			return { ok: false, message: l10n.t('"{0}" is not a run ID: run IDs are positive whole numbers.', shown) };
		}
		ids.add(Number(token));
	}
	if (ids.size > MAX_RUNS) {
		return { ok: false, message: l10n.t('At most {0} runs can be used at once; you entered {1}.', MAX_RUNS, ids.size) };
	}
	return { ok: true, ids: [...ids] };
}

export function formatRunIds(ids: readonly number[]): string {
	return ids.join(', ');
}
