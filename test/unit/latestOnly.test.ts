import assert from 'node:assert/strict';
import { test } from 'node:test';
import { latestOnly } from '../../src/improve/core/latestOnly';

/** A show that waits until the test lets it finish. */
function gatedShow(): { shown: number[]; finish(): void; show: (v: number) => Promise<void> } {
	const shown: number[] = [];
	let release: (() => void) | undefined;
	return {
		shown,
		finish: () => release?.(),
		show: (v) => {
			shown.push(v);
			return new Promise<void>((resolve) => (release = resolve));
		},
	};
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

test('values pushed while one is shown wait, and only the latest of them is shown next', async () => {
	const gate = gatedShow();
	const drafts = latestOnly(gate.show, (err) => assert.fail(String(err)));
	void drafts.push(1);
	void drafts.push(2);
	void drafts.push(3);
	void drafts.push(4);
	assert.deepEqual(gate.shown, [1]);
	gate.finish();
	await tick();
	assert.deepEqual(gate.shown, [1, 4]);
	gate.finish();
	await drafts.idle();
	void drafts.push(5);
	assert.deepEqual(gate.shown, [1, 4, 5]);
	gate.finish();
	await drafts.idle();
});

test('stop drops the value waiting and takes no more; idle waits for the show under way', async () => {
	const gate = gatedShow();
	const drafts = latestOnly(gate.show, (err) => assert.fail(String(err)));
	void drafts.push(1);
	void drafts.push(2);
	drafts.stop();
	void drafts.push(3);
	let idle = false;
	const waiting = drafts.idle().then(() => (idle = true));
	await tick();
	assert.equal(idle, false, 'idle settled before the show under way was done');
	gate.finish();
	await waiting;
	assert.deepEqual(gate.shown, [1]);
});

test('a show that fails is reported and the next value is shown all the same', async () => {
	const failures: unknown[] = [];
	const shown: number[] = [];
	const drafts = latestOnly(async (v: number) => {
		shown.push(v);
		if (v === 1) throw new Error('no tab');
	}, (err) => failures.push(err));
	void drafts.push(1);
	void drafts.push(2);
	await drafts.idle();
	assert.deepEqual(shown, [1, 2]);
	assert.equal(failures.length, 1);
});

test('push resolves true once the value, or a newer one replacing it, is shown, and false when stop drops it', async () => {
	const gate = gatedShow();
	const drafts = latestOnly(gate.show, (err) => assert.fail(String(err)));
	const outcomes: [number, boolean][] = [];
	const note = (v: number) => (shown: boolean) => void outcomes.push([v, shown]);
	void drafts.push(1).then(note(1));
	void drafts.push(2).then(note(2));
	void drafts.push(3).then(note(3));
	await tick();
	assert.deepEqual(outcomes, [], 'resolved before the show was done');
	gate.finish();
	await tick();
	assert.deepEqual(outcomes, [[1, true]]);
	gate.finish();
	await tick();
	assert.deepEqual(outcomes, [[1, true], [2, true], [3, true]], 'the value replaced resolves with the one shown in its place');
	void drafts.push(4).then(note(4));
	void drafts.push(5).then(note(5));
	drafts.stop();
	gate.finish();
	await drafts.idle();
	await tick();
	assert.deepEqual(outcomes.slice(3), [[5, false], [4, true]]);
	assert.equal(await drafts.push(6), false);
});
