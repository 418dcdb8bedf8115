import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import nodeFetch from 'node-fetch';
import type { ChatModel } from '../../src/improve/core/engines/chatModel';
import { ModelEngine, EDITS_FROM_CHARS } from '../../src/improve/core/engines/modelEngine';
import { OpenAiChatModel } from '../../src/improve/core/engines/openAiChatModel';
import type { StreamingFetchLike } from '../../src/improve/core/httpTypes';
import { OpenAiCompatibleClient } from '../../src/improve/core/openAiCompatibleClient';
import { NOT_FOUND_SUFFIX } from '../server/editAnswers';
import { editsOfChange } from '../server/editsOfChange';
import { improvePrompt } from '../server/improver';
import { startOpenAiServer, type OpenAiMode, type OpenAiServer, type RecordedOpenAiRequest } from '../server/openAiServer';
import { findRun, type SeedRun } from '../server/seedData';
import { longPrompt } from '../support/longPrompts';
import type { Run } from '../../src/core/apiTypes';
import type { Proposal } from '../../src/core/proposal';

const fetch: StreamingFetchLike = (url, init) => nodeFetch(url, init);
const RUN = findRun(5546) as SeedRun;
const FOCUS = { workflow_metric_ids: [7], category_ids: [] };
const LONG = longPrompt(EDITS_FROM_CHARS + 2_000);

let server: OpenAiServer;
let logged: string[];

before(async () => {
	server = await startOpenAiServer();
});
after(() => server.close());
beforeEach(() => {
	server.reset();
	logged = [];
});

const log = { debug: () => undefined, info: (m: string) => logged.push(m), warn: (m: string) => logged.push(m), error: (m: string) => logged.push(m) };

function engine(model = 'local-improver'): ModelEngine {
	const client = new OpenAiCompatibleClient({ baseUrl: server.url, model, fetch, timeoutMs: 5000, log });
	return new ModelEngine('openaiCompatible', new OpenAiChatModel(client, model, 128_000), async () => [RUN as unknown as Run], log);
}

async function improve(mode: OpenAiMode, prompt = LONG, onDraft?: (d: { text: string; editsApplied: number }) => void): Promise<Proposal> {
	server.setModes({ mode, editPauseMs: 5 });
	return engine().improve({ prompt, runIds: [RUN.id], focus: FOCUS }, new AbortController().signal, () => undefined, onDraft);
}

const expected = (prompt: string): string => improvePrompt(prompt, [RUN], [], [7]).improved_prompt;
const chats = (): RecordedOpenAiRequest[] => server.requests.filter((r) => r.path === '/v1/chat/completions');
const sent = (r: RecordedOpenAiRequest): string => JSON.stringify(r.body);

test('a long prompt is answered with edits, and the proposal is the local improver\'s text exactly', async () => {
	const proposal = await improve('stream');
	assert.equal(proposal.improved_prompt, expected(LONG));
	assert.equal(chats().length, 1);
	assert.match(sent(chats()[0]), /\{\\"edits\\": \[\{\\"find\\": /, 'the instructions show the edit format');
	const format = (chats()[0].body as { response_format?: { type: string; json_schema: { name: string; strict: boolean; schema: { required: string[] } } } }).response_format;
	assert.equal(format?.type, 'json_schema');
	assert.equal(format?.json_schema.name, 'prompt_edits');
	assert.equal(format?.json_schema.strict, true);
	assert.deepEqual(format?.json_schema.schema.required, ['edits', 'summary_of_changes']);
});

test('a CRLF prompt keeps its line endings in the proposal', async () => {
	const crlf = LONG.replace(/\n/g, '\r\n');
	const proposal = await improve('stream', crlf);
	assert.equal(proposal.improved_prompt, expected(LONG).replace(/\n/g, '\r\n'));
});

test('a short prompt is still answered whole', async () => {
	const short = longPrompt(1_000);
	assert.ok(short.length < EDITS_FROM_CHARS);
	const proposal = await improve('stream', short);
	assert.equal(proposal.improved_prompt, expected(short));
	assert.doesNotMatch(sent(chats()[0]), /"edits\\": \[/);
});

test('streamed edits give a draft after each edit that applies, the last one the proposal', async () => {
	const drafts: { text: string; editsApplied: number }[] = [];
	const proposal = await improve('edits', LONG, (d) => drafts.push(d));
	assert.ok(drafts.length >= 2, `${drafts.length} drafts`);
	assert.deepEqual(drafts.map((d) => d.editsApplied), drafts.map((_, i) => i + 1));
	assert.equal(drafts[drafts.length - 1].text, proposal.improved_prompt);
});

test('a model writing at its own pace: the progress counts the characters as they come, and each edit is a draft once written, before the next', async () => {
	server.setModes({ mode: 'edits', editPauseMs: 0, charsPerSecond: 1200 });
	const events: string[] = [];
	const draftedAt: number[] = [];
	const onDraft = (d: { editsApplied: number }): void => {
		events.push(`draft ${d.editsApplied}`);
		draftedAt.push(Date.now());
	};
	await engine().improve({ prompt: LONG, runIds: [RUN.id], focus: FOCUS }, new AbortController().signal, (m) => events.push(m), onDraft);
	const written = chats()[0].editsWrittenAt ?? [];
	assert.ok(written.length >= 2, `the server wrote ${written.length} edits`);
	assert.equal(draftedAt.length, written.length);
	assert.ok(events.slice(0, events.indexOf('draft 1')).some((m) => /characters received/.test(m)), `no count of characters before the first edit: ${events.join(' | ')}`);
	draftedAt.forEach((at, i) => {
		assert.ok(at >= written[i], `draft ${i + 1} came before the server wrote its edit`);
		if (i + 1 < written.length) assert.ok(at < written[i + 1], `draft ${i + 1} waited for the next edit`);
	});
});

for (const mode of ['edit-not-found', 'edit-ambiguous', 'edits-overlap'] as const) {
	test(`${mode}: the model is asked once more, naming the failed edit and why, and the corrected proposal is exact`, async () => {
		const proposal = await improve(mode);
		assert.equal(proposal.improved_prompt, expected(LONG));
		assert.doesNotMatch(proposal.summary_of_changes, /Not applied/);
		assert.equal(chats().length, 2);
		const second = sent(chats()[1]);
		assert.match(second, /# Your previous answer/);
		assert.match(second, mode === 'edit-not-found' ? /does not occur in the prompt/ : mode === 'edit-ambiguous' ? /occurs more than once/ : /overlaps edit 1/);
		assert.ok(second.includes('BEGIN PROMPT'), 'the second request has the prompt');
	});

	test(`${mode}-twice: what did apply is the proposal, and the summary lists what did not`, async () => {
		const proposal = await improve(`${mode}-twice`);
		assert.equal(chats().length, 2, 'asked once more, not more');
		assert.match(proposal.summary_of_changes, /Not applied: the model proposed these changes, but they did not match the prompt exactly, even when asked again:\n- /);
		assert.match(proposal.summary_of_changes, mode === 'edit-not-found' ? /this text is not in the prompt/ : mode === 'edit-ambiguous' ? /more than once/ : /overlaps another change/);
		if (mode === 'edits-overlap') assert.equal(proposal.improved_prompt, expected(LONG), 'the edit it overlapped stands');
		else {
			assert.notEqual(proposal.improved_prompt, expected(LONG), 'the failed edit is left out');
			assert.ok(!proposal.improved_prompt.includes(NOT_FOUND_SUFFIX.trim()));
			assert.ok(proposal.improved_prompt.includes('## Rules learned from test runs'), 'the edits that applied are in');
		}
	});
}

test('a whole-prompt answer cut at the output limit (finish_reason "length") is asked again, once, for edits', async () => {
	const short = longPrompt(1_000);
	const proposal = await improve('length', short);
	assert.equal(proposal.improved_prompt, expected(short));
	assert.equal(chats().length, 2);
	assert.doesNotMatch(sent(chats()[0]), /"edits\\": \[/);
	assert.match(sent(chats()[1]), /\{\\"edits\\": \[/);
	assert.ok(logged.some((m) => /stopped at its output limit .* asking again for edits/.test(m)));
});

test('a server that answers 400 to response_format is asked again without it, and not sent it again', async () => {
	const first = await improve('structured-refused');
	assert.equal(first.improved_prompt, expected(LONG));
	assert.deepEqual(first.warnings, [], 'silently: nothing shown with the proposal');
	assert.deepEqual(chats().map((r) => 'response_format' in (r.body as object)), [true, false]);
	assert.ok(logged.some((m) => /refused structured output \(response_format\) with 400/.test(m)), 'a log line says so');
	await improve('structured-refused');
	assert.deepEqual(chats().map((r) => 'response_format' in (r.body as object)), [true, false, false], 'remembered for this server');
});

test('a model that says no finish reason (VS Code\'s) and stops inside the whole answer is asked again for edits', async () => {
	const short = longPrompt(1_000);
	const improved = expected(short);
	const requests: string[] = [];
	const model: ChatModel = {
		label: 'vscode-like',
		maxInputTokens: 128_000,
		sharedWithOutput: false,
		converse: () => Promise.reject(new Error('not used')),
		async complete(instructions, _request, _signal, onText) {
			requests.push(instructions);
			const text = requests.length === 1
				? JSON.stringify({ improved_prompt: improved, summary_of_changes: 's' }).slice(0, 300)
				: JSON.stringify({ edits: editsOfChange(short, improved), summary_of_changes: 'Edited.' });
			onText(text.length, text);
			return { text };
		},
	};
	const drafts: string[] = [];
	const proposal = await new ModelEngine('vscodeLm', model, async () => [RUN as unknown as Run], log).improve({ prompt: short, runIds: [RUN.id], focus: FOCUS }, new AbortController().signal, () => undefined, (d) => drafts.push(d.text));
	assert.equal(proposal.improved_prompt, improved);
	assert.equal(proposal.summary_of_changes, 'Edited.');
	assert.equal(requests.length, 2);
	assert.ok(requests[1].includes('{"edits": [{"find": '));
	assert.equal(drafts.at(-1), improved, 'drafts come from the VS Code model\'s pieces too');
});

test('a model whose edits never apply, answering garbage the second time, still gives what applied and lists the rest', async () => {
	const answers = [
		JSON.stringify({ edits: [{ find: 'Keep calls short.', replace: 'Keep calls brief.' }, { find: 'Not in the prompt.', replace: 'x' }], summary_of_changes: 'Two changes.' }),
		'Sorry, I cannot help with that.',
	];
	let calls = 0;
	const model: ChatModel = {
		label: 'stubborn',
		maxInputTokens: 128_000,
		sharedWithOutput: false,
		converse: () => Promise.reject(new Error('not used')),
		async complete() {
			return { text: answers[calls++], finishReason: 'stop' };
		},
	};
	const proposal = await new ModelEngine('openaiCompatible', model, async () => [RUN as unknown as Run], log).improve({ prompt: LONG, runIds: [RUN.id], focus: FOCUS }, new AbortController().signal, () => undefined);
	assert.equal(proposal.improved_prompt, LONG.replace('Keep calls short.', 'Keep calls brief.'));
	assert.match(proposal.summary_of_changes, /^Two changes\.\n\nNot applied: .*\n- "Not in the prompt\.": this text is not in the prompt\.$/);
});
