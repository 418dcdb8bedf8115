import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChatModel } from '../../src/improve/core/engines/chatModel';
import { ModelEngine } from '../../src/improve/core/engines/modelEngine';
import { throttled } from '../../src/improve/core/throttle';
import { findRun } from '../server/seedData';
import type { Run } from '../../src/core/apiTypes';

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

test('100,000 streamed pieces update the progress a few times, not 100,000', async () => {
	const answer = JSON.stringify({ improved_prompt: 'Be kind.', summary_of_changes: 'Kinder.' });
	const model: ChatModel = {
		label: 'fast model',
		maxInputTokens: 128_000,
		sharedWithOutput: false,
		converse: () => Promise.reject(new Error('not used')),
		async complete(_instructions, _request, _signal, onText) {
			for (let i = 1; i <= 100_000; i++) onText(i);
			await pause(250);
			return { text: answer };
		},
	};
	const engine = new ModelEngine('openaiCompatible', model, async () => [findRun(5546) as unknown as Run], quiet);
	const reports: string[] = [];
	const proposal = await engine.improve({ prompt: 'Be nice.', runIds: [5546], focus: { workflow_metric_ids: [], category_ids: [] } }, new AbortController().signal, (m) => reports.push(m));
	assert.equal(proposal.improved_prompt, 'Be kind.');
	const counts = reports.filter((m) => /characters received/.test(m));
	assert.ok(counts.length >= 1 && counts.length <= 3, `${counts.length} progress updates`);
	assert.match(counts[counts.length - 1], /100,000 characters received/, 'the last count shown is the latest');
});

test('a throttled value that is still waiting when the stream ends is dropped', async () => {
	const seen: number[] = [];
	const progress = throttled((n: number) => seen.push(n), 20);
	progress.push(1);
	progress.push(2);
	progress.push(3);
	await pause(40);
	assert.deepEqual(seen, [1, 3]);
	progress.push(4);
	progress.push(5);
	progress.stop();
	const before = [...seen];
	await pause(60);
	assert.deepEqual(seen, before, 'nothing arrives after stop()');
	assert.ok(!seen.includes(5));
});
