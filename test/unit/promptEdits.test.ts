import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits } from '../../src/improve/core/promptEdits';

const PROMPT = 'You are the front desk.\nKeep calls short.\nBe kind.\nBe kind.\n';

test('edits apply exactly where their find occurs, and the rest of the prompt keeps its bytes', () => {
	const result = applyEdits(PROMPT, [
		{ find: 'Keep calls short.', replace: 'Keep calls short, but confirm the booking first.' },
		{ find: 'You are the front desk.', replace: 'You are the front desk of a dental clinic.' },
	]);
	assert.equal(result.text, 'You are the front desk of a dental clinic.\nKeep calls short, but confirm the booking first.\nBe kind.\nBe kind.\n');
	assert.deepEqual(result.applied, [0, 1]);
	assert.deepEqual(result.failed, []);
});

test('a CRLF prompt: finds written with \\n match, replacements take \\r\\n, untouched line endings stay', () => {
	const crlf = 'Line one.\r\nKeep calls short.\r\nLine three.\nLast.';
	const result = applyEdits(crlf, [{ find: 'Keep calls short.\nLine three.', replace: 'Keep calls short.\nConfirm the booking.\nLine three.' }]);
	assert.equal(result.text, 'Line one.\r\nKeep calls short.\r\nConfirm the booking.\r\nLine three.\nLast.');
	const after = applyEdits(crlf, [{ find: 'Last.', replace: 'Last line.' }]);
	assert.equal(after.text, 'Line one.\r\nKeep calls short.\r\nLine three.\nLast line.');
});

test('a find with \\r\\n matches a prompt with \\n', () => {
	assert.equal(applyEdits('a\nb\nc', [{ find: 'a\r\nb', replace: 'A\r\nB' }]).text, 'A\nB\nc');
});

test('a find that is not in the prompt, or occurs more than once, or is empty, is not guessed', () => {
	const result = applyEdits(PROMPT, [
		{ find: 'Keep the calls short.', replace: 'x' },
		{ find: 'Be kind.', replace: 'Be very kind.' },
		{ find: '', replace: 'Added.' },
		{ find: 'Keep calls short.', replace: 'Keep calls brief.' },
	]);
	assert.equal(result.text, PROMPT.replace('Keep calls short.', 'Keep calls brief.'));
	assert.deepEqual(result.failed.map((f) => [f.index, f.reason]), [[0, 'notFound'], [1, 'ambiguous'], [2, 'emptyFind']]);
	assert.deepEqual(result.applied, [3]);
});

test('overlapping occurrences of a find count as more than one ("aa" in "aaa")', () => {
	assert.equal(applyEdits('aaa', [{ find: 'aa', replace: 'b' }]).failed[0]?.reason, 'ambiguous');
});

test('an edit overlapping an earlier one is refused and names it; touching edits both apply', () => {
	const result = applyEdits(PROMPT, [
		{ find: 'Keep calls short.', replace: 'A.' },
		{ find: 'desk.\nKeep', replace: 'B' },
		{ find: 'You are the front ', replace: 'C ' },
	]);
	assert.deepEqual(result.failed.map((f) => [f.index, f.reason, f.overlapsWith]), [[1, 'overlap', 0]]);
	assert.equal(result.text, 'C desk.\nA.\nBe kind.\nBe kind.\n');
});

test('no edits leave the prompt as it is', () => {
	assert.equal(applyEdits(PROMPT, []).text, PROMPT);
});
