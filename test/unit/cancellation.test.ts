import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCancellation } from '../../src/core/cancellation';
import { CekuraError } from '../../src/improve/core/cekuraError';
import { ModelError } from '../../src/improve/core/modelError';

test('a cancelled CekuraError or ModelError is a cancellation; other kinds and other errors are not', () => {
	assert.equal(isCancellation(new CekuraError('cancelled', 'Cancelled.')), true);
	assert.equal(isCancellation(new ModelError('cancelled', 'Cancelled.')), true);
	assert.equal(isCancellation(new CekuraError('timeout', 'Timed out.')), false);
	assert.equal(isCancellation(new ModelError('network', 'Offline.')), false);
	assert.equal(isCancellation(Object.assign(new Error('Cancelled.'), { kind: 'cancelled' })), false);
	assert.equal(isCancellation({ name: 'CekuraError', kind: 'cancelled' }), false);
	assert.equal(isCancellation(undefined), false);
});

test('a cancellation thrown by the other bundle\'s copy of the class is still one (dist/improve.js has its own classes)', () => {
	class OtherCopy extends Error {
		constructor(readonly kind: string) {
			super('Cancelled.');
			this.name = 'ModelError';
		}
	}
	assert.equal(isCancellation(new OtherCopy('cancelled')), true);
	assert.equal(isCancellation(new OtherCopy('throttled')), false);
});
