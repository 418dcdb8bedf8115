/**
 * Runs `work` on every item, at most `limit` at a time, in the items' order. After the first rejection no further
 * item starts, `onFailure` is called (to stop those in flight), and the pool rejects with that error once every
 * started item has settled; so nothing is left running behind the caller's back.
 */
export async function inBoundedPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>, onFailure: () => void): Promise<R[]> {
	const results: R[] = new Array<R>(items.length);
	let next = 0;
	let failure: { error: unknown } | undefined;
	const worker = async (): Promise<void> => {
		while (!failure && next < items.length) {
			const index = next++;
			try {
				results[index] = await work(items[index]);
			} catch (error) {
				if (!failure) {
					failure = { error };
					onFailure();
				}
			}
		}
	};
	const workers = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
	await Promise.all(Array.from({ length: workers }, worker));
	if (failure) throw failure.error;
	return results;
}
