import { isBack, type Back, type StepPosition } from '../../core/quickInputStep';

/** What a step's quick input ended with: the flow's state with its answer, Back, or undefined when cancelled. */
export type StepOutcome<S> = { state: S; skipped?: boolean } | Back | undefined;

/** One quick input of a multi-step flow (the quick-input sample's pattern, as a list of steps). */
export interface FlowStep<S> {
	/**
	 * Whether the step will be shown for `state`, as far as is known before it runs (default: yes). A step not shown
	 * is not counted in the steps' total, and Back passes over it.
	 */
	shown?(state: S): boolean;
	/**
	 * Asks, at `position`, starting from what `state` holds (the previous answer, after Back). `skipped` when it turned
	 * out to have nothing to ask (then it is not a step Back returns to).
	 */
	run(state: S, position: StepPosition): Promise<StepOutcome<S>>;
}

/**
 * Runs `steps` in order from `initial`. Back returns to the previous step that was shown, with the state as it is
 * (so that step shows the answer given before); cancelling any step cancels the flow (undefined).
 */
export async function runSteps<S>(steps: readonly FlowStep<S>[], initial: S): Promise<S | undefined> {
	let state = initial;
	const answered: number[] = [];
	let index = 0;
	while (index < steps.length) {
		const step = steps[index];
		if (step.shown && !step.shown(state)) {
			index++;
			continue;
		}
		const outcome = await step.run(state, stepPosition(steps, index, state, answered.length));
		if (outcome === undefined) return undefined;
		if (isBack(outcome)) {
			const previous = answered.pop();
			// The first step shows no Back button; a Back there anyway means leaving the flow.
			if (previous === undefined) return undefined;
			index = previous;
			continue;
		}
		state = outcome.state;
		if (!outcome.skipped) answered.push(index);
		index++;
	}
	return state;
}

/** "step/total" of the step at `index`, after `answered` steps were shown: the steps ahead count when they will be shown. */
function stepPosition<S>(steps: readonly FlowStep<S>[], index: number, state: S, answered: number): StepPosition {
	const ahead = steps.slice(index + 1).filter((s) => !s.shown || s.shown(state)).length;
	return { step: answered + 1, totalSteps: answered + 1 + ahead, canGoBack: answered > 0 };
}
