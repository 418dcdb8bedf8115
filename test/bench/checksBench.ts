import { performance } from 'node:perf_hooks';
import { NO_FOCUS } from '../../src/improve/core/focusOptions';
import { checkProposal } from '../../src/improve/core/proposalChecks';
import { bigProposals, promptOfSize } from '../support/bigProposals';

/** A bench row, as `bench.ts` prints it. */
interface ChecksRow {
	what: string;
	goal: string;
	values: number[];
	unit: 'ms';
	judge: 'max';
	limit: number;
}

const NAMES = new Map([['metric:7', 'Booking confirmed'], ['metric:8', 'Verified caller identity'], ['category:311', 'Ends call before confirming booking']]);

function timed(original: string, proposed: string): number {
	const started = performance.now();
	checkProposal({ original, proposed, summary: 'Added a rule to confirm bookings.', focus: NO_FOCUS, focusNames: NAMES, growthBudgetPercent: 25 });
	return performance.now() - started;
}

/**
 * The checks of a proposal (`checkProposal`) run in one go before its review opens: a 30 KB prompt (the longest real
 * ones) with 3 small changes, and each shape of a 1 MB proposal. The goal is the suite's stall bound.
 */
export function proposalChecksRows(): ChecksRow[] {
	const prompt = promptOfSize(30 * 1024);
	const lines = prompt.split('\n');
	const three = lines.map((l, i) => (i % 250 === 100 ? `${l} Always confirm the booking.` : l)).join('\n');
	const shapes = [{ name: '30 KB, 3 lines changed', original: prompt, improved: three }, ...bigProposals(1024 * 1024).map((s) => ({ ...s, name: `1 MB, ${s.name}` }))];
	return shapes.map(({ name, original, improved }) => {
		timed(original, improved);
		return { what: `checks of a proposal, ${name}, in one go`, goal: '≤ 50 ms', values: Array.from({ length: 5 }, () => timed(original, improved)), unit: 'ms', judge: 'max', limit: 50 };
	});
}
