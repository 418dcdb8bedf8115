/**
 * Stands for the object `current()` returns at the moment a property is read or written: what a suite's hooks create
 * later (the extension's API, a server started in `suiteSetup`) or anew for each test (the fake user). A suite names
 * its objects once, `const { api, server, user } = useCekuraSuite()`, instead of declaring variables a hook assigns.
 * Methods run on the object itself, so `this` inside them is never the handle.
 */
export function liveHandle<T extends object>(current: () => T | undefined, name: string): T {
	const target = (): T => {
		const object = current();
		if (object === undefined) throw new Error(`${name} exists only while a test of its suite runs (from the suite's setup to its teardown)`);
		return object;
	};
	return new Proxy({} as T, {
		get(_, key) {
			const object = target();
			const value: unknown = Reflect.get(object, key, object);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
		},
		set: (_, key, value) => Reflect.set(target(), key, value),
		has: (_, key) => Reflect.has(target(), key),
	});
}
