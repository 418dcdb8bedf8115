import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunListItem } from '../../src/core/apiTypes';
import { isFailedRun, orderRunsForPicking, runPickView } from '../../src/improve/core/runPickView';

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
