import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffStats, diffStatsInSlices, formatDiffStats } from '../../src/improve/core/diffStats';
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

test('in slices, the figures are the same as in one go, for every shape of proposal', async () => {
	let seed = 5;
	const random = (n: number): number => {
		seed = (seed * 1103515245 + 12345) % 2 ** 31;
		return seed % n;
	};
	const vocabulary = ['alpha', 'beta', 'gamma', 'delta', 'alpha beta', 'gamma delta epsilon', ''];
	const endings = ['', '\n', '\r', '\r\n', '\n\n'];
	for (let round = 0; round < 100; round++) {
		const a = Array.from({ length: random(15) }, () => vocabulary[random(vocabulary.length)]).join('\n') + endings[random(endings.length)];
		const b = Array.from({ length: random(15) }, () => vocabulary[random(vocabulary.length)]).join('\r\n') + endings[random(endings.length)];
		// Slices of no time at all: a turn of the event loop at every point where the work may pause.
		assert.deepEqual(await diffStatsInSlices(a, b, { sliceMs: 0 }), diffStats(a, b), JSON.stringify([a, b]));
	}
	for (const { name, original, improved } of bigProposals(1024 * 1024)) {
		assert.deepEqual(await diffStatsInSlices(original, improved), diffStats(original, improved), name);
	}
});

test('in slices, a 1 MB proposal leaves the event loop free to run other work between them', async () => {
	for (const { name, original, improved } of bigProposals(1024 * 1024)) {
		let pauses = 0;
		let turns = 0;
		let measuring = true;
		const tick = (): void => {
			turns++;
			if (measuring) setImmediate(tick);
		};
		setImmediate(tick);
		const stats = await diffStatsInSlices(original, improved, {
			sliceMs: 0,
			pause: () => {
				pauses++;
				return new Promise((resolve) => setImmediate(resolve));
			},
		});
		measuring = false;
		assert.match(formatDiffStats(stats), /\+\d+ −\d+ lines/, name);
		// 1 MB is about 29,000 lines: the work may pause at least every 1,024 of them, and the ticker ran meanwhile.
		assert.ok(pauses >= 28, `${name}: ${pauses} pauses`);
		assert.ok(turns >= 28, `${name}: the event loop ran ${turns} other callbacks`);
	}
});

test('in slices, the work starts only after a turn of the event loop, once the caller\'s own work has gone out', async () => {
	const order: string[] = [];
	const measured = diffStatsInSlices('a\nb', 'a\nc', {
		pause: () => {
			order.push('pause');
			return new Promise((resolve) => setImmediate(resolve));
		},
	}).then((stats) => order.push(`stats ${formatDiffStats(stats)}`));
	order.push('caller');
	await measured;
	assert.deepEqual(order, ['pause', 'caller', 'stats +1 −1 lines, +1 −1 words in 1 change']);
});
