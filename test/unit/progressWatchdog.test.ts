import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProgressWatchdog, type Clock } from '../e2e/progressWatchdog';

/** A clock that moves only when told to, firing what came due on the way. */
function manualClock(): Clock & { advance(ms: number): void } {
	let now = 0;
	let next = 0;
	const timers = new Map<number, { at: number; callback: () => void }>();
	return {
		now: () => now,
		setTimeout: (callback, ms) => (timers.set(++next, { at: now + ms, callback }), next),
		clearTimeout: (handle) => void timers.delete(handle as number),
		advance(ms) {
			const end = now + ms;
			for (;;) {
				const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
				if (!due) break;
				timers.delete(due[0]);
				now = due[1].at;
				due[1].callback();
			}
			now = end;
		},
	};
}

async function settled(watchdog: ProgressWatchdog): Promise<string | undefined> {
	return Promise.race([watchdog.stalled, new Promise<undefined>((resolve) => setImmediate(() => resolve(undefined)))]);
}

test('a slow run that keeps finishing tests is never stopped, however long it takes in all', async () => {
	const clock = manualClock();
	const watchdog = new ProgressWatchdog(120, 'suite started', clock);
	for (let i = 1; i <= 100; i++) {
		clock.advance(100_000); // a test every 100 s: 10,000 s in all
		watchdog.progress(`test ${i} finished`);
	}
	assert.equal(await settled(watchdog), undefined);
	watchdog.stop();
});

test('a run with no progress for the idle time is stalled, and says what happened last', async () => {
	const clock = manualClock();
	const watchdog = new ProgressWatchdog(120, 'suite started', clock);
	clock.advance(50_000);
	watchdog.progress('test 7 finished');
	clock.advance(119_000);
	assert.equal(await settled(watchdog), undefined);
	clock.advance(1_000);
	assert.equal(await settled(watchdog), 'no progress for 120 s (E2E_IDLE_SECONDS=120); the last: test 7 finished');
});

test('a stopped watchdog never reports a stall', async () => {
	const clock = manualClock();
	const watchdog = new ProgressWatchdog(1, 'start', clock);
	watchdog.stop();
	clock.advance(10_000);
	assert.equal(await settled(watchdog), undefined);
});
