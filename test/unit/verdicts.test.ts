import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Run } from '../../src/core/apiTypes';
import type { ChatTestOutcome, ScenarioVerdict, Verdict } from '../../src/improve/core/chatTest/chatTestTypes';
import { runPassed, testSummary, verdictCounts, verdictOf } from '../../src/improve/core/chatTest/verdicts';

const passing: Run = { id: 1, status: 'completed', expected_outcome: { score: 100 }, evaluation: { metrics: [{ id: 1, name: 'Booked', eval_type: 'binary', passed: true, score: 1 }] } };

describe('verdictOf (n conversations per prompt: original k_o, proposal k_p)', () => {
	const table: [number, number, number, boolean, Verdict][] = [
		[1, 0, 1, false, 'fixed'], // k_o < n, k_p = n
		[3, 1, 3, false, 'fixed'],
		[3, 0, 2, false, 'better'], // k_o < k_p < n
		[3, 1, 1, false, 'stillFailing'], // k_p = k_o < n
		[1, 0, 0, false, 'stillFailing'],
		[3, 2, 1, false, 'regressed'], // k_p < k_o
		[1, 1, 0, false, 'regressed'],
		[3, 3, 2, false, 'regressed'],
		[2, 2, 2, false, 'stillPassing'], // k_o = k_p = n
		[2, 0, 2, true, 'inconclusive'], // an error wins over any count
		[2, 2, 0, true, 'inconclusive'],
	];
	for (const [n, o, p, inconclusive, verdict] of table) {
		test(`n=${n}, k_o=${o}, k_p=${p}${inconclusive ? ', a chat in error' : ''}: ${verdict}`, () => {
			assert.equal(verdictOf(n, o, p, inconclusive), verdict);
		});
	}
});

describe('runPassed (the rule of Cekura\'s GitHub Action)', () => {
	test('a completed run with its outcome met and no failed binary metric passes', () => {
		assert.equal(runPassed(passing), true);
	});
	test('a run that did not complete, or carries an error message, fails', () => {
		assert.equal(runPassed({ ...passing, status: 'failed' }), false);
		assert.equal(runPassed({ ...passing, status: 'running' }), false);
		assert.equal(runPassed({ ...passing, error_message: 'The call dropped.' }), false);
	});
	test('an expected outcome below 100 fails', () => {
		assert.equal(runPassed({ ...passing, expected_outcome: { score: 50 } }), false);
	});
	test('a binary metric with passed false, or a (normalised) score of 0, fails; other metrics do not count', () => {
		assert.equal(runPassed({ ...passing, evaluation: { metrics: [{ id: 2, name: 'x', eval_type: 'binary', passed: false }] } }), false);
		assert.equal(runPassed({ ...passing, evaluation: { metrics: [{ id: 2, name: 'x', eval_type: 'binary', score_normalized: 0, score: 5 }] } }), false);
		assert.equal(runPassed({ ...passing, evaluation: { metrics: [{ id: 2, name: 'x', type: 'binary_workflow_adherence', score: 0 }] } }), false);
		assert.equal(runPassed({ ...passing, evaluation: { metrics: [{ id: 2, name: 'x', eval_type: 'continuous', score: 0 }] } }), true);
	});
});

function verdict(v: Verdict): ScenarioVerdict {
	return { scenario: { id: 1, name: 's', agentId: 1, kind: 'failed', fromRunIds: [] }, n: 1, originalPasses: 0, proposalPasses: 0, verdict: v, originalRuns: [], proposalRuns: [] };
}

describe('verdictCounts and testSummary', () => {
	const verdicts = (['fixed', 'fixed', 'stillFailing', 'inconclusive'] as Verdict[]).map(verdict);
	test('counts every verdict, zero included', () => {
		assert.deepEqual(verdictCounts(verdicts), { fixed: 2, better: 0, stillFailing: 1, regressed: 0, stillPassing: 0, inconclusive: 1 });
	});
	test('says fixed and regressed always, the others when there are any', () => {
		const outcome = { verdicts } as unknown as ChatTestOutcome;
		assert.equal(testSummary(outcome), '2 fixed, 0 regressed, 1 still failing, 1 inconclusive');
	});
});
