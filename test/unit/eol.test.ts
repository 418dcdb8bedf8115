import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fitToOriginal } from '../../src/core/eol';

test('uses the document line endings', () => {
	assert.equal(fitToOriginal('a\nb\n', 'x\r\n', '\r\n'), 'a\r\nb\r\n');
	assert.equal(fitToOriginal('a\r\nb', 'x', '\n'), 'a\nb');
});

test('keeps a trailing line break only when the original selection had one', () => {
	assert.equal(fitToOriginal('a\nb', 'whole lines\n', '\n'), 'a\nb\n');
	assert.equal(fitToOriginal('a\nb\n\n', 'part of a line', '\n'), 'a\nb');
	assert.equal(fitToOriginal('a\nb\n', 'x\n', '\n'), 'a\nb\n');
});
