/** Where a quick input stands in a multi-step flow: "2/3" in its title bar, and whether it has a Back button. */
export interface StepPosition {
	step: number;
	totalSteps: number;
	canGoBack: boolean;
}

/** What a step's quick input answers when the user presses Back. A plain object, so it means the same in both bundles. */
export interface Back {
	readonly goBack: true;
}

export const BACK: Back = Object.freeze({ goBack: true });

export function isBack(value: unknown): value is Back {
	return typeof value === 'object' && value !== null && (value as Partial<Back>).goBack === true;
}
