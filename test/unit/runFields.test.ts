import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeProblem, readRun, readRuns } from '../../src/improve/core/runFields';
import { rescheduleRun } from '../support/runFixtures';

const fieldsOf = (raw: unknown): string[] => (readRun(raw)?.problems ?? []).map(describeProblem);

describe('readRun', () => {
	test('a run of the documented shape is read as it is, with nothing reported', () => {
		const run = rescheduleRun();
		const read = readRun(run);
		assert.ok(read);
		assert.deepEqual(read.problems, []);
		assert.equal(read.run.scenario_instructions, run.scenario_instructions);
		assert.deepEqual(read.run.evaluation?.metrics?.map((m) => m.id), run.evaluation?.metrics?.map((m) => m.id));
		assert.deepEqual(read.run.transcript_object?.map((t) => t.content), run.transcript_object?.map((t) => t.content));
	});

	test('null or absent optional fields are no problem', () => {
		assert.deepEqual(fieldsOf({ id: 1, scenario_name: null, evaluation: null, critical_categories: null, transcript_object: null, expected_outcome: null }), []);
	});

	test('wrong types are left out and named with where they were, what came and what was expected', () => {
		const problems = fieldsOf({
			id: 1,
			scenario_instructions: 42,
			critical_categories: { 311: 'Ends call early' },
			evaluation: { metrics: [{ id: 7, name: 7, explanation: 'Never read back.' }, { id: '8', name: 'x' }, null] },
			transcript_object: [{ role: 5, content: { text: 'Hi' } }],
			expected_outcome: [],
		});
		assert.deepEqual(problems, [
			'scenario_instructions (a number, expected text)',
			'expected_outcome (a list, expected object)',
			'transcript_object[0].role (a number, expected text)',
			'transcript_object[0].content (an object, expected text)',
			'critical_categories (an object, expected list)',
			'evaluation.metrics[0].name (a number, expected text)',
			'evaluation.metrics[0].explanation (text, expected list)',
			'evaluation.metrics[1].id (text, expected number)',
			'evaluation.metrics[2] (missing, expected object)',
		]);
		const run = readRun({ id: 1, scenario_instructions: 42, evaluation: { metrics: [{ id: 7, name: 7 }] } })?.run;
		assert.equal(run?.scenario_instructions, undefined);
		assert.deepEqual(run?.evaluation?.metrics?.map((m) => [m.id, m.name]), [[7, '']], 'the metric is kept, without the name it did not have');
	});

	test('every text passes through clean', () => {
		const run = readRun({ id: 1, scenario_name: 'key ck_1234', transcript_object: [{ role: 'Main Agent', content: 'my key is ck_1234' }] }, (t) => t.replaceAll('ck_1234', '«redacted»'))?.run;
		assert.equal(run?.scenario_name, 'key «redacted»');
		assert.equal(run?.transcript_object?.[0].content, 'my key is «redacted»');
	});

	test('never throws, whatever a field holds', () => {
		const values: unknown[] = [42, 'text', true, null, [], [null, 1, 'x', [[]]], {}, { metrics: 'x' }, { 0: {} }];
		const fields = ['scenario_name', 'scenario_instructions', 'expected_outcome', 'expected_outcome_prompt', 'transcript_object', 'transcript', 'critical_categories', 'evaluation', 'error_message', 'timestamp', 'status', 'success', 'result_id'];
		for (const field of fields) for (const value of values) assert.doesNotThrow(() => readRun({ id: 1, [field]: value }), `${field}: ${JSON.stringify(value)}`);
	});

	test('what is not a run at all (no object, no numeric id) is not read', () => {
		assert.equal(readRun(null), undefined);
		assert.equal(readRun({ id: '5546' }), undefined);
		assert.deepEqual(readRuns([5, { id: 1 }, 'x']).map((r) => r.run.id), [1]);
		assert.deepEqual(readRuns({ id: 1 }), []);
	});
});
