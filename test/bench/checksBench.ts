import { performance } from 'node:perf_hooks';
import { NO_FOCUS } from '../../src/improve/core/focusOptions';
import { checkProposal, checkProposalInSlices } from '../../src/improve/core/proposalChecks';
import { bigProposals, promptOfSize } from '../support/bigProposals';
import { measureSlices } from './measureSlices';
import { median } from './median';

/** A bench row, as `bench.ts` prints it. */
interface ChecksRow {
	what: string;
	goal: string;
	values: number[];
	unit: 'ms';
	judge: 'max';
	limit: number;
	note: string;
}

const NAMES = new Map([['metric:7', 'Booking confirmed'], ['metric:8', 'Verified caller identity'], ['category:311', 'Ends call before confirming booking']]);

const input = (original: string, proposed: string): Parameters<typeof checkProposal>[0] => ({ original, proposed, summary: 'Added a rule to confirm bookings.', focus: NO_FOCUS, focusNames: NAMES, growthBudgetPercent: 25 });

function inOneGo(original: string, proposed: string): number {
	const started = performance.now();
	checkProposal(input(original, proposed));
	return performance.now() - started;
}

/**
 * The checks of a proposal (`checkProposalInSlices`), made while its review opens, in slices with turns of the event
 * loop between them: a 30 KB prompt (the longest real ones) with 3 small changes, and each shape of a 1 MB proposal.
 * The figure is the longest slice (the longest the extension host's event loop was blocked), against the suite's
 * stall bound; the note gives the total time and the time in one go (`checkProposal`, as before).
 */
export async function proposalChecksRows(): Promise<ChecksRow[]> {
	const prompt = promptOfSize(30 * 1024);
	const lines = prompt.split('\n');
	const three = lines.map((l, i) => (i % 250 === 100 ? `${l} Always confirm the booking.` : l)).join('\n');
	const shapes = [{ name: '30 KB, 3 lines changed', original: prompt, improved: three }, ...bigProposals(1024 * 1024).map((s) => ({ ...s, name: `1 MB, ${s.name}` }))];
	const rows: ChecksRow[] = [];
	for (const { name, original, improved } of shapes) {
		inOneGo(original, improved);
		const runs: Awaited<ReturnType<typeof measureSlices>>[] = [];
		for (let i = 0; i < 5; i++) runs.push(await measureSlices((pause) => checkProposalInSlices(input(original, improved), { pause })));
		const whole = Array.from({ length: 5 }, () => inOneGo(original, improved));
		rows.push({
			what: `checks of a proposal, ${name}, longest slice`,
			goal: 'no stall > 50 ms',
			values: runs.map((r) => r.longest),
			unit: 'ms',
			judge: 'max',
			limit: 50,
			note: `n=5; longest slice on the CPU ${Math.max(...runs.map((r) => r.longestCpu)).toFixed(1)} ms; ${median(runs.map((r) => r.slices))} slices, ${median(runs.map((r) => r.total)).toFixed(0)} ms in all; in one go ${median(whole).toFixed(1)} ms median, ${Math.max(...whole).toFixed(1)} ms max`,
		});
	}
	return rows;
}
