import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CekuraError } from '../../src/improve/core/cekuraError';
import type { ErrorAction } from '../../src/improve/core/errorActions';
import { AGAIN, retryOnError, type Recovery, type Remedies } from '../../src/improve/core/errorRecovery';

const unauthorized = (): CekuraError => new CekuraError('unauthorized', 'Cekura rejected the API key.', { status: 401 });

/** Show Evidence's use: the remedies it has (Set API Key), the user's picks in turn, each attempt's outcome in turn. */
async function run(outcomes: (string | Error | typeof AGAIN)[], picks: (ErrorAction | undefined)[], remedies: Remedies): Promise<{ result: string | undefined; attempts: number; shown: (readonly ErrorAction[])[]; logged: string[] }> {
	const shown: (readonly ErrorAction[])[] = [];
	const logged: string[] = [];
	let attempts = 0;
	const recovery: Recovery = {
		errors: { show: async (_err, actions) => (shown.push(actions), picks.shift()) },
		remedies,
		log: { debug() {}, info: (line) => logged.push(line), warn() {}, error() {} },
		cancelled: 'Reading cancelled.',
	};
	const result = await retryOnError(async () => {
		const outcome = outcomes[attempts++];
		if (outcome instanceof Error) throw outcome;
		return outcome;
	}, recovery);
	return { result, attempts, shown, logged };
}

test('Set API Key: the key is asked for and the work is done again; declined, it stops there', async () => {
	let asked = 0;
	const setApiKey = async (): Promise<boolean> => (asked++, true);
	const done = await run([unauthorized(), 'evidence'], ['setApiKey'], { setApiKey });
	assert.deepEqual([done.result, done.attempts, asked], ['evidence', 2, 1]);
	assert.deepEqual(done.shown, [['setApiKey', 'showLog']]);

	const declined = await run([unauthorized(), 'evidence'], ['setApiKey'], { setApiKey: async () => false });
	assert.deepEqual([declined.result, declined.attempts], [undefined, 1]);
});

test('an action the caller has no remedy for, Show Log, or closing the message stops without doing the work again', async () => {
	for (const pick of ['chooseEngine', 'showLog', 'openSettings', undefined] as const) {
		const out = await run([new CekuraError('notOffered', 'No such endpoint.', { status: 404 }), 'evidence'], [pick], {});
		assert.deepEqual([out.result, out.attempts], [undefined, 1], String(pick));
	}
});

test('Retry does the work again as often as the user asks; AGAIN repeats it without showing anything', async () => {
	const server = (): CekuraError => new CekuraError('server', 'HTTP 502.', { status: 502 });
	const out = await run([server(), server(), AGAIN, 'evidence'], ['retry', 'retry'], {});
	assert.deepEqual([out.result, out.attempts, out.shown.length], ['evidence', 4, 2]);
});

test('a cancellation is logged, never shown, and ends the loop', async () => {
	const out = await run([new CekuraError('cancelled', 'Cancelled.'), 'evidence'], ['retry'], {});
	assert.deepEqual([out.result, out.attempts, out.shown.length], [undefined, 1, 0]);
	assert.deepEqual(out.logged, ['Reading cancelled.']);
});
