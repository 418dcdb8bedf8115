import type { RunListItem } from '../../src/core/apiTypes';

/** Pages of runs with repeated ids, equal timestamps, missing and invalid ones, failed and passed runs. */
export function runPages(pages: number, perPage: number, seed = 3): RunListItem[][] {
	const random = (n: number): number => {
		seed = (seed * 1103515245 + 12345) % 2 ** 31;
		return seed % n;
	};
	const timestamp = (): string | null => {
		const r = random(20);
		if (r === 0) return null;
		if (r === 1) return 'not a date';
		return new Date(Date.UTC(2026, 7, 1 + random(10), random(3))).toISOString();
	};
	return Array.from({ length: pages }, () =>
		Array.from({ length: perPage }, () => ({
			id: 1 + random(pages * perPage),
			status: 'completed',
			evaluation_status: random(3) === 0 ? 'failure' : 'success',
			success: true,
			timestamp: timestamp(),
		})),
	);
}
