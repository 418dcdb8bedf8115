import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Run } from '../../src/core/apiTypes';
import { checkedOptions, focusIds, focusOptionsOf, type FocusOption } from '../../src/improve/core/focusOptions';

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

test('focus options: fields of the wrong type do not throw; a failure without a name is offered by its ID', () => {
	const runs = [
		{ id: 1, critical_categories: { 311: 'Ends call early' }, evaluation: { metrics: [{ id: 7, name: 7, type: 'binary_workflow_adherence', score: 0 }, null, 'x'] } },
		{ id: 2, critical_categories: [null, { category_id: '9', category: 'x' }, { category_id: 311, category: null }], evaluation: [] },
		{ id: 3, evaluation: { metrics: { 7: {} } } },
	] as unknown as Run[];
	assert.deepEqual(
		focusOptionsOf(runs).map((o) => [o.kind, o.id, o.name, o.runIds]),
		[
			['workflowMetric', 7, 'Metric 7 (Cekura sent no name)', [1]],
			['category', 311, 'Category 311 (Cekura sent no name)', [2]],
		],
	);
});

test('the focus step checks every option at first, and after Back only what was chosen (a workflow metric and a category may share an ID)', () => {
	const options: FocusOption[] = [
		{ kind: 'workflowMetric', id: 7, name: 'Booking confirmed', runIds: [1] },
		{ kind: 'workflowMetric', id: 9, name: 'Alternative offered', runIds: [1] },
		{ kind: 'category', id: 7, name: 'Ends call early', runIds: [2] },
	];
	assert.deepEqual(checkedOptions(options, undefined), options);
	assert.deepEqual(checkedOptions(options, { workflow_metric_ids: [9], category_ids: [7] }).map((o) => `${o.kind} ${o.id}`), ['workflowMetric 9', 'category 7']);
	assert.deepEqual(checkedOptions(options, { workflow_metric_ids: [], category_ids: [] }), [], 'no filter chosen: nothing checked again');
});
