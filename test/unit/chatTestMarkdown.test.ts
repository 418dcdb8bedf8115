import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Run } from '../../src/core/apiTypes';
import { redact } from '../../src/core/redact';
import { renderChatTestMarkdown, type ChatTestPage } from '../../src/improve/core/chatTest/chatTestMarkdown';
import type { ChatTestOutcome, Verdict } from '../../src/improve/core/chatTest/chatTestTypes';

const KEY = 'ck_live_Markdown/Key+42';

function run(id: number, resultId: number, passed: boolean, caller = 'I need to move my appointment.'): Run {
	return {
		id,
		result_id: resultId,
		agent: 7,
		scenario: 1,
		status: 'completed',
		expected_outcome: { score: passed ? 100 : 0, explanation: [passed ? 'The agent moved it.' : `The agent never offered a slot; the caller said ${KEY}.`] },
		evaluation: { metrics: passed ? [] : [{ id: 5, name: 'Offers a slot <b>now</b>', eval_type: 'binary', passed: false, explanation: ['No slot at 00:12.'] }] },
		transcript_object: [
			{ role: 'Testing Agent', content: caller },
			{ role: 'Main Agent', content: 'Sure, which day?' },
		],
	};
}

function outcome(verdict: Verdict, scenarioName = 'Reschedule'): ChatTestOutcome {
	return {
		plan: { scenarios: [], frequency: 1, maxTurns: 30, original: 'a', proposal: 'b' },
		modelLabel: 'gpt-4.1 via VS Code',
		verdicts: [
			{
				scenario: { id: 1, name: scenarioName, agentId: 7, kind: 'failed', fromRunIds: [11] },
				n: 1,
				originalPasses: 0,
				proposalPasses: verdict === 'fixed' ? 1 : 0,
				verdict,
				originalRuns: [run(901, 500, false, '<img src=x onerror=alert(1)> [click](https://evil.example) # heading')],
				proposalRuns: [run(902, 501, verdict === 'fixed')],
			},
		],
		results: [
			{ agentId: 7, side: 'original', resultId: 500, status: 'completed' },
			{ agentId: 7, side: 'proposal', resultId: 501, status: 'completed' },
		],
		chats: [
			{ side: 'original', agentId: 7, resultId: 500, runId: 901, turns: 4, end: 'ended' },
			{ side: 'proposal', agentId: 7, resultId: 501, runId: 902, turns: 30, end: 'maxTurns' },
		],
		startedAt: 0,
		finishedAt: 1,
	};
}

const page = (baseUrl: string): ChatTestPage => ({ sourceName: 'prompt.md', baseUrl, projectIdOf: () => 42, clean: (text) => redact(text, [KEY]) });

describe('renderChatTestMarkdown', () => {
	test('says plainly what was simulated, and gives each scenario its passes and verdict', () => {
		const md = renderChatTestMarkdown(outcome('fixed'), page('https://api.cekura.ai'));
		assert.match(md, /Simulated text chats with gpt\\-4\\\.1 via VS Code playing the agent; voice, latency and real tool calls are not exercised\./);
		assert.match(md, /\| Reschedule \| 0\/1 \| 1\/1 \| ✔ fixed \|/);
		assert.match(md, /^One conversation per scenario and prompt, at most 30 agent turns;/m, 'one conversation is not "1 conversations"');
		assert.match(md, /The agent never offered a slot/);
		assert.match(md, /Offers a slot \\<b\\>now\\<\/b\\>|Offers a slot \\<b\\>now\\<\\\/b\\>/);
		assert.match(md, /The extension ended the chat after 30 agent turns/);
		assert.match(md, /<details><summary>Simulated transcript \(2 turns\)<\/summary>/);
		assert.doesNotMatch(md, /Improve Again with These Results/, 'nothing to improve when the proposal fixed it');
	});

	test('links both results to Cekura\'s dashboard only on Cekura\'s own API; elsewhere it shows the result IDs', () => {
		const own = renderChatTestMarkdown(outcome('fixed'), page('https://api.cekura.ai'));
		assert.ok(own.includes('(https://dashboard.cekura.ai/42/results/500)'));
		assert.ok(own.includes('(https://dashboard.cekura.ai/42/results/501)'));
		const local = renderChatTestMarkdown(outcome('fixed'), page('http://127.0.0.1:8787'));
		assert.ok(!local.includes('dashboard.cekura.ai'));
		assert.match(local, /result 500, completed/);
		assert.match(local, /result 501, completed/);
	});

	test('everything the server wrote is escaped: no HTML, link or heading of its own, and the key never shows', () => {
		const md = renderChatTestMarkdown(outcome('stillFailing', `[x](https://evil.example) <script>${KEY}</script>`), page('https://api.cekura.ai'));
		assert.doesNotMatch(md, /(^|[^\\])<(img|script)/m, 'no raw HTML from a transcript or a name');
		assert.match(md, /\\<img src\\=x/);
		assert.ok(!md.includes('](https://evil.example)'), 'no link from the server');
		assert.ok(!md.includes(KEY) && !md.includes('Markdown/Key'), 'the key is cleaned out');
		assert.match(md, /\\# heading/);
	});

	test('where the proposal still fails or regressed, it closes with Improve Again with These Results', () => {
		for (const verdict of ['stillFailing', 'regressed'] as const) {
			assert.match(renderChatTestMarkdown(outcome(verdict), page('https://api.cekura.ai')), /Improve Again with These Results/);
		}
	});
});
