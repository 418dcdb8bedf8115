import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits } from '../../src/improve/core/promptEdits';
import { editsOfChange } from '../server/editsOfChange';
import { improvePrompt } from '../server/improver';
import { findRun, SAMPLE_PROMPTS, type SeedRun } from '../server/seedData';
import { longPrompt } from '../support/longPrompts';

// The local model servers answer edits computed by editsOfChange: they must give the local improver's text exactly.
const CASES: [string, string, number][] = [
	['dental', SAMPLE_PROMPTS['dental-front-desk'], 5546],
	['pizza', SAMPLE_PROMPTS['pizza-order-line'], 5535],
	['clinic', SAMPLE_PROMPTS['clinic-after-hours-triage'], 5553],
	['long dental', longPrompt(9_000), 5546],
];

for (const [name, prompt, runId] of CASES) {
	test(`the local improver's change to the ${name} prompt, as edits, applies exactly and stays small`, () => {
		const run = findRun(runId) as SeedRun;
		const improved = improvePrompt(prompt, [run]).improved_prompt;
		assert.notEqual(improved, prompt);
		const edits = editsOfChange(prompt, improved);
		const applied = applyEdits(prompt, edits);
		assert.deepEqual(applied.failed, []);
		assert.equal(applied.text, improved);
		const written = edits.reduce((n, e) => n + e.find.length + e.replace.length, 0);
		assert.ok(written < improved.length - prompt.length + 1_000, `${written} characters of edits`);
	});
}

test('edits of a CRLF prompt, and of a prompt with a repeated line, apply exactly', () => {
	const prompt = 'Be kind.\r\nKeep calls short.\r\nBe kind.\r\nEnd.\r\n';
	const improved = 'Be kind.\r\nKeep calls short.\r\nBe kind, always.\r\nEnd.\r\nNew rule.\r\n';
	assert.equal(applyEdits(prompt, editsOfChange(prompt, improved)).text, improved);
});
