import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Run, RunListItem } from '../../src/core/apiTypes';
import { focusIds, focusOptionsOf } from '../../src/core/focusOptions';
import { isFailedRun, orderRunsForPicking, runPickView } from '../../src/core/runSummary';

const run = (over: Partial<RunListItem> & { id: number }): RunListItem => ({ status: 'completed', evaluation_status: 'success', success: true, ...over });

test('a run failed when its evaluation failed or it could not run', () => {
	assert.equal(isFailedRun(run({ id: 1, evaluation_status: 'failure', success: false })), true);
	assert.equal(isFailedRun(run({ id: 2, evaluation_status: 'reviewed_failure' })), true);
	assert.equal(isFailedRun(run({ id: 3, evaluation_status: null, status: 'failed', success: false })), true);
	assert.equal(isFailedRun(run({ id: 4 })), false);
	assert.equal(isFailedRun(run({ id: 5, evaluation_status: null, status: 'in_progress', success: false })), false);
	assert.equal(isFailedRun(run({ id: 6, evaluation_status: 'reviewed_success', success: false })), false);
});

test('orders failed runs first, newest first in each group', () => {
	const runs = [
		run({ id: 1, timestamp: '2026-08-01T10:00:00Z' }),
		run({ id: 2, timestamp: '2026-08-03T10:00:00Z', evaluation_status: 'failure' }),
		run({ id: 3, timestamp: '2026-08-05T10:00:00Z' }),
		run({ id: 4, timestamp: '2026-08-02T10:00:00Z', evaluation_status: 'failure' }),
	];
	const { failed, other } = orderRunsForPicking(runs);
	assert.deepEqual(failed.map((r) => r.id), [2, 4]);
	assert.deepEqual(other.map((r) => r.id), [3, 1]);
});

test('a pick item shows the id, scenario, outcome, status, duration, agent and time', () => {
	const view = runPickView(
		run({ id: 5546, scenario_name: 'Reschedule cleaning', evaluation_status: 'failure', duration: '02:14', agent_name: 'Dental Front Desk', timestamp: '2026-08-12T10:02:11Z' }),
	);
	assert.equal(view.label, '#5546 Reschedule cleaning');
	assert.equal(view.description, 'Failed · completed · 02:14');
	assert.equal(view.detail, 'Dental Front Desk · 2026-08-12 10:02 UTC');
	assert.equal(view.failed, true);
});

test('focus options: failed binary workflow metrics and real critical categories, merged across runs', () => {
	const runs: Run[] = [
		{
			id: 1,
			evaluation: {
				metrics: [
					{ id: 7, name: 'Booking confirmed', type: 'binary_workflow_adherence', score: 0 },
					{ id: 8, name: 'Identity verified', type: 'binary_workflow_adherence', score: 5 },
					{ id: 33, name: 'Latency', type: 'numeric', score: 0 },
					{ id: 9, name: 'Alternative offered', eval_type: 'binary', passed: false },
				],
			},
			critical_categories: [
				{ category_id: 311, category: 'Ends call early' },
				{ category_id: 312, category: 'Flagged wrongly', wrongly_marked: true },
				{ category_id: 313, category: 'Not a bug', priority: 'not_a_bug' },
			],
		},
		{ id: 2, evaluation: { metrics: [{ id: 7, name: 'Booking confirmed', type: 'binary_workflow_adherence', score: 0 }] }, critical_categories: null },
	];
	const options = focusOptionsOf(runs);
	assert.deepEqual(
		options.map((o) => [o.kind, o.id, o.runIds]),
		[
			['workflowMetric', 7, [1, 2]],
			['workflowMetric', 9, [1]],
			['category', 311, [1]],
		],
	);
	assert.deepEqual(focusIds(options), { workflow_metric_ids: [7, 9], category_ids: [311] });
});
