/** Cekura's improve_prompt accepts at most this many runs (`run_ids` has `maxItems: 3`). */
export const MAX_RUNS = 3;

export type RunIdsParse = { ok: true; ids: number[] } | { ok: false; message: string };

/** Parses what a person types for run IDs: "12, 34 56", "#12;34", newlines. Duplicates are dropped, order kept. */
export function parseRunIds(text: string): RunIdsParse {
	const tokens = text
		.split(/[\s,;]+/)
		.map((t) => t.replace(/^#/, ''))
		.filter((t) => t.length > 0);
	if (tokens.length === 0) {
		return { ok: false, message: 'Enter at least one run ID, for example 5546, 5547.' };
	}
	const ids: number[] = [];
	for (const token of tokens) {
		if (!/^\d+$/.test(token) || Number(token) < 1 || !Number.isSafeInteger(Number(token))) {
			return { ok: false, message: `"${token}" is not a run ID: run IDs are positive whole numbers.` };
		}
		const id = Number(token);
		if (!ids.includes(id)) ids.push(id);
	}
	if (ids.length > MAX_RUNS) {
		return { ok: false, message: `At most ${MAX_RUNS} runs can be used at once; you entered ${ids.length}.` };
	}
	return { ok: true, ids };
}

export function formatRunIds(ids: readonly number[]): string {
	return ids.join(', ');
}
