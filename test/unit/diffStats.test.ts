import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffStats, formatDiffStats } from '../../src/core/diffStats';
import { bigProposals } from '../support/bigProposals';

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

/** The length of a longest common subsequence, by dynamic programming: the reference for the edit counts. */
function lcs(a: readonly string[], b: readonly string[]): number {
	let prev = new Array<number>(b.length + 1).fill(0);
	for (const x of a) {
		const row = [0];
		for (let j = 0; j < b.length; j++) row.push(x === b[j] ? prev[j] + 1 : Math.max(prev[j + 1], row[j]));
		prev = row;
	}
	return prev[b.length];
}

test('the line and word diffs find shortest edit scripts: counts match a longest common subsequence', () => {
	let seed = 7;
	const random = (n: number): number => {
		seed = (seed * 1103515245 + 12345) % 2 ** 31;
		return seed % n;
	};
	const vocabulary = ['alpha', 'beta', 'gamma', 'delta', 'alpha beta', 'gamma delta epsilon'];
	for (let round = 0; round < 200; round++) {
		const a = Array.from({ length: random(12) }, () => vocabulary[random(vocabulary.length)]);
		const b = Array.from({ length: random(12) }, () => vocabulary[random(vocabulary.length)]);
		const stats = diffStats(a.join('\n'), b.join('\n'));
		const common = lcs(a, b);
		assert.equal(stats.approximate, false);
		assert.equal(stats.linesRemoved, a.length - common, `${JSON.stringify(a)} → ${JSON.stringify(b)}`);
		assert.equal(stats.linesAdded, b.length - common, `${JSON.stringify(a)} → ${JSON.stringify(b)}`);
	}
	const words = diffStats('one two three four', 'one three four five six');
	assert.deepEqual([words.wordsRemoved, words.wordsAdded, words.changes], [1, 2, 1]);
});

test('past its bounds the count is cheap and says "about"; lines are still counted as multisets', () => {
	const original = Array.from({ length: 50 }, (_, i) => `rule ${i}`).join('\n');
	const improved = Array.from({ length: 50 }, (_, i) => `rule ${i} now stricter`).join('\n');
	const bounded = diffStats(original, improved, { maxLineEdits: 10, maxWordEditsPerBlock: 10, maxWordEdits: 10, maxWordsCompared: 1000 });
	assert.equal(bounded.approximate, true);
	assert.deepEqual([bounded.linesRemoved, bounded.linesAdded, bounded.wordsRemoved, bounded.wordsAdded, bounded.changes], [50, 50, 0, 100, 1]);
	assert.match(formatDiffStats(bounded), /^about \+50 −50 lines, \+100 −0 words in 1 change$/);
	const exact = diffStats(original, improved);
	assert.equal(exact.approximate, false);
	assert.deepEqual([exact.linesRemoved, exact.linesAdded, exact.wordsRemoved, exact.wordsAdded], [50, 50, 0, 100]);
});

test('every shape of 1 MB proposal finishes, with the right line counts where they are known', () => {
	for (const { name, original, improved } of bigProposals(1024 * 1024)) {
		const stats = diffStats(original, improved);
		assert.match(formatDiffStats(stats), /\+\d+ −\d+ lines/, name);
		assert.ok(stats.linesAdded > 0 && stats.linesRemoved >= 0, name);
	}
	const [few, onePercent] = bigProposals(1024 * 1024);
	assert.equal(diffStats(few.original, few.improved).approximate, false);
	const stats = diffStats(onePercent.original, onePercent.improved);
	const rewritten = onePercent.original.split('\n').filter((_, i) => i % 100 === 50 && !onePercent.original.split('\n')[i].startsWith('## ')).length;
	assert.deepEqual([stats.linesAdded, stats.linesRemoved], [rewritten, rewritten]);
});
