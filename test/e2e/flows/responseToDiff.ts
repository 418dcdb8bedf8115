import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where UI flows leave the times from an improve answer to its review diff on screen, for `npm run bench`. */
export const RESPONSE_TO_DIFF_FILE = path.join('test-results', 'e2e', 'response-to-diff.json');

/**
 * Records how long the workbench took from the moment the server finished sending the proposal (`answeredAt`) to
 * the review diff being visible: both clocks are this process's (the servers run in it).
 */
export function recordResponseToDiff(shotsDir: string, answeredAt: number | undefined, visibleAt: number, flow: string): number | undefined {
	if (answeredAt === undefined) return undefined;
	const file = path.join(shotsDir, path.basename(RESPONSE_TO_DIFF_FILE));
	const samples = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { flow: string; ms: number }[]) : [];
	const ms = visibleAt - answeredAt;
	samples.push({ flow, ms });
	fs.writeFileSync(file, `${JSON.stringify(samples, null, '\t')}\n`);
	return ms;
}
