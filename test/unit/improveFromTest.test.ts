import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Run } from '../../src/core/apiTypes';
import type { ChatTestOutcome, ScenarioVerdict, Verdict } from '../../src/improve/core/chatTest/chatTestTypes';
import { runsToImproveFrom } from '../../src/improve/core/chatTest/improveFromTest';

const run = (id: number, passed: boolean): Run => ({ id, status: 'completed', expected_outcome: { score: passed ? 100 : 0 } });

function verdict(v: Verdict, proposalRuns: Run[]): ScenarioVerdict {
	return { scenario: { id: 1, name: 's', agentId: 1, kind: 'failed', fromRunIds: [] }, n: 2, originalPasses: 0, proposalPasses: 0, verdict: v, originalRuns: [run(1, false)], proposalRuns };
}

test('runsToImproveFrom: up to 3 of the proposal\'s failing runs, regressed scenarios first, never passing or inconclusive ones', () => {
	const outcome = {
		verdicts: [
			verdict('stillFailing', [run(31, false), run(32, false)]),
			verdict('inconclusive', [run(41, false)]),
			verdict('fixed', [run(51, true)]),
			verdict('regressed', [run(61, true), run(62, false)]),
			verdict('better', [run(71, false)]),
		],
	} as unknown as ChatTestOutcome;
	assert.deepEqual(runsToImproveFrom(outcome), [62, 31, 32]);
});

test('runsToImproveFrom: nothing when the proposal fixed everything', () => {
	assert.deepEqual(runsToImproveFrom({ verdicts: [verdict('fixed', [run(1, true)])] } as unknown as ChatTestOutcome), []);
});
