import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TestsInFlight } from '../../src/improve/vscode/chatTest/testsInFlight';

/** A test that, once aborted, takes `endMs` to end its chats, as the driver's end-chat calls do. */
function chatTest(endMs: number, ended: string[], name: string) {
	return (signal: AbortSignal): Promise<string> =>
		new Promise((_resolve, reject) => {
			signal.addEventListener('abort', () => setTimeout(() => {
				ended.push(name);
				reject(new Error('cancelled'));
			}, endMs), { once: true });
		});
}

test('closing the window aborts every test in flight and waits for their chats to end', async () => {
	const tests = new TestsInFlight();
	const ended: string[] = [];
	const a = tests.run(new AbortController().signal, chatTest(20, ended, 'a')).catch((err: unknown) => err);
	const b = tests.run(new AbortController().signal, chatTest(50, ended, 'b')).catch((err: unknown) => err);
	assert.equal(tests.count, 2);
	await tests.stopAll(5000);
	assert.deepEqual(ended.sort(), ['a', 'b']);
	assert.ok((await a) instanceof Error);
	assert.ok((await b) instanceof Error);
	assert.equal(tests.count, 0);
});

test('the wait for ending chats is bounded: a test that never ends does not hold the window open', async () => {
	const tests = new TestsInFlight();
	const never = tests.run(new AbortController().signal, () => new Promise<never>(() => undefined));
	const started = Date.now();
	await tests.stopAll(100);
	assert.ok(Date.now() - started < 5000);
	assert.equal(tests.count, 1);
	void never;
});

test('Cancel of one test aborts that test only', async () => {
	const tests = new TestsInFlight();
	const ended: string[] = [];
	const cancel = new AbortController();
	const a = tests.run(cancel.signal, chatTest(1, ended, 'a')).catch((err: unknown) => err);
	const b = tests.run(new AbortController().signal, chatTest(1, ended, 'b')).catch((err: unknown) => err);
	cancel.abort();
	assert.ok((await a) instanceof Error);
	assert.deepEqual(ended, ['a']);
	assert.equal(tests.count, 1);
	await tests.stopAll(1000);
	assert.ok((await b) instanceof Error);
});
