import assert from 'node:assert/strict';

/** Awaits `promise`, asserts that it rejects with an `errorClass` of that `kind`, and returns the error. */
export async function expectRejection<E extends Error & { readonly kind: string }>(
	promise: Promise<unknown>,
	errorClass: abstract new (...args: never[]) => E,
	kind: E['kind'],
): Promise<E> {
	try {
		await promise;
	} catch (err) {
		assert.ok(err instanceof errorClass, `expected a ${errorClass.name}, got ${String(err)}`);
		assert.equal(err.kind, kind, err.message);
		return err;
	}
	assert.fail(`expected a ${kind} error`);
}
