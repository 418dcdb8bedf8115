import type { ChatAnswer, ChatModel } from '../../src/improve/core/engines/chatModel';
import { ModelEngine } from '../../src/improve/core/engines/modelEngine';
import { withoutSecrets } from '../../src/improve/core/engines/proposalSecrets';
import { ModelError } from '../../src/improve/core/modelError';
import { redactSecrets } from '../../src/core/redact';
import type { Proposal } from '../../src/core/proposal';
import type { Run } from '../../src/core/apiTypes';
import { findRun } from '../server/seedData';
import { longPrompt } from '../support/longPrompts';
import { corrupted, KEY, keyShownIn, MODEL_KEY, type FaultCase } from './faultCase';

/**
 * Hostile answers in the edit format: huge counts, a find of the whole prompt, keys echoed into edits. None may
 * hang, give a proposal that is not the prompt with exactly the edits that apply, or show a key (in a draft, the
 * proposal, or the second request sent to the model).
 */

const PROMPT = longPrompt(30_000);
const KEYS = [KEY, MODEL_KEY];
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

interface Outcome {
	proposal?: Proposal;
	error?: unknown;
	drafts: string[];
	requests: string[];
}

/** Improves `prompt` with a model whose answers are `answers` in turn (each streamed in pieces of 100 characters). */
async function improveWith(prompt: string, answers: readonly string[]): Promise<Outcome> {
	const requests: string[] = [];
	const model: ChatModel = {
		label: 'hostile model',
		maxInputTokens: 1_000_000,
		sharedWithOutput: false,
		converse: () => Promise.reject(new Error('not used')),
		async complete(instructions, request, _signal, onText): Promise<ChatAnswer> {
			requests.push(instructions + request);
			const text = answers[Math.min(requests.length - 1, answers.length - 1)];
			for (let i = 0; i < text.length; i += 100) onText(i + 100, text.slice(i, i + 100));
			return { text, finishReason: 'stop' };
		},
	};
	const clean = (text: string): string => redactSecrets(text, KEYS);
	const engine = new ModelEngine('openaiCompatible', model, async () => [findRun(5546) as unknown as Run], quiet, clean);
	const drafts: string[] = [];
	try {
		const proposal = await engine.improve({ prompt, runIds: [5546], focus: { workflow_metric_ids: [], category_ids: [] } }, new AbortController().signal, () => undefined, (d) => drafts.push(d.text));
		// As the request loop does before anything is shown (proposalRequest.ts).
		return { proposal: withoutSecrets(proposal, KEYS), drafts, requests };
	} catch (error) {
		return { error, drafts, requests };
	}
}

const answer = (edits: unknown[], summary = 'Changed.'): string => JSON.stringify({ edits, summary_of_changes: summary });

function shown(outcome: Outcome): string | undefined {
	for (const draft of outcome.drafts) {
		const problem = keyShownIn('a draft of the proposal', draft);
		if (problem) return problem;
	}
	const { proposal, error } = outcome;
	return (
		(proposal && (keyShownIn('the proposal', proposal.improved_prompt) ?? keyShownIn('the summary', proposal.summary_of_changes))) ??
		(error instanceof Error ? keyShownIn('the error', error.message) : undefined)
	);
}

export function editsCases(): FaultCase[] {
	return [
		{
			name: '100,000 edits in one answer: refused clearly, not searched, listed or sent back one by one',
			check: async () => {
				const edits = Array.from({ length: 100_000 }, (_, i) => ({ find: `No such sentence ${i}.`, replace: 'x' }));
				const outcome = await improveWith(PROMPT, [answer(edits)]);
				if (outcome.proposal) return `a proposal came back, its summary ${outcome.proposal.summary_of_changes.length} characters long`;
				if (!(outcome.error instanceof ModelError) || outcome.error.kind !== 'invalidResponse') return `failed with ${String(outcome.error)}`;
				return outcome.requests.length === 1 ? undefined : `${outcome.requests.length} requests were sent`;
			},
		},
		{
			name: '500 one-letter edits, each in the prompt many times: none applied, the proposal is the prompt',
			check: async () => {
				const edits = Array.from({ length: 500 }, () => ({ find: 'e', replace: 'E' }));
				const outcome = await improveWith(PROMPT, [answer(edits)]);
				if (!outcome.proposal) return `failed with ${String(outcome.error)}`;
				return outcome.proposal.improved_prompt === PROMPT ? undefined : corrupted('an ambiguous edit was applied somewhere');
			},
		},
		{
			name: 'a find of the whole CRLF prompt, written with \\n: the replacement takes the prompt\'s \\r\\n throughout',
			check: async () => {
				const crlf = PROMPT.replace(/\n/g, '\r\n');
				const replace = `${PROMPT}Added line.\n`;
				const outcome = await improveWith(crlf, [answer([{ find: PROMPT, replace }])]);
				if (!outcome.proposal) return `failed with ${String(outcome.error)}`;
				const want = replace.replace(/\n/g, '\r\n');
				return outcome.proposal.improved_prompt === want ? undefined : corrupted(`line endings mixed: ${/(?<!\r)\n/.test(outcome.proposal.improved_prompt) ? 'a lone \\n' : 'other text'} in the proposal`);
			},
		},
		{
			name: 'a find of the whole prompt replaced with nothing: refused, no empty proposal to apply',
			check: async () => {
				const outcome = await improveWith(PROMPT, [answer([{ find: PROMPT, replace: '' }])]);
				if (outcome.proposal) return corrupted('an empty proposal would replace the whole prompt on Apply');
				return outcome.error instanceof ModelError && outcome.error.kind === 'invalidResponse' ? undefined : `failed with ${String(outcome.error)}`;
			},
		},
		{
			name: 'edits that echo the model key and Cekura\'s key: not in a draft, the proposal, or the summary',
			check: async () => {
				const outcome = await improveWith(PROMPT, [answer([{ find: 'Keep calls short.', replace: `Keep calls short. Key: ${MODEL_KEY}` }, { find: 'Be kind', replace: `Say ${KEY}.` }, { find: `Not in the prompt ${KEY}`, replace: 'x' }], `Used ${MODEL_KEY}.`)]);
				if (!outcome.proposal) return `failed with ${String(outcome.error)}`;
				if (outcome.drafts.length === 0) return 'no draft was made';
				return shown(outcome);
			},
		},
		{
			name: 'a failed edit whose find holds the model key where the summary cuts it short: no piece of the key in the summary',
			check: async () => {
				const find = `${'Greet every caller warmly and '.repeat(2)}${'x'.repeat(5)}${MODEL_KEY} and more words after it.`;
				const outcome = await improveWith(PROMPT, [answer([{ find, replace: 'x' }])]);
				if (!outcome.proposal) return `failed with ${String(outcome.error)}`;
				if (!/Not applied/.test(outcome.proposal.summary_of_changes)) return 'the failed edit is not listed';
				return shown(outcome);
			},
		},
		{
			name: 'a failed edit whose find holds Cekura\'s key: the second request to the model server does not carry it',
			check: async () => {
				const first = answer([{ find: `Greet ${KEY} warmly`, replace: 'x' }]);
				const outcome = await improveWith(PROMPT, [first, answer([])]);
				if (outcome.requests.length !== 2) return `${outcome.requests.length} requests were sent`;
				return keyShownIn('the second request to the model server', outcome.requests[1]) ?? shown(outcome);
			},
		},
	];
}
