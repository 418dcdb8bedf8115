import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Proposal } from '../../src/core/proposal';
import type { EngineKind } from '../../src/improve/core/engines/engineCatalog';
import type { ImproveEngine, ImproveInput } from '../../src/improve/core/engines/engineTypes';
import { CekuraError } from '../../src/improve/core/cekuraError';
import { ModelError } from '../../src/improve/core/modelError';
import type { ErrorAction } from '../../src/improve/core/errorActions';
import type { DraftReview, ProposalDraft } from '../../src/improve/core/proposalDraft';
import { draftFeed } from '../../src/improve/core/proposalDraft';
import { requestProposal, type ProposalRequestDeps } from '../../src/improve/core/proposalRequest';

const MODEL_KEY = 'sk-draft-Test+Key/42';
const INPUT: ImproveInput = { prompt: 'Greet. Book. End.', runIds: [5546], focus: { workflow_metric_ids: [], category_ids: [] } };

/** One answer of the fake engine: drafts streamed, then a proposal text or an error. */
interface Answer {
	drafts: string[];
	end: string | Error;
}

/** An engine answering with edits: each draft is handed to `onDraft` before the proposal (or error) comes. */
class EditsEngine implements ImproveEngine {
	readonly signals: AbortSignal[] = [];
	readonly reported: string[] = [];

	constructor(
		readonly kind: EngineKind,
		readonly author: string,
		private readonly answers: Answer[],
		/** Called after the drafts, before the end: a test acts there (cancels, closes the draft). */
		private readonly midway: () => void = () => {},
	) {}

	async improve(_input: ImproveInput, signal: AbortSignal, report: (m: string) => void, onDraft?: (d: ProposalDraft) => void): Promise<Proposal> {
		this.signals.push(signal);
		const answer = this.answers.shift();
		if (!answer) throw new Error('asked more often than expected');
		report('asking the model…');
		answer.drafts.forEach((text, i) => onDraft?.({ text, editsApplied: i + 1 }));
		report('llama: 1,204 characters received…');
		this.midway();
		if (signal.aborted) throw new CekuraError('cancelled', 'Cancelled.');
		if (answer.end instanceof Error) throw answer.end;
		return { improved_prompt: answer.end, summary_of_changes: 'Confirms bookings.', author: this.author, warnings: [] };
	}
}

/** A draft review that notes what it was shown and whether it was closed. */
class FakeDraft implements DraftReview {
	readonly shown: ProposalDraft[] = [];
	disposed = false;
	takenOver = false;
	private readonly abort = new AbortController();
	readonly closed = this.abort.signal;

	constructor(readonly author: string) {}

	async update(draft: ProposalDraft): Promise<boolean> {
		assert.equal(this.disposed, false, 'a draft arrived after the attempt ended');
		this.shown.push(draft);
		return true;
	}

	closeByUser(): void {
		this.abort.abort();
	}

	async dispose(): Promise<void> {
		this.disposed = true;
	}
}

function deps(configured: ImproveEngine[], picks: (ErrorAction | undefined)[] = [], progress: string[] = []): { deps: ProposalRequestDeps; shown: unknown[] } {
	const shown: unknown[] = [];
	return {
		shown,
		deps: {
			log: { debug() {}, info() {}, warn() {}, error() {} },
			engines: { configured: async () => (configured.length > 1 ? configured.shift() : configured[0]), fallback: async () => undefined, choose: async () => true },
			ui: {
				errors: { show: async (err) => (shown.push(err), picks.shift()) },
				improving: async (_author, task) => task(new AbortController().signal, (m) => progress.push(m)),
				noteUnsendable: async () => undefined,
			},
			engineSetting: () => 'openaiCompatible',
			rereadSettings() {},
			secrets: async () => [MODEL_KEY],
			setApiKey: async () => true,
			setModelApiKey: async () => true,
		},
	};
}

/** Runs a request whose review takes its draft over (notes both); resolves the drafts made, in order. */
async function run(engines: ImproveEngine[], picks: (ErrorAction | undefined)[] = [], progress: string[] = []): Promise<{ drafts: FakeDraft[]; reviewed: { proposal: Proposal; draft: FakeDraft | undefined }[]; shown: unknown[]; result: string | undefined }> {
	const drafts: FakeDraft[] = [];
	const reviewed: { proposal: Proposal; draft: FakeDraft | undefined }[] = [];
	const h = deps(engines, picks, progress);
	const result = await requestProposal<string, FakeDraft>(
		h.deps,
		INPUT,
		async (proposal, draft) => {
			reviewed.push({ proposal, draft });
			if (draft) draft.takenOver = true;
			return 'reviewed';
		},
		(author) => {
			assert.ok(drafts.every((d) => d.disposed), 'a new draft was made while an earlier one was still open');
			const draft = new FakeDraft(author);
			drafts.push(draft);
			return draft;
		},
	);
	return { drafts, reviewed, shown: h.shown, result };
}

test('edits stream into the draft as they arrive, and the proposal\'s review gets that draft to take over', async () => {
	const engine = new EditsEngine('openaiCompatible', 'llama', [{ drafts: ['Greet. Book, confirm. End.', 'Greet warmly. Book, confirm. End.'], end: 'Greet warmly. Book, confirm. End.' }]);
	const { drafts, reviewed, result } = await run([engine]);
	assert.equal(result, 'reviewed');
	assert.equal(drafts.length, 1);
	assert.deepEqual(drafts[0].shown.map((d) => d.editsApplied), [1, 2]);
	assert.equal(drafts[0].author, 'llama');
	assert.equal(reviewed[0].draft, drafts[0]);
	assert.equal(drafts[0].disposed, true, 'the draft is disposed after the review (a no-op once taken over)');
});

test('the progress says how many edits the review shows, after the engine\'s own message', async () => {
	const progress: string[] = [];
	const engine = new EditsEngine('openaiCompatible', 'llama', [{ drafts: ['a', 'b', 'c'], end: 'c' }]);
	await run([engine], [], progress);
	assert.deepEqual(progress, [
		'asking the model…',
		'llama: 1,204 characters received…',
		'llama: 1,204 characters received… (1 edit so far)',
		'llama: 1,204 characters received… (2 edits so far)',
		'llama: 1,204 characters received… (3 edits so far)',
	]);
});

test('the count of edits waits until the review shows them (sent with the draft, it would delay the review), and a draft never shown is not counted', async () => {
	const progress: string[] = [];
	let settle: ((shown: boolean) => void) | undefined;
	const review: DraftReview = {
		closed: new AbortController().signal,
		dispose: async () => {},
		update: () => new Promise<boolean>((resolve) => (settle = resolve)),
	};
	const feed = draftFeed(review, (m) => progress.push(m), []);
	const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
	feed.report('asking the model…');
	feed.onDraft({ text: 'a', editsApplied: 1 });
	await tick();
	assert.deepEqual(progress, ['asking the model…'], 'the count went out before the review showed the edit');
	settle?.(true);
	await tick();
	assert.deepEqual(progress, ['asking the model…', 'asking the model… (1 edit so far)']);
	feed.onDraft({ text: 'b', editsApplied: 2 });
	settle?.(false);
	await tick();
	feed.report('llama: 804 characters received…');
	assert.deepEqual(progress.slice(2), ['llama: 804 characters received… (1 edit so far)']);
});

test('a key the model echoes into an edit is taken out of the draft before it is shown', async () => {
	const engine = new EditsEngine('openaiCompatible', 'llama', [{ drafts: [`Greet. Use key ${MODEL_KEY}. End.`], end: 'Greet. End.' }]);
	const { drafts } = await run([engine]);
	assert.equal(drafts[0].shown[0].text, 'Greet. Use key «redacted». End.');
});

test('an error mid-stream closes that attempt\'s draft, no review is made, and Retry starts a new draft', async () => {
	const engine = new EditsEngine('openaiCompatible', 'llama', [
		{ drafts: ['Greet. Book, confirm. End.'], end: new ModelError('server', 'The model server answered HTTP 500.', { status: 500 }) },
		{ drafts: ['Greet warmly. Book. End.'], end: 'Greet warmly. Book. End.' },
	]);
	const { drafts, reviewed, shown } = await run([engine], ['retry']);
	assert.equal(shown.length, 1, 'the error is shown');
	assert.equal(drafts.length, 2);
	assert.equal(drafts[0].disposed, true);
	assert.equal(drafts[0].takenOver, false, 'the failed attempt\'s draft was closed, not reviewed');
	assert.deepEqual(reviewed.map((r) => r.draft), [drafts[1]]);
});

test('an error closed without retrying leaves no draft and no review', async () => {
	const engine = new EditsEngine('openaiCompatible', 'llama', [{ drafts: ['x'], end: new ModelError('server', 'HTTP 500.', { status: 500 }) }]);
	const { drafts, reviewed, result } = await run([engine], [undefined]);
	assert.equal(result, undefined);
	assert.equal(reviewed.length, 0);
	assert.deepEqual(drafts.map((d) => [d.disposed, d.takenOver]), [[true, false]]);
});

test('the user closing the draft review aborts the engine\'s signal: the request ends quietly, nothing reviewed', async () => {
	let draft: FakeDraft | undefined;
	const engine = new EditsEngine('openaiCompatible', 'llama', [{ drafts: ['x', 'y'], end: 'y' }], () => draft?.closeByUser());
	const h = deps([engine]);
	const reviewed: Proposal[] = [];
	const result = await requestProposal(h.deps, INPUT, async (p) => (reviewed.push(p), 'reviewed'), (author) => (draft = new FakeDraft(author)));
	assert.equal(result, undefined);
	assert.equal(engine.signals[0].aborted, true);
	assert.equal(reviewed.length, 0);
	assert.equal(h.shown.length, 0, 'a cancellation is not an error');
	assert.equal(draft?.disposed, true);
});

test('a whole-prompt answer makes no draft updates: the review gets the proposal as before', async () => {
	const engine = new EditsEngine('cekura', 'Cekura', [{ drafts: [], end: 'Greet. Book, confirm. End.' }]);
	const { drafts, reviewed } = await run([engine]);
	assert.deepEqual(drafts[0].shown, []);
	assert.equal(reviewed[0].proposal.improved_prompt, 'Greet. Book, confirm. End.');
});

test('a review that throws still closes the draft it did not take over', async () => {
	const engine = new EditsEngine('openaiCompatible', 'llama', [{ drafts: ['x'], end: 'x' }]);
	const h = deps([engine]);
	let draft: FakeDraft | undefined;
	const broken = new Error('the review failed');
	await assert.rejects(
		requestProposal(h.deps, INPUT, async () => {
			throw broken;
		}, (author) => (draft = new FakeDraft(author))),
		(err) => err === broken,
	);
	assert.equal(draft?.disposed, true);
	assert.equal(draft?.takenOver, false);
});
