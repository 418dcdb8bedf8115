import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startCekuraServer, type CekuraServer } from '../server/cekuraServer';
import { METRIC_PHRASES } from '../server/chatScoring';
import { improvePrompt } from '../server/improver';
import { findRun, SAMPLE_PROMPTS, SCENARIOS, SEED_METRICS } from '../server/seedData';
import { simulate } from '../support/apiChatDriver';

/*
 * The scoring rule of the local API chat against every fixture prompt, driven over HTTP with the local agent: which
 * scenarios each prompt passes, that the local improvers' proposals fix what the seeded runs failed, and that
 * removing a guard sentence regresses its guard scenario.
 */

const ROOT = path.join(__dirname, '..', '..', '..');
const fixture = (name: string): string => readFileSync(path.join(ROOT, 'test', 'fixtures', 'workspace', name), 'utf8');
const retell = JSON.parse(fixture('retell-agent.json')).retellLlmData;
/** The lm-provider's proposal line, read from its source so that the two cannot drift apart. */
const READ_BACK_LINE = /const READ_BACK_LINE = '([^']+)';/.exec(readFileSync(path.join(ROOT, 'test', 'fixtures', 'lm-provider', 'extension.js'), 'utf8'))?.[1] ?? '';

interface Case {
	prompt: string;
	agent: number;
	/** The agent's scenarios this prompt passes; it fails the others. */
	passes: number[];
	/** A sentence of the prompt that a passing scenario relies on, and that scenario. */
	guard?: { sentence: string; scenario: number };
}

const CASES: Record<string, Case> = {
	'SAMPLE_PROMPTS dental-front-desk': { prompt: SAMPLE_PROMPTS['dental-front-desk'], agent: 42, passes: [201] },
	'dental-front-desk.md': {
		prompt: fixture('dental-front-desk.md'),
		agent: 42,
		passes: [201, 207],
		guard: { sentence: "- Ask for the caller's full name and date of birth before looking up an appointment.\n", scenario: 207 },
	},
	'front-desk.prompty': { prompt: fixture('front-desk.prompty').split('---\n')[2], agent: 42, passes: [201] },
	'vapi-assistant.json': { prompt: JSON.parse(fixture('vapi-assistant.json')).model.messages[0].content, agent: 42, passes: [201, 207] },
	'SAMPLE_PROMPTS pizza-order-line': { prompt: SAMPLE_PROMPTS['pizza-order-line'], agent: 57, passes: [] },
	'agents.json': { prompt: JSON.parse(fixture('agents.json')).agents[0].systemPrompt, agent: 57, passes: [] },
	'retell-agent.json general_prompt': { prompt: retell.general_prompt, agent: 57, passes: [221], guard: { sentence: 'Prices include tax; ', scenario: 221 } },
	'retell-agent.json confirm_order': {
		prompt: retell.states[1].state_prompt,
		agent: 57,
		passes: [222, 223],
		guard: { sentence: 'Read the order back and ask "Is that everything?"\n', scenario: 223 },
	},
	'SAMPLE_PROMPTS clinic-after-hours-triage': {
		prompt: SAMPLE_PROMPTS['clinic-after-hours-triage'],
		agent: 63,
		passes: [243, 244],
		guard: { sentence: "- `page_on_call_nurse(summary, callback_number)`: pages tonight's on-call nurse.\n", scenario: 244 },
	},
};

const scenariosOf = (agent: number): number[] => Object.keys(SCENARIOS).map(Number).filter((id) => SCENARIOS[id].agent === agent);

let server: CekuraServer;
before(async () => {
	server = await startCekuraServer();
});
after(() => server.close());
beforeEach(() => {
	server.reset();
	server.setModes({ chatStartMs: 0, callerDelayMs: 0, scoreMs: 0 });
});

describe('API chat scoring: each fixture prompt on its agent’s scenarios', () => {
	for (const [name, c] of Object.entries(CASES)) {
		it(`${name} passes ${c.passes.join(', ') || 'none'}`, async () => {
			const scenarios = scenariosOf(c.agent);
			const runs = await simulate(server, c.prompt, c.agent, scenarios);
			assert.deepEqual(runs.filter((r) => r.success).map((r) => r.scenario), c.passes);
			for (const run of runs) {
				assert.equal(run.expected_outcome?.score, run.success ? 100 : 0);
				const failed = run.evaluation.metrics.filter((m) => m.passed === false);
				assert.equal(failed.length === 0, run.success, `run of scenario ${run.scenario}`);
				for (const metric of failed) assert.ok(run.expected_outcome?.explanation.join(' ').includes(METRIC_PHRASES[metric.id].failure), `scenario ${run.scenario} names ${metric.name}`);
			}
		});
	}
});

describe('API chat scoring: proposals and guards', () => {
	const failedRuns = [5522, 5523, 5532, 5534, 5543, 5546, 5547, 5525, 5535, 5536, 5548, 5551, 5529, 5539, 5542];

	it('a proposal of the local improver fixes the scenario of every seeded failing run, on the seeded prompt', async () => {
		for (const id of failedRuns) {
			const run = findRun(id);
			assert.ok(run);
			const slug = { 42: 'dental-front-desk', 57: 'pizza-order-line', 63: 'clinic-after-hours-triage' }[run.agent as 42 | 57 | 63];
			const original = SAMPLE_PROMPTS[slug];
			const proposal = improvePrompt(original, [run]).improved_prompt;
			const [before, afterProposal] = [await simulate(server, original, run.agent, [run.scenario]), await simulate(server, proposal, run.agent, [run.scenario])];
			assert.deepEqual([before[0].success, afterProposal[0].success], [false, true], `run ${id}, scenario ${run.scenario}`);
		}
	});

	it('the language model provider’s read-back line fixes "Booking confirmed"', async () => {
		assert.match(READ_BACK_LINE, /read back the booked date and time/);
		const original = fixture('dental-front-desk.md');
		const [before, afterProposal] = [await simulate(server, original, 42, [205]), await simulate(server, `${original}${READ_BACK_LINE}\n`, 42, [205])];
		assert.deepEqual([before[0].success, afterProposal[0].success], [false, true]);
	});

	for (const [name, c] of Object.entries(CASES)) {
		if (!c.guard) continue;
		const guard = c.guard;
		it(`${name}: without "${guard.sentence.trim()}" scenario ${guard.scenario} regresses`, async () => {
			assert.ok(c.prompt.includes(guard.sentence), 'the guard sentence is in the prompt');
			const [kept, removed] = [await simulate(server, c.prompt, c.agent, [guard.scenario]), await simulate(server, c.prompt.replace(guard.sentence, ''), c.agent, [guard.scenario])];
			assert.deepEqual([kept[0].success, removed[0].success], [true, false]);
		});
	}

	it('gives every binary workflow metric of the seed a phrase', () => {
		const binary = SEED_METRICS.filter((m) => m.type === 'binary_workflow_adherence').map((m) => m.id);
		assert.deepEqual(Object.keys(METRIC_PHRASES).map(Number), binary);
	});
});
