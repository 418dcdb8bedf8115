import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Run, RunListItem } from '../../src/core/apiTypes';
import { chatCount, planScenarios } from '../../src/improve/core/chatTest/scenarioPlan';

describe('planScenarios', () => {
	const review: Run[] = [
		{ id: 11, agent: 7, scenario: 1, scenario_name: 'Reschedule', result_id: 100 },
		{ id: 12, agent: 7, scenario: 1, scenario_name: 'Reschedule', result_id: 100 },
		{ id: 13, agent: 8, scenario: 2, scenario_name: 'Cancel', result_id: 101 },
		{ id: 14, agent: 8, scenario: null, scenario_name: 'Unknown scenario' },
	];
	const results: RunListItem[] = [
		...review,
		{ id: 21, agent: 7, scenario: 3, scenario_name: 'New patient', success: true },
		{ id: 22, agent: 7, scenario: 3, scenario_name: 'New patient', success: true },
		{ id: 23, agent: 7, scenario: 4, scenario_name: 'Flaky', success: true },
		{ id: 24, agent: 7, scenario: 4, scenario_name: 'Flaky', success: false },
		{ id: 25, agent: 7, scenario: 1, scenario_name: 'Reschedule', success: true },
		{ id: 26, agent: 8, scenario: 5, scenario_name: '', success: true },
	];

	test('failed: the scenarios of the review\'s runs, by agent, once each, named by scenario_name', () => {
		const { failed } = planScenarios(review, results);
		assert.deepEqual(failed, [
			{ id: 1, name: 'Reschedule', agentId: 7, kind: 'failed', fromRunIds: [11, 12] },
			{ id: 2, name: 'Cancel', agentId: 8, kind: 'failed', fromRunIds: [13] },
		]);
	});

	test('guard: the other scenarios of the results that passed there, not the failed ones nor any that also failed', () => {
		const { guard } = planScenarios(review, results);
		assert.deepEqual(guard, [
			{ id: 3, name: 'New patient', agentId: 7, kind: 'guard', fromRunIds: [21, 22] },
			{ id: 5, name: 'Scenario 5', agentId: 8, kind: 'guard', fromRunIds: [26] },
		]);
	});

	test('chatCount: scenarios × frequency × 2 prompts', () => {
		assert.equal(chatCount(3, 2), 12);
		assert.equal(chatCount(1, 1), 2);
	});
});
