import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import nodeFetch from 'node-fetch';
import { anchor } from '../../src/core/anchoring';
import { CekuraClient } from '../../src/core/cekuraClient';
import { diffStats } from '../../src/core/diffStats';
import type { FetchLike } from '../../src/core/httpTypes';
import { buildModelRequest, charBudget } from '../../src/core/modelPrompt';
import { dentalTranscript, rescheduleRun, transcriptText } from '../support/runFixtures';
import { DEMO_API_KEY, startCekuraServer } from '../server/cekuraServer';

/**
 * `npm run bench`: prints timings and memory figures. Nothing here asserts a number; compare runs by eye
 * (or by diffing the output) on the same machine.
 */
const fetch: FetchLike = (url, init) => nodeFetch(url, init);

function measure(name: string, iterations: number, fn: () => void): void {
	fn();
	const times: number[] = [];
	for (let i = 0; i < iterations; i++) {
		const start = performance.now();
		fn();
		times.push(performance.now() - start);
	}
	report(name, times);
}

async function measureAsync(name: string, iterations: number, fn: () => Promise<unknown>): Promise<void> {
	await fn();
	const times: number[] = [];
	for (let i = 0; i < iterations; i++) {
		const start = performance.now();
		await fn();
		times.push(performance.now() - start);
	}
	report(name, times);
}

function report(name: string, times: number[]): void {
	const sorted = [...times].sort((a, b) => a - b);
	const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
	const mean = times.reduce((a, b) => a + b, 0) / times.length;
	console.log(`${name.padEnd(52)} n=${String(times.length).padStart(4)}  mean ${mean.toFixed(3).padStart(8)} ms  p50 ${at(0.5).toFixed(3).padStart(8)} ms  p95 ${at(0.95).toFixed(3).padStart(8)} ms`);
}

function prompt(lines: number): string {
	const sentences = ['Greet the caller warmly.', 'Ask for the full name and date of birth.', 'Keep calls short.', 'Never give medical advice.', 'Offer the first two free slots.'];
	return Array.from({ length: lines }, (_, i) => `${i % 20 === 0 ? `## Section ${i / 20}\n` : ''}${sentences[i % sentences.length]} (rule ${i})`).join('\n');
}

function improved(text: string): string {
	return text.replace(/Keep calls short\./g, 'Keep calls short, but confirm every booking before ending the call.') + '\n\n## Rules learned from test runs\n- Read back the date and time.\n';
}

function mib(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

async function main(): Promise<void> {
	const root = path.resolve(__dirname, '..', '..', '..');
	console.log(`Node ${process.version}, ${process.platform}/${process.arch}\n`);

	for (const file of ['dist/extension.js', 'dist/cekura-prompt-improver.vsix']) {
		const full = path.join(root, file);
		console.log(`${file.padEnd(52)} ${fs.existsSync(full) ? `${(fs.statSync(full).size / 1024).toFixed(1)} KiB` : 'missing (npm run package)'}`);
	}
	console.log('');

	for (const lines of [40, 400, 4000]) {
		const original = prompt(lines);
		const proposal = improved(original);
		measure(`diffStats, ${lines}-line prompt (${(original.length / 1024).toFixed(0)} KiB)`, lines > 1000 ? 20 : 200, () => diffStats(original, proposal));
	}
	const document = `${prompt(20000)}\n${prompt(40)}\n${prompt(20000)}`;
	const needle = prompt(40);
	measure(`anchor without tracking, ${(document.length / 1024 / 1024).toFixed(1)} MiB document`, 50, () => anchor(document, needle, undefined, document.length / 2));

	// Evidence for a model engine: 3 runs with 200-turn transcripts, into a 128k-token budget and into an 8k one.
	const runs = [5546, 5547, 5548].map((id) => {
		const turns = dentalTranscript(200);
		return rescheduleRun({ id, transcript_object: turns, transcript: transcriptText(turns) });
	});
	const focus = { workflow_metric_ids: [7], category_ids: [311] };
	const text = prompt(40);
	await measureAsync('evidence + model request, 3 runs × 200 turns (goal p50 ≤ 20 ms)', 50, () => buildModelRequest({ prompt: text, runs, focus }, charBudget(128_000)));
	await measureAsync('  same, trimmed into an 8k-token window', 50, () => buildModelRequest({ prompt: text, runs, focus }, charBudget(8_000)));
	console.log('');

	const server = await startCekuraServer();
	try {
		const client = new CekuraClient({ baseUrl: server.url, apiKey: DEMO_API_KEY, fetch, improveTimeoutMs: 10_000 });
		const signal = new AbortController().signal;
		await measureAsync('listRuns (page of 50) over loopback', 200, () => client.listRuns({ pageSize: 50 }, signal));
		await measureAsync('bulkRuns (3 runs) over loopback', 200, () => client.bulkRuns([5546, 5545, 5544], signal));
		await measureAsync('improvePrompt (40-line prompt) over loopback', 200, () => client.improvePrompt({ prompt: text, run_ids: [5546] }, signal));

		global.gc?.();
		const before = process.memoryUsage();
		for (let i = 0; i < 1000; i++) await client.improvePrompt({ prompt: text, run_ids: [5546] }, signal);
		global.gc?.();
		const after = process.memoryUsage();
		console.log(`\nmemory after 1000 improve requests: heapUsed ${mib(before.heapUsed)} → ${mib(after.heapUsed)}, rss ${mib(before.rss)} → ${mib(after.rss)}${global.gc ? '' : ' (run with --expose-gc for settled figures)'}`);
	} finally {
		await server.close();
	}
}

main().catch((err: unknown) => {
	console.error(err);
	process.exitCode = 1;
});
