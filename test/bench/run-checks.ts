import * as os from 'node:os';
import { proposalChecksRows } from './checksBench';

/** `npm run bench:checks`: only the rows of the proposal's checks, without packaging the extension first. */
async function main(): Promise<void> {
	console.log(`Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
	console.log('| what | goal | min / median / max | ok? |\n|---|---|---|---|');
	for (const row of await proposalChecksRows()) {
		const sorted = [...row.values].sort((a, b) => a - b);
		const [min, median, max] = [sorted[0], sorted[Math.floor(sorted.length / 2)], sorted[sorted.length - 1]].map((v) => `${v.toFixed(2)} ms`);
		console.log(`| ${row.what} (${row.note}) | ${row.goal} | ${min} / ${median} / ${max} | ${Math.max(...row.values) <= row.limit ? 'yes' : 'NO'} |`);
	}
}

main().catch((err: unknown) => {
	console.error(err);
	process.exitCode = 1;
});
