import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffStats, formatDiffStats } from '../../src/core/diffStats';

test('counts added and removed lines and words, and separate changes', () => {
	const original = 'Greet the caller.\nKeep calls short.\nBe polite.\n';
	const improved = 'Greet the caller.\nKeep calls brief, but confirm bookings.\nBe polite.\n\n## Rules\nRead back the time.\n';
	const stats = diffStats(original, improved);
	assert.equal(stats.linesRemoved, 1);
	assert.equal(stats.linesAdded, 4);
	assert.equal(stats.changes, 2);
	assert.ok(stats.wordsAdded >= 8, `wordsAdded ${stats.wordsAdded}`);
	assert.equal(stats.wordsRemoved, 1);
	assert.equal(formatDiffStats(stats), `+4 −1 lines, +${stats.wordsAdded} −1 words in 2 changes`);
});

test('ignores line-ending differences and a missing final newline', () => {
	const stats = diffStats('a\r\nb', 'a\nb\n');
	assert.deepEqual([stats.linesAdded, stats.linesRemoved, stats.changes], [0, 0, 0]);
});
