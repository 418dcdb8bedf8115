import type { Focus } from '../../core/focus';

/** Which model engine asks for its model in the flow (the settings name the engine but not the model). */
export type EngineQuestion = 'vscodeLm' | 'openaiCompatible';

/**
 * What the quick inputs of Improve Prompt from Runs… and Improve Again have chosen so far. After Back, a step
 * starts from what it was answered before (the runs stay checked, the note stays typed).
 */
export interface ImproveChoices {
	runIds: readonly number[];
	focus: Focus;
	/** The names of the runs' failures, from the focus step (for the proposal's coverage check); unset when it was not shown. */
	focusNames?: ReadonlyMap<string, string>;
	/** The runs `focus` was chosen for: after Back, the focus step starts from it while these are the runs. */
	focusFor?: readonly number[];
	/** Improve Again with the same runs and focus as before: the runs and focus steps are not shown. */
	sameRuns?: boolean;
	/** The runs the focus step found nothing to focus on: it is skipped while these are the runs. */
	noFocusFor?: readonly number[];
	/** Set when the engine step is part of the flow. */
	engineQuestion?: EngineQuestion;
	/** The model chosen in the engine step, remembered in the settings when the flow ends. */
	model?: string;
	note?: string;
}

export function runsStepShown(choices: ImproveChoices): boolean {
	return !choices.sameRuns;
}

export function focusStepShown(choices: ImproveChoices): boolean {
	return !choices.sameRuns && !(choices.noFocusFor && sameIds(choices.noFocusFor, choices.runIds));
}

export function engineStepShown(choices: ImproveChoices): boolean {
	return choices.engineQuestion !== undefined;
}

export function sameIds(a: readonly number[], b: readonly number[]): boolean {
	return a.length === b.length && a.every((id) => b.includes(id));
}
