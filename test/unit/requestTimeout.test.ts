import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requestTimeoutMs } from '../../src/improve/core/requestTimeout';

test('a timeout is whole seconds: 16.1 is 16 s, 16.5 is 17 s', () => {
	assert.equal(requestTimeoutMs(16.1), 16_000);
	assert.equal(requestTimeoutMs(16.5), 17_000);
	assert.equal(requestTimeoutMs(120), 120_000);
});

test('a timeout is held within the manifest\'s 5 to 900 seconds', () => {
	assert.equal(requestTimeoutMs(4.5), 5_000);
	assert.equal(requestTimeoutMs(0), 5_000);
	assert.equal(requestTimeoutMs(-30), 5_000);
	assert.equal(requestTimeoutMs(900.4), 900_000);
	assert.equal(requestTimeoutMs(4_294_968), 900_000);
	assert.equal(requestTimeoutMs(1e9), 900_000);
});

test('a value that is not a finite number gives the default of 120 s', () => {
	for (const value of [NaN, Infinity, -Infinity, '30', null, undefined, {}]) assert.equal(requestTimeoutMs(value), 120_000, String(value));
});

test('every value it gives is a delay AbortSignal.timeout takes', () => {
	for (let hundredths = 500; hundredths <= 90_000; hundredths += 1) {
		const ms = requestTimeoutMs(hundredths / 100);
		assert.doesNotThrow(() => AbortSignal.timeout(ms), `${hundredths / 100} s`);
	}
});
