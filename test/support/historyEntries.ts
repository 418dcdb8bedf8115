import type { HistoryEntry } from '../../src/core/history';

/** A history entry of a small proposal for `agent.md` from run 5546, with `extra` over it. */
export function historyEntry(id: string, time: number, extra: Partial<HistoryEntry> = {}): HistoryEntry {
	return {
		id,
		time,
		source: { uri: 'file:///w/agent.md', name: 'agent.md', startLine: 3, endLine: 6, start: 10, end: 40 },
		runIds: [5546],
		author: 'Cekura',
		summary: 'Added a rule.',
		warnings: [],
		stats: '+1 −0 lines',
		original: 'Be kind.',
		originalRaw: 'Be kind.',
		encoding: 'plain text',
		proposed: 'Be kind. Confirm the booking.',
		current: 'Be kind. Confirm the booking.',
		outcome: 'open',
		...extra,
	};
}
