import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseModelAnswer } from '../../src/improve/core/modelAnswer';
import { ModelError, type ModelErrorKind } from '../../src/improve/core/modelError';

const ANSWER = { improved_prompt: 'You are Riley.\nRead back {{date}} before ending the call.\n', summary_of_changes: '- Read back the new slot (fixes "Booking confirmed").' };

function failure(text: string, kind: ModelErrorKind): ModelError {
	try {
		parseModelAnswer(text);
	} catch (err) {
		assert.ok(err instanceof ModelError, String(err));
		assert.equal(err.kind, kind, err.message);
		return err;
	}
	assert.fail('expected the answer to be refused');
}

test('reads a bare JSON object', () => {
	assert.deepEqual(parseModelAnswer(JSON.stringify(ANSWER)), ANSWER);
	assert.deepEqual(parseModelAnswer(`\n  ${JSON.stringify(ANSWER, null, 2)}\n`), ANSWER);
});

test('reads the object inside a ```json or a bare ``` fence', () => {
	assert.deepEqual(parseModelAnswer(`\`\`\`json\n${JSON.stringify(ANSWER, null, 2)}\n\`\`\``), ANSWER);
	assert.deepEqual(parseModelAnswer(`\`\`\`\n${JSON.stringify(ANSWER)}\n\`\`\`\n`), ANSWER);
});

test('reads the object after reasoning that mentions braces, placeholders and an earlier draft', () => {
	const text = [
		'The failures come from "Keep calls short." which makes the agent hang up early; {{date}} and {slot} must stay.',
		'A draft: {"improved_prompt": "draft", "summary_of_changes": "draft"} — too broad. An unrelated object: {"x": 1}.',
		'Final answer:',
		'```json',
		JSON.stringify(ANSWER),
		'```',
		'I hope this helps.',
	].join('\n');
	assert.deepEqual(parseModelAnswer(text), ANSWER);
});

test('tolerates raw line breaks inside the JSON strings, as some models write them', () => {
	const text = `{"improved_prompt": "Line one.\nLine two with \\"quotes\\".\n", "summary_of_changes": "- one\n- two"}`;
	assert.deepEqual(parseModelAnswer(text), { improved_prompt: 'Line one.\nLine two with "quotes".\n', summary_of_changes: '- one\n- two' });
});

test('prose without the object, or junk, is an invalid response that does not quote the answer', () => {
	const err = failure('I could not improve this prompt because the runs are fine. SECRET-ish text', 'invalidResponse');
	assert.match(err.message, /JSON object holding improved_prompt/);
	assert.doesNotMatch(err.message, /SECRET-ish/);
	failure('{"status": "ok"}', 'invalidResponse');
	failure('{"improved_prompt": "x", "summary_of_changes": "y",}', 'invalidResponse');
	failure('   \n', 'invalidResponse');
});

test('an answer cut off inside the object is reported as truncated, even after a complete draft', () => {
	const cut = JSON.stringify(ANSWER).slice(0, 40);
	assert.match(failure(cut, 'truncated').message, /cut off/);
	assert.match(failure(`Draft: ${JSON.stringify(ANSWER)}\nFinal:\n\`\`\`json\n${cut}`, 'truncated').message, /cut off/);
});

test('wrong types and an empty improved_prompt are refused with the field named', () => {
	assert.match(failure('{"improved_prompt": "", "summary_of_changes": "none"}', 'invalidResponse').message, /empty improved_prompt/);
	assert.match(failure('{"improved_prompt": "  \\n ", "summary_of_changes": "none"}', 'invalidResponse').message, /empty improved_prompt/);
	assert.match(failure('{"improved_prompt": ["a"], "summary_of_changes": "none"}', 'invalidResponse').message, /non-text \(list\) improved_prompt/);
	assert.match(failure('{"improved_prompt": "ok", "summary_of_changes": ["a", "b"]}', 'invalidResponse').message, /non-text \(list\) summary_of_changes/);
	assert.match(failure('{"improved_prompt": "ok"}', 'invalidResponse').message, /no summary_of_changes/);
	assert.match(failure('{"improved_prompt": null, "summary_of_changes": "x"}', 'invalidResponse').message, /non-text \(null\)/);
});
