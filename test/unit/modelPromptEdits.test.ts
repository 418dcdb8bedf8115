import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ModelError } from '../../src/improve/core/modelError';
import { CORRECTION_HEADING, EDITS_SHAPE, editsCorrection } from '../../src/improve/core/modelInstructions';
import { buildModelRequest, charBudget } from '../../src/improve/core/modelPrompt';
import { rescheduleRun } from '../support/runFixtures';
import { longPrompt } from '../support/longPrompts';

const FOCUS = { workflow_metric_ids: [7], category_ids: [] };
const PROMPT = longPrompt(40_000);

test('asked for edits, the instructions show the edit format with the key "edits", exact and unique finds, no overlap', async () => {
	const request = await buildModelRequest({ prompt: PROMPT, runs: [rescheduleRun()], focus: FOCUS, format: 'edits' }, charBudget(128_000));
	assert.ok(request.instructions.includes(EDITS_SHAPE));
	assert.match(request.instructions, /copied exactly from the prompt/);
	assert.match(request.instructions, /occur only once/);
	assert.match(request.instructions, /must not overlap/);
	assert.doesNotMatch(request.instructions, /improved_prompt/);
	assert.match(request.request, /the JSON object with edits and summary_of_changes\.$/);
	const whole = await buildModelRequest({ prompt: PROMPT, runs: [rescheduleRun()], focus: FOCUS }, charBudget(128_000));
	assert.match(whole.instructions, /"improved_prompt": "<the whole improved prompt>"/);
	assert.ok(!whole.instructions.includes(EDITS_SHAPE));
});

test('a prompt whose whole answer would not fit the context window fits when edits are asked for', async () => {
	// 10,000 tokens of prompt: a whole answer needs ~13,000 tokens of room, edits ~3,500.
	const budget = charBudget(20_000);
	await assert.rejects(buildModelRequest({ prompt: PROMPT, runs: [rescheduleRun()], focus: FOCUS }, budget), (err) => err instanceof ModelError && err.kind === 'tooLarge');
	const request = await buildModelRequest({ prompt: PROMPT, runs: [rescheduleRun()], focus: FOCUS, format: 'edits' }, budget);
	assert.ok(request.request.includes(PROMPT));
});

test('the second request names each failed edit and why, after the evidence, with the prompt', async () => {
	const correction = editsCorrection(
		[
			{ index: 0, edit: { find: 'Keep the calls short.', replace: 'x' }, reason: 'notFound' },
			{ index: 2, edit: { find: 'Be kind.', replace: 'y' }, reason: 'ambiguous' },
			{ index: 3, edit: { find: 'Riley', replace: 'z' }, reason: 'overlap', overlapsWith: 1 },
		],
		2,
	);
	const request = await buildModelRequest({ prompt: PROMPT, runs: [rescheduleRun()], focus: FOCUS, format: 'edits', correction }, charBudget(128_000));
	assert.ok(request.request.includes(PROMPT));
	const tail = request.request.slice(request.request.indexOf(CORRECTION_HEADING));
	assert.match(tail, /2 other edits were applied/);
	assert.match(tail, /- edit 1, find "Keep the calls short\.": its find does not occur in the prompt\./);
	assert.match(tail, /- edit 3, find "Be kind\.": its find occurs more than once in the prompt\./);
	assert.match(tail, /- edit 4, find "Riley": it overlaps edit 2\./);
	assert.ok(request.request.indexOf(CORRECTION_HEADING) > request.request.indexOf('----- END EVIDENCE -----'));
});
