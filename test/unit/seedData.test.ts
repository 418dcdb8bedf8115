import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_API_KEY, startCekuraServer, type CekuraServer } from '../server/cekuraServer';
import { findRun, isFailedBinaryMetric, SEED_RUNS, type EvalMetric, type SeedRun, type TranscriptTurn } from '../server/seedData';

/**
 * The seed's evidence has to look like Cekura's, because grounding a language model in it is tested on it:
 * these are the invariants that grounding relies on.
 */

const FAILED_STATUSES = new Set(['failure', 'reviewed_failure']);
const finished = SEED_RUNS.filter((run) => run.status === 'completed');
const failed = finished.filter((run) => FAILED_STATUSES.has(run.evaluation_status ?? ''));
const passed = finished.filter((run) => !FAILED_STATUSES.has(run.evaluation_status ?? ''));

function seconds(mmss: string): number {
	const match = /^(\d{2}):(\d{2})$/.exec(mmss);
	assert.ok(match, `not mm:ss: ${mmss}`);
	return Number(match[1]) * 60 + Number(match[2]);
}

function isBinary(metric: EvalMetric): boolean {
	return metric.type.startsWith('binary');
}

/** Every `(mm:ss)` a text cites. */
function citedTimes(text: string): string[] {
	return [...text.matchAll(/\((\d{2}:\d{2})\)/g)].map((m) => m[1]);
}

/** The evidence texts of a failed run that may cite moments of the call. */
function citingTexts(run: SeedRun): string[] {
	return [
		...run.evaluation.metrics.filter(isFailedBinaryMetric).flatMap((m) => m.explanation),
		...(run.expected_outcome?.explanation ?? []),
		...run.critical_categories.map((c) => c.feedback),
		run.feedback,
	];
}

function render(turns: readonly TranscriptTurn[]): string {
	return turns.map((turn) => `[${turn.time}] ${turn.role}: ${turn.content}`).join('\n');
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

describe('seed: which runs carry evidence', () => {
	it('has the expected mix of runs', () => {
		assert.equal(SEED_RUNS.length, 40);
		assert.equal(failed.length, 16);
		assert.equal(passed.length, 21);
		assert.deepEqual(SEED_RUNS.filter((run) => run.status !== 'completed').map((run) => [run.id, run.status]), [[5558, 'in_progress'], [5559, 'failed'], [5560, 'in_progress']]);
	});

	it('gives every failed completed run 20 to 60 turns, and every passed one 10 to 20', () => {
		for (const run of failed) {
			const n = run.transcript_object.length;
			assert.ok(n >= 20 && n <= 60, `run ${run.id} has ${n} turns`);
		}
		for (const run of passed) {
			const n = run.transcript_object.length;
			assert.ok(n >= 10 && n <= 20, `run ${run.id} has ${n} turns`);
		}
		assert.ok(median(failed.map((run) => run.transcript_object.length)) >= 20);
	});

	it('gives unfinished runs no transcript or only a few turns, no evaluation and no duration', () => {
		for (const run of SEED_RUNS.filter((r) => r.status !== 'completed')) {
			assert.ok(run.transcript_object.length <= 6, `run ${run.id}`);
			assert.deepEqual(run.evaluation.metrics, []);
			assert.equal(run.expected_outcome, null);
			assert.equal(run.duration, '00:00');
		}
		assert.ok(findRun(5560)?.transcript_object.length, 'an in-progress run shows its first turns');
	});

	it('has both parties in every finished call, and tool turns in many of them', () => {
		for (const run of finished) {
			const roles = new Set(run.transcript_object.map((t) => t.role));
			assert.ok(roles.has('Testing Agent') && roles.has('Main Agent'), `run ${run.id}`);
		}
		const withTools = (runs: SeedRun[]): number => runs.filter((run) => run.transcript_object.some((t) => t.role === 'Function Call')).length;
		assert.ok(withTools(failed) >= 10, `${withTools(failed)} failed runs with tool turns`);
		assert.ok(withTools(passed) >= 15, `${withTools(passed)} passed runs with tool turns`);
		assert.ok(failed.some((run) => !run.transcript_object.some((t) => t.role === 'Function Call')), 'some failed calls use no tools');
	});
});

describe('seed: transcripts', () => {
	it('has the transcript text agree with transcript_object, line for line', () => {
		for (const run of SEED_RUNS) {
			assert.equal(run.transcript, render(run.transcript_object), `run ${run.id}`);
		}
	});

	it('has times that increase, turns that do not overlap, and `time` as the mm:ss of `start_time`', () => {
		for (const run of SEED_RUNS) {
			let previousEnd = 0;
			for (const [i, turn] of run.transcript_object.entries()) {
				const where = `run ${run.id} turn ${i}`;
				assert.ok(turn.start_time > 0 && turn.end_time > turn.start_time, where);
				assert.ok(turn.start_time >= previousEnd, `${where} starts at ${turn.start_time}, before the previous turn ended at ${previousEnd}`);
				assert.equal(seconds(turn.time), Math.floor(turn.start_time), where);
				previousEnd = turn.end_time;
			}
		}
	});

	it('ends every finished call within its duration', () => {
		for (const run of finished) {
			const last = run.transcript_object[run.transcript_object.length - 1];
			assert.ok(last.end_time <= seconds(run.duration), `run ${run.id} ends at ${last.end_time} s, duration ${run.duration}`);
		}
	});

	it('pairs every Function Call with its Function Call Result, both with data, and gives spoken turns no data', () => {
		for (const run of SEED_RUNS) {
			const turns = run.transcript_object;
			for (const [i, turn] of turns.entries()) {
				const where = `run ${run.id} turn ${i}`;
				if (turn.role === 'Function Call') {
					const result = turns[i + 1];
					assert.equal(result?.role, 'Function Call Result', where);
					assert.equal(typeof turn.data?.name, 'string', where);
					assert.equal(result.data?.name, turn.data?.name, where);
					assert.equal(turn.content, JSON.stringify({ name: turn.data?.name, arguments: turn.data?.arguments }), where);
					assert.equal(result.content, JSON.stringify(result.data?.result), where);
				} else if (turn.role === 'Function Call Result') {
					assert.equal(turns[i - 1]?.role, 'Function Call', where);
				} else {
					assert.equal(turn.data, undefined, where);
					assert.ok(turn.content.trim().length > 0, where);
				}
			}
		}
	});

	it('keeps run 5546 as documented: its first two turns, and the agent ending the call at 01:58', () => {
		const run = findRun(5546) as SeedRun;
		assert.deepEqual(run.transcript_object.slice(0, 2), [
			{ role: 'Testing Agent', time: '00:01', content: 'Hi, I need to move my cleaning.', start_time: 1.2, end_time: 2.9 },
			{ role: 'Main Agent', time: '00:03', content: 'Sure, what day works?', start_time: 3.1, end_time: 4.0 },
		]);
		assert.equal(run.duration, '02:14');
		const agentTurns = run.transcript_object.filter((t) => t.role === 'Main Agent');
		const goodbye = agentTurns[agentTurns.length - 1];
		assert.equal(goodbye.time, '01:58');
		assert.match(goodbye.content, /goodbye/i);
		assert.deepEqual(run.expected_outcome?.explanation, ['❌ Agent ended the call before confirming the new slot (01:58).']);
		assert.equal(run.evaluation.metrics[0].explanation[0], 'The agent never read back the new appointment time.');
	});
});

describe('seed: evaluation evidence', () => {
	it('gives every binary metric eval_type "binary" and a `passed` that agrees with its 5/0 score', () => {
		for (const run of SEED_RUNS) {
			for (const metric of run.evaluation.metrics.filter(isBinary)) {
				const where = `run ${run.id} metric ${metric.id}`;
				assert.equal(metric.type, 'binary_workflow_adherence', where);
				assert.equal(metric.eval_type, 'binary', where);
				if (metric.score === null) {
					assert.equal(metric.passed, null, where);
					assert.equal(metric.extra.trigger_failed, true, where);
				} else {
					assert.ok(metric.score === 5 || metric.score === 0, where);
					assert.equal(metric.passed, metric.score === 5, where);
				}
			}
			for (const metric of run.evaluation.metrics.filter((m) => !isBinary(m))) {
				assert.equal(metric.eval_type, undefined, `run ${run.id} metric ${metric.id}`);
				assert.equal(metric.passed, undefined, `run ${run.id} metric ${metric.id}`);
			}
		}
	});

	it('fails a run exactly when one of its binary metrics failed', () => {
		for (const run of finished) {
			assert.equal(run.evaluation.metrics.some(isFailedBinaryMetric), FAILED_STATUSES.has(run.evaluation_status ?? ''), `run ${run.id}`);
		}
	});

	it('explains every binary metric, and cites a moment of the call in every failing one', () => {
		for (const run of finished) {
			for (const metric of run.evaluation.metrics.filter(isBinary)) {
				const where = `run ${run.id} metric ${metric.id}`;
				assert.ok(metric.explanation.length > 0 && metric.explanation.every((e) => e.trim().length > 0), where);
				if (isFailedBinaryMetric(metric)) {
					assert.equal(metric.passed, false, where);
					assert.ok(metric.explanation.some((e) => citedTimes(e).length > 0), `${where} cites no (mm:ss)`);
				}
			}
		}
	});

	it('cites only moments within the call, each at the start of a turn', () => {
		let cited = 0;
		for (const run of SEED_RUNS) {
			for (const text of citingTexts(run)) {
				for (const time of citedTimes(text)) {
					cited++;
					const at = seconds(time);
					const where = `run ${run.id} cites (${time}) in "${text}"`;
					assert.ok(at <= seconds(run.duration), where);
					assert.ok(run.transcript_object.some((turn) => Math.abs(turn.start_time - at) <= 2), `${where}: no turn near it`);
				}
			}
		}
		assert.ok(cited >= 50, `${cited} cited moments`);
	});

	it('leaves no unresolved {moment} placeholders anywhere', () => {
		assert.doesNotMatch(JSON.stringify(SEED_RUNS), /\{[A-Za-z]\w*\}/);
	});

	it('explains every expected outcome, and quotes the expected outcome prompt in every prompt_part', () => {
		for (const run of finished) {
			const outcome = run.expected_outcome;
			assert.ok(outcome, `run ${run.id}`);
			assert.ok(outcome.explanation.length > 0, `run ${run.id}`);
			assert.ok(outcome.outcome_alignments.length > 0, `run ${run.id}`);
			for (const alignment of outcome.outcome_alignments) {
				assert.ok(run.expected_outcome_prompt.includes(alignment.prompt_part), `run ${run.id}: "${alignment.prompt_part}"`);
			}
			const failing = FAILED_STATUSES.has(run.evaluation_status ?? '');
			assert.equal(outcome.outcome_alignments.some((a) => !a.aligned), failing, `run ${run.id}`);
			if (failing) assert.ok(citedTimes(outcome.explanation.join(' ')).length > 0, `run ${run.id} outcome cites no (mm:ss)`);
		}
	});

	it('keeps categories a human marked wrong or "not a bug", with the reviewer\'s feedback', () => {
		const categories = SEED_RUNS.flatMap((run) => run.critical_categories.map((c) => ({ run: run.id, ...c })));
		const wrong = categories.filter((c) => c.wrongly_marked);
		assert.ok(wrong.length >= 2, 'wrongly_marked categories');
		assert.ok(wrong.some((c) => c.run === 5547), 'run 5547 (used with 5546 in the improve tests) has one');
		assert.ok(wrong.every((c) => c.feedback.length > 0), 'a wrongly marked category says why');
		assert.ok(categories.some((c) => c.priority === 'not_a_bug'), 'a not_a_bug category');
		assert.ok(categories.filter((c) => c.feedback.length > 0).length >= 8, 'reviewers wrote feedback on several categories');
	});

	it('gives error_message only to runs whose call failed, with the cause', () => {
		for (const run of SEED_RUNS) {
			const infrastructure = run.status === 'failed' || run.status === 'timeout';
			assert.equal(run.error_message.length > 0, infrastructure, `run ${run.id}`);
		}
		const failedCall = findRun(5559) as SeedRun;
		assert.match(failedCall.error_message, /^SIP 486 Busy Here: /);
		assert.deepEqual(failedCall.transcript_object, []);
	});
});

describe('seed over HTTP', () => {
	let server: CekuraServer;
	before(async () => {
		server = await startCekuraServer();
	});
	after(async () => {
		await server.close();
	});

	async function get(pathAndQuery: string): Promise<unknown> {
		const response = await fetch(server.url + pathAndQuery, { headers: { 'X-CEKURA-API-KEY': DEMO_API_KEY } });
		assert.equal(response.status, 200);
		return response.json();
	}

	it('returns the failed runs with all their evidence from bulk', async () => {
		const ids = failed.map((run) => run.id);
		const runs = (await get(`/test_framework/v2/runs/bulk/?run_ids=${ids.join(',')}`)) as SeedRun[];
		assert.deepEqual(runs.map((run) => run.id), ids);
		for (const run of runs) {
			assert.deepEqual(run, JSON.parse(JSON.stringify(findRun(run.id))));
			assert.ok(run.transcript_object.length >= 20);
			assert.ok(run.transcript_object.every((turn) => turn.role !== 'Function Call' || typeof turn.data === 'object'));
			assert.ok(run.evaluation.metrics.some((m) => m.eval_type === 'binary' && m.passed === false));
		}
	});

	it('keeps transcripts and evaluations out of the list view', async () => {
		const page = (await get('/test_framework/v2/runs/?page_size=100')) as { results: Array<Record<string, unknown>> };
		assert.equal(page.results.length, 40);
		for (const item of page.results) {
			for (const key of ['transcript', 'transcript_object', 'evaluation', 'feedback', 'scenario_instructions']) {
				assert.equal(key in item, false, `run ${String(item.id)} lists ${key}`);
			}
			for (const metric of item.metrics as Array<Record<string, unknown>>) {
				assert.deepEqual(Object.keys(metric), ['id', 'name', 'type', 'score']);
			}
		}
	});
});
