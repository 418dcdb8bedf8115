import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Proposal } from '../../src/core/proposal';
import type { EngineKind } from '../../src/improve/core/engines/engineCatalog';
import type { ImproveEngine, ImproveInput } from '../../src/improve/core/engines/engineTypes';
import { CekuraError } from '../../src/improve/core/cekuraError';
import type { ErrorAction } from '../../src/improve/core/errorActions';
import { ModelError } from '../../src/improve/core/modelError';
import { requestProposal, type ProposalRequestDeps } from '../../src/improve/core/proposalRequest';

const CEKURA_KEY = 'ck_test_Request/Loop+Key';
const INPUT: ImproveInput = { prompt: 'You are a receptionist.', runIds: [5546], focus: { workflow_metric_ids: [], category_ids: [] } };

/** An engine that answers each request with the next of `answers` (a proposal, or an error to throw). */
class FakeEngine implements ImproveEngine {
	readonly inputs: ImproveInput[] = [];

	constructor(
		readonly kind: EngineKind,
		readonly author: string,
		private readonly answers: (string | Error)[],
	) {}

	async improve(input: ImproveInput): Promise<Proposal> {
		this.inputs.push(input);
		const answer = this.answers.shift();
		if (answer === undefined) throw new Error(`${this.author} was asked more often than the test expected`);
		if (answer instanceof Error) throw answer;
		return { improved_prompt: answer, summary_of_changes: 'Shorter.', author: this.author, warnings: [] };
	}
}

interface Harness {
	deps: ProposalRequestDeps;
	/** Each error shown, with the actions it offered. */
	shown: { err: unknown; actions: readonly ErrorAction[] }[];
	/** The statuses `auto`'s fallback was asked for. */
	fallbacks: (number | undefined)[];
	progress: string[];
	keyPrompts: number;
	rereads: number;
}

function harness(options: {
	setting?: 'auto' | EngineKind;
	/** The engine `configured()` builds, in turn (the last one again when they run out). */
	configured: FakeEngine[];
	fallback?: FakeEngine;
	/** What the user picks on each error shown, in turn; undefined closes it. */
	picks?: (ErrorAction | undefined)[];
	note?: 'without' | 'chooseEngine';
}): Harness {
	const configured = [...options.configured];
	const picks = [...(options.picks ?? [])];
	const h: Harness = {
		shown: [],
		fallbacks: [],
		progress: [],
		keyPrompts: 0,
		rereads: 0,
		deps: {
			log: { debug() {}, info() {}, warn() {}, error() {} },
			engines: {
				configured: async () => (configured.length > 1 ? configured.shift() : configured[0]),
				fallback: async (status) => {
					h.fallbacks.push(status);
					return options.fallback;
				},
				choose: async () => true,
			},
			ui: {
				errors: {
					show: async (err, actions) => {
						h.shown.push({ err, actions });
						return picks.shift();
					},
				},
				improving: async (author, task) => {
					h.progress.push(author);
					return task(new AbortController().signal, () => {});
				},
				noteUnsendable: async () => options.note,
			},
			engineSetting: () => options.setting ?? 'auto',
			rereadSettings: () => {
				h.rereads++;
			},
			secrets: async () => [CEKURA_KEY, undefined],
			setApiKey: async () => {
				h.keyPrompts++;
				return true;
			},
			setModelApiKey: async () => true,
		},
	};
	return h;
}

/** A review that records the proposals it was handed and resolves `result`. */
function recordingReview(result = 'reviewed'): { reviewed: Proposal[]; review: (p: Proposal) => Promise<string> } {
	const reviewed: Proposal[] = [];
	return { reviewed, review: async (p) => (reviewed.push(p), result) };
}

test('the engine\'s proposal reaches the review, under a progress naming the engine, without the keys, and the review\'s result is returned', async () => {
	const cekura = new FakeEngine('cekura', 'Cekura', [`Be brief. Key: ${CEKURA_KEY}`]);
	const h = harness({ configured: [cekura] });
	const { reviewed, review } = recordingReview();
	assert.equal(await requestProposal(h.deps, INPUT, review), 'reviewed');
	assert.equal(reviewed.length, 1);
	assert.equal(reviewed[0].author, 'Cekura');
	assert.equal(reviewed[0].improved_prompt, 'Be brief. Key: «redacted»');
	assert.deepEqual(h.progress, ['Cekura']);
	assert.deepEqual(cekura.inputs, [INPUT]);
	assert.equal(h.shown.length, 0);
});

test('after an error, Retry asks the engine again and its proposal is reviewed', async () => {
	const cekura = new FakeEngine('cekura', 'Cekura', [new CekuraError('server', 'Cekura answered HTTP 503.', { status: 503 }), 'Be brief.']);
	const h = harness({ configured: [cekura], picks: ['retry'] });
	const { reviewed, review } = recordingReview();
	assert.equal(await requestProposal(h.deps, INPUT, review), 'reviewed');
	assert.equal(h.shown.length, 1);
	assert.deepEqual(h.shown[0].actions, ['retry', 'showLog']);
	assert.equal(cekura.inputs.length, 2, 'asked again');
	assert.equal(h.rereads, 1, 'the settings are read again before the new request');
	assert.deepEqual(reviewed.map((p) => p.improved_prompt), ['Be brief.']);
});

test('a cancelled request ends without a review and without an error shown', async () => {
	const cekura = new FakeEngine('cekura', 'Cekura', [new CekuraError('cancelled', 'Cancelled.')]);
	const h = harness({ configured: [cekura] });
	const { reviewed, review } = recordingReview();
	assert.equal(await requestProposal(h.deps, INPUT, review), undefined);
	assert.equal(reviewed.length, 0);
	assert.equal(h.shown.length, 0);
});

test('an error closed without an action ends without a review and without asking again', async () => {
	const cekura = new FakeEngine('cekura', 'Cekura', [new CekuraError('server', 'Cekura answered HTTP 503.', { status: 503 }), 'Be brief.']);
	const h = harness({ configured: [cekura], picks: [undefined] });
	const { reviewed, review } = recordingReview();
	assert.equal(await requestProposal(h.deps, INPUT, review), undefined);
	assert.equal(reviewed.length, 0);
	assert.equal(cekura.inputs.length, 1);
});

test('under auto, a 404 from Cekura falls back to the model engine: asked once, no error shown, the model\'s proposal reviewed', async () => {
	const cekura = new FakeEngine('cekura', 'Cekura', [new CekuraError('notOffered', 'No improve_prompt here.', { status: 404 })]);
	const model = new FakeEngine('openaiCompatible', 'llama3.1 at 127.0.0.1:11434', ['Be brief.']);
	const h = harness({ setting: 'auto', configured: [cekura], fallback: model });
	const { reviewed, review } = recordingReview();
	assert.equal(await requestProposal(h.deps, INPUT, review), 'reviewed');
	assert.deepEqual(h.fallbacks, [404]);
	assert.equal(h.shown.length, 0);
	assert.equal(cekura.inputs.length, 1);
	assert.deepEqual(model.inputs, [INPUT]);
	assert.deepEqual(reviewed.map((p) => p.author), ['llama3.1 at 127.0.0.1:11434']);
	assert.deepEqual(h.progress, ['Cekura', 'llama3.1 at 127.0.0.1:11434']);
});

test('with Cekura\'s engine chosen, a 404 is shown with Choose Improvement Engine… instead of falling back', async () => {
	const cekura = new FakeEngine('cekura', 'Cekura', [new CekuraError('notOffered', 'No improve_prompt here.', { status: 404 })]);
	const h = harness({ setting: 'cekura', configured: [cekura], fallback: new FakeEngine('vscodeLm', 'gpt-4.1 via VS Code', ['Be brief.']) });
	const { reviewed, review } = recordingReview();
	assert.equal(await requestProposal(h.deps, INPUT, review), undefined);
	assert.deepEqual(h.fallbacks, []);
	assert.deepEqual(h.shown.map((s) => s.actions), [['chooseEngine', 'openSettings', 'showLog']]);
	assert.equal(reviewed.length, 0);
});

test('each error offers the actions that help, and Set API Key asks for a key and requests again', async () => {
	const cases: { setting: 'auto' | EngineKind; engine: FakeEngine; actions: ErrorAction[] }[] = [
		{ setting: 'auto', engine: new FakeEngine('cekura', 'Cekura', [new CekuraError('unauthorized', 'Cekura rejected the API key.', { status: 401 })]), actions: ['setApiKey', 'showLog'] },
		{ setting: 'auto', engine: new FakeEngine('cekura', 'Cekura', [new CekuraError('timeout', 'No answer within 60 s.')]), actions: ['retry', 'openSettings', 'showLog'] },
		{ setting: 'openaiCompatible', engine: new FakeEngine('openaiCompatible', 'llama3.1', [new ModelError('unauthorized', 'The model server rejected the key.', { status: 401 })]), actions: ['setModelApiKey', 'showLog'] },
		{ setting: 'vscodeLm', engine: new FakeEngine('vscodeLm', 'gpt-4.1 via VS Code', [new ModelError('unauthorized', 'Not allowed.')]), actions: ['chooseEngine', 'showLog'] },
		{ setting: 'auto', engine: new FakeEngine('cekura', 'Cekura', [new TypeError('x is undefined')]), actions: ['showLog'] },
	];
	for (const c of cases) {
		const h = harness({ setting: c.setting, configured: [c.engine] });
		assert.equal(await requestProposal(h.deps, INPUT, recordingReview().review), undefined);
		assert.deepEqual(h.shown.map((s) => s.actions), [c.actions], c.engine.author);
	}
	const cekura = new FakeEngine('cekura', 'Cekura', [new CekuraError('unauthorized', 'Cekura rejected the API key.', { status: 401 }), 'Be brief.']);
	const h = harness({ configured: [cekura], picks: ['setApiKey'] });
	assert.equal(await requestProposal(h.deps, INPUT, recordingReview().review), 'reviewed');
	assert.equal(h.keyPrompts, 1);
	assert.equal(cekura.inputs.length, 2);
});

test('an error of the review itself is thrown as it is: not shown as the engine\'s, not retried', async () => {
	const cekura = new FakeEngine('cekura', 'Cekura', ['Be brief.', 'Be briefer.']);
	const h = harness({ configured: [cekura], picks: ['retry'] });
	const broken = new CekuraError('server', 'the review failed');
	await assert.rejects(
		requestProposal(h.deps, INPUT, async () => {
			throw broken;
		}),
		(err) => err === broken,
	);
	assert.equal(h.shown.length, 0);
	assert.equal(cekura.inputs.length, 1);
});

test('with Cekura\'s engine chosen, a steering note is dropped only when the user says so; under auto the review warns it was not sent', async () => {
	const noted = { ...INPUT, note: 'keep the greeting' };
	const chosen = new FakeEngine('cekura', 'Cekura', ['Be brief.']);
	const h = harness({ setting: 'cekura', configured: [chosen], note: 'without' });
	assert.equal(await requestProposal(h.deps, noted, recordingReview().review), 'reviewed');
	assert.equal(chosen.inputs[0].note, undefined);

	const stopped = new FakeEngine('cekura', 'Cekura', ['Be brief.']);
	assert.equal(await requestProposal(harness({ setting: 'cekura', configured: [stopped] }).deps, noted, recordingReview().review), undefined);
	assert.equal(stopped.inputs.length, 0, 'nothing is sent when the user closes the question');

	const auto = new FakeEngine('cekura', 'Cekura', ['Be brief.']);
	const { reviewed, review } = recordingReview();
	await requestProposal(harness({ setting: 'auto', configured: [auto] }).deps, noted, review);
	assert.match(reviewed[0].warnings.join('\n'), /Your note was not sent/);
});
