import * as vscode from 'vscode';
import { BACK, type Back, type StepPosition } from '../../core/quickInputStep';
import type { QuickPickWidget } from '../../vscode/userInterface';

/**
 * Shows `picker` until the listeners `wire` adds settle it, or the user hides it (which settles `undefined`).
 * As a step of a flow (`position`), it shows "step/total" and, when it may, a Back button, which settles BACK.
 * The picker and every listener are disposed however it ends.
 */
export async function runQuickPick<T extends vscode.QuickPickItem, R>(
	picker: QuickPickWidget<T>,
	wire: (settle: (result: R | undefined) => void) => vscode.Disposable[],
	position?: StepPosition,
): Promise<R | Back | undefined> {
	let settle: (result: R | Back | undefined) => void = () => {};
	const done = new Promise<R | Back | undefined>((resolve) => (settle = resolve));
	const disposables: vscode.Disposable[] = [];
	if (position) {
		picker.step = position.step;
		picker.totalSteps = position.totalSteps;
		picker.buttons = position.canGoBack ? [vscode.QuickInputButtons.Back] : [];
	}
	try {
		disposables.push(
			picker.onDidHide(() => settle(undefined)),
			picker.onDidTriggerButton((button) => {
				if (button === vscode.QuickInputButtons.Back) settle(BACK);
			}),
			...wire(settle),
		);
		picker.show();
		return await done;
	} finally {
		disposables.forEach((d) => d.dispose());
		picker.dispose();
	}
}
