/**
 * Polls `condition` until it holds; fails after `timeoutMs` naming what it waited for. The one wait every suite
 * uses (unit, integration, UI), so no test sleeps for a fixed time.
 */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000, intervalMs = 50): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

/** Like `waitFor`, for a value: polls `probe` until it returns something other than undefined. */
export async function waitForValue<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 10_000, intervalMs = 50): Promise<T> {
	let value: T | undefined;
	await waitFor(async () => (value = await probe()) !== undefined, what, timeoutMs, intervalMs);
	return value as T;
}
