import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anchor, occurrences, shiftRange } from '../../src/improve/core/anchoring';

const range = { start: 10, end: 20 };

test('an edit before the prompt moves it by the length difference', () => {
	assert.deepEqual(shiftRange(range, { offset: 0, length: 0, text: 'abc' }), { start: 13, end: 23 });
	assert.deepEqual(shiftRange(range, { offset: 2, length: 5, text: '' }), { start: 5, end: 15 });
	assert.deepEqual(shiftRange(range, { offset: 10, length: 0, text: 'x' }), { start: 11, end: 21 });
});

test('an edit after the prompt, or typing at its end, leaves it where it is', () => {
	assert.deepEqual(shiftRange(range, { offset: 20, length: 0, text: 'tail' }), range);
	assert.deepEqual(shiftRange(range, { offset: 25, length: 3, text: '' }), range);
});

test('an edit touching the inside of the prompt loses it', () => {
	assert.equal(shiftRange(range, { offset: 15, length: 0, text: 'x' }), undefined);
	assert.equal(shiftRange(range, { offset: 5, length: 6, text: '' }), undefined);
	assert.equal(shiftRange(range, { offset: 19, length: 2, text: 'yy' }), undefined);
});

test('anchors at the tracked range when it still holds the original, and says whether it moved', () => {
	const doc = '0123456789PROMPTTEXTrest';
	assert.deepEqual(anchor(doc, 'PROMPTTEXT', { start: 10, end: 20 }, 10), { found: true, range: { start: 10, end: 20 }, moved: false });
	const moved = `xx${doc}`;
	assert.deepEqual(anchor(moved, 'PROMPTTEXT', { start: 12, end: 22 }, 10), { found: true, range: { start: 12, end: 22 }, moved: true });
});

test('refuses when tracking saw an edit inside, even if the same text stands elsewhere', () => {
	assert.deepEqual(anchor('PROMPT PROMPT', 'PROMPT', 'editedInside', 0), { found: false, reason: 'edited' });
	assert.deepEqual(anchor('PROMPX', 'PROMPT', { start: 0, end: 6 }, 0), { found: false, reason: 'edited' });
});

test('without tracking, finds the prompt only where it occurs exactly once', () => {
	assert.deepEqual(anchor('AAA-prompt-BBB', 'prompt', undefined, 0), { found: true, range: { start: 4, end: 10 }, moved: true });
	assert.deepEqual(anchor('AAA-prompt-BBB', 'prompt', undefined, 4), { found: true, range: { start: 4, end: 10 }, moved: false });
	assert.deepEqual(anchor('AAA-missing', 'prompt', undefined, 3), { found: false, reason: 'edited' });
});

test('without tracking, two copies of the prompt are ambiguous: refused rather than guessed', () => {
	const doc = 'A: Keep calls short.\nB: Keep calls short.\n';
	assert.deepEqual(anchor(doc, 'Keep calls short.', undefined, 3), { found: false, reason: 'ambiguous' });
	// Overlapping copies count too.
	assert.deepEqual(anchor('aaaa', 'aaa', undefined, 0), { found: false, reason: 'ambiguous' });
});

test('a periodic document where the prompt matches at every offset is ambiguous', () => {
	assert.deepEqual(anchor('ab'.repeat(100_000), 'ab'.repeat(1_000), undefined, 0), { found: false, reason: 'ambiguous' });
});

test('the search from a rare character finds what indexOf finds, overlapping copies included', () => {
	let seed = 11;
	const random = (n: number): number => {
		seed = (seed * 1103515245 + 12345) % 2 ** 31;
		return seed % n;
	};
	for (let round = 0; round < 5000; round++) {
		const alphabet = 'ab c\n'.slice(0, 1 + random(5));
		const text = Array.from({ length: random(80) }, () => alphabet[random(alphabet.length)]).join('');
		const pattern = Array.from({ length: 1 + random(8) }, () => alphabet[random(alphabet.length)]).join('');
		const expected: number[] = [];
		for (let at = text.indexOf(pattern); at !== -1 && expected.length < 2; at = text.indexOf(pattern, at + 1)) expected.push(at);
		assert.deepEqual(occurrences(text, pattern, 2), expected, `${JSON.stringify(pattern)} in ${JSON.stringify(text)}`);
	}
});

test('periodic text: a prompt that differs from its surroundings by one character is found once, or refused when copied', () => {
	const run = 'a'.repeat(200_000);
	for (const prompt of [`${run}b`, `b${run}`, `${run}b${run}`]) {
		const doc = `${'a'.repeat(600_000)}${prompt}`;
		assert.deepEqual(anchor(doc, prompt, undefined, 0), { found: true, range: { start: 600_000, end: doc.length }, moved: true }, prompt.slice(0, 3));
		assert.deepEqual(anchor(`${prompt}\n${doc}`, prompt, undefined, 0), { found: false, reason: 'ambiguous' }, prompt.slice(0, 3));
	}
	// A piece that keeps matching where the whole prompt does not: the plain search takes over and still finds it.
	const near = 'cab '.repeat(100);
	assert.deepEqual(anchor(`${near}aaab`, 'aaab', undefined, 0), { found: true, range: { start: near.length, end: near.length + 4 }, moved: true });
	assert.deepEqual(occurrences(`${near}aaab${near}aaab`, 'aaab', 2), [near.length, 2 * near.length + 4]);
});
