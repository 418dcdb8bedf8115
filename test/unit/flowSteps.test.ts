import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BACK, type Back, type StepPosition } from '../../src/core/quickInputStep';
import { runSteps, type FlowStep, type StepOutcome } from '../../src/improve/core/flowSteps';
import { NO_FOCUS } from '../../src/improve/core/focusOptions';
import { engineStepShown, focusStepShown, runsStepShown, type ImproveChoices } from '../../src/improve/core/improveChoices';

type Answer = ((choices: ImproveChoices) => StepOutcome<ImproveChoices>) | Back | undefined;

/** A flow whose steps answer from a script, recording what each was shown: its name, "step/total", Back or not, the runs checked. */
function scripted(script: Record<string, Answer[]>, names: readonly string[]): { steps: FlowStep<ImproveChoices>[]; shown: string[] } {
	const shown: string[] = [];
	const predicates: Record<string, ((c: ImproveChoices) => boolean) | undefined> = { runs: runsStepShown, focus: focusStepShown, engine: engineStepShown };
	const steps = names.map((name): FlowStep<ImproveChoices> => ({
		shown: predicates[name],
		async run(choices: ImproveChoices, position: StepPosition) {
			shown.push(`${name} ${position.step}/${position.totalSteps}${position.canGoBack ? ' back' : ''} [${choices.runIds.join(',')}]`);
			const answer = script[name].shift();
			if (answer === undefined) return undefined;
			return typeof answer === 'function' ? answer(choices) : answer;
		},
	}));
	return { steps, shown };
}

const runs = (...runIds: number[]) => (c: ImproveChoices) => ({ state: { ...c, runIds } });
const focus = (c: ImproveChoices) => ({ state: { ...c, focus: { workflow_metric_ids: [7], category_ids: [] } } });
const noFocus = (c: ImproveChoices) => ({ state: { ...c, noFocusFor: c.runIds }, skipped: true });
const model = (c: ImproveChoices) => ({ state: { ...c, model: 'm2' } });
const start: ImproveChoices = { runIds: [1], focus: NO_FOCUS, engineQuestion: 'vscodeLm' };

test('Back from focus returns to the runs with the runs chosen still checked, then on through every step', async () => {
	const { steps, shown } = scripted({ runs: [runs(5, 6), runs(5, 6)], focus: [BACK, focus], engine: [model] }, ['runs', 'focus', 'engine']);
	const result = await runSteps(steps, start);
	assert.deepEqual(shown, ['runs 1/3 [1]', 'focus 2/3 back [5,6]', 'runs 1/3 [5,6]', 'focus 2/3 back [5,6]', 'engine 3/3 back [5,6]']);
	assert.deepEqual(result?.runIds, [5, 6]);
	assert.deepEqual(result?.focus.workflow_metric_ids, [7]);
	assert.equal(result?.model, 'm2');
});

test('Back from the engine step returns to focus, or to the runs when focus was skipped (which the count leaves out)', async () => {
	const shownFocus = scripted({ runs: [runs(5)], focus: [focus, focus], engine: [BACK, model] }, ['runs', 'focus', 'engine']);
	await runSteps(shownFocus.steps, start);
	assert.deepEqual(shownFocus.shown, ['runs 1/3 [1]', 'focus 2/3 back [5]', 'engine 3/3 back [5]', 'focus 2/3 back [5]', 'engine 3/3 back [5]']);

	const skipped = scripted({ runs: [runs(5), runs(5)], focus: [noFocus], engine: [BACK, model] }, ['runs', 'focus', 'engine']);
	const result = await runSteps(skipped.steps, start);
	// The same runs again: the focus step is known to have nothing, so it is neither shown nor counted.
	assert.deepEqual(skipped.shown, ['runs 1/3 [1]', 'focus 2/3 back [5]', 'engine 2/2 back [5]', 'runs 1/2 [5]', 'engine 2/2 back [5]']);
	assert.equal(result?.model, 'm2');
});

test('other runs after Back bring the focus step back', async () => {
	const { steps, shown } = scripted({ runs: [runs(5), runs(8)], focus: [noFocus, focus], engine: [BACK, model] }, ['runs', 'focus', 'engine']);
	await runSteps(steps, start);
	assert.deepEqual(shown, ['runs 1/3 [1]', 'focus 2/3 back [5]', 'engine 2/2 back [5]', 'runs 1/2 [5]', 'focus 2/3 back [8]', 'engine 3/3 back [8]']);
});

test('a step that is not shown (no model to choose) is not counted', async () => {
	const { steps, shown } = scripted({ runs: [runs(5)], focus: [focus], engine: [] }, ['runs', 'focus', 'engine']);
	const result = await runSteps(steps, { runIds: [], focus: NO_FOCUS });
	assert.deepEqual(shown, ['runs 1/2 []', 'focus 2/2 back [5]']);
	assert.deepEqual(result?.runIds, [5]);
});

test('Escape at any step cancels the whole flow: no later step runs', async () => {
	for (const at of ['runs', 'focus', 'engine']) {
		const script: Record<string, Answer[]> = { runs: [runs(5)], focus: [focus], engine: [model] };
		script[at] = [undefined];
		const { steps, shown } = scripted(script, ['runs', 'focus', 'engine']);
		assert.equal(await runSteps(steps, start), undefined, `cancelled at ${at}`);
		assert.equal(shown.at(-1)?.split(' ')[0], at);
	}
});

test('Improve Again with the same runs: the runs and focus steps are neither shown nor counted, and Back from the note returns to the choice', async () => {
	const same = (c: ImproveChoices) => ({ state: { ...c, sameRuns: true } });
	const note = (c: ImproveChoices) => ({ state: { ...c, note: 'short' } });
	const { steps, shown } = scripted({ which: [same, same], runs: [], focus: [], engine: [], note: [BACK, note] }, ['which', 'runs', 'focus', 'engine', 'note']);
	const result = await runSteps(steps, { runIds: [3], focus: NO_FOCUS });
	// Before the first choice, the runs and focus steps may come; after Back, the count follows the choice made.
	assert.deepEqual(shown, ['which 1/4 [3]', 'note 2/2 back [3]', 'which 1/2 [3]', 'note 2/2 back [3]']);
	assert.equal(result?.note, 'short');
});
