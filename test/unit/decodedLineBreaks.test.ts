import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fitDecodedLineBreaks } from '../../src/improve/core/decodedLineBreaks';

test('lines the review left alone keep the \\r\\n, \\r or \\n the decoded original had after them', () => {
	assert.equal(fitDecodedLineBreaks('a\nb\nc', 'a\r\nb\rc', '\n'), 'a\r\nb\rc');
	assert.equal(fitDecodedLineBreaks('a\r\nb\r\nc', 'a\r\nb\rc', '\n'), 'a\r\nb\rc', 'a review in a CRLF document');
});

test('an edited line takes the line break of the line it replaces; a new one the original\'s usual, else the default', () => {
	assert.equal(fitDecodedLineBreaks('a\nB\nc', 'a\nb\rc', '\n'), 'a\nB\rc');
	assert.equal(fitDecodedLineBreaks('a\nnew\nb', 'a\r\nb', '\n'), 'a\r\nnew\r\nb');
	assert.equal(fitDecodedLineBreaks('a\nnew', 'a', '\n'), 'a\nnew');
	assert.equal(fitDecodedLineBreaks('a\nnew', 'a', '\r\n'), 'a\r\nnew');
});

test('a final line break only when the original had one, and then the original\'s', () => {
	assert.equal(fitDecodedLineBreaks('a\nb', 'a\r\n', '\n'), 'a\r\nb\r\n');
	assert.equal(fitDecodedLineBreaks('a\n\n', 'a', '\n'), 'a');
	assert.equal(fitDecodedLineBreaks('a\n', 'a\r', '\n'), 'a\r');
});

test('a rewrite of every line of a large text keeps the line breaks by place instead of diffing without bound', () => {
	const original = Array.from({ length: 6000 }, (_, i) => `Line ${i}.${i % 2 ? '\r\n' : '\n'}`).join('');
	const improved = Array.from({ length: 6000 }, (_, i) => `Rewritten ${i}.\n`).join('');
	assert.equal(fitDecodedLineBreaks(improved, original, '\n'), Array.from({ length: 6000 }, (_, i) => `Rewritten ${i}.${i % 2 ? '\r\n' : '\n'}`).join(''));
});

test('without a \\r in the original, every line break is \\n, as the review gives it or not', () => {
	assert.equal(fitDecodedLineBreaks('a\r\nb\r\n', 'x\ny\n', '\n'), 'a\nb\n');
	assert.equal(fitDecodedLineBreaks('a\r\nb\n\n', 'x', '\n'), 'a\nb');
});
