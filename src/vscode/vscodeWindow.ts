import * as vscode from 'vscode';
import { errorMessage } from '../core/errorMessage';
import { BACK, type Back, type StepPosition } from '../core/quickInputStep';
import type { InputBoxSpec, QuickPickSpec, UserInterface } from './userInterface';

/** VS Code's window behind the `UserInterface` seam. The ids are for tests: VS Code is not told them. */
export const vscodeWindow: UserInterface = {
	showMessage(severity, text, options, ...actions) {
		switch (severity) {
			case 'error':
				return vscode.window.showErrorMessage(text, options, ...actions);
			case 'warning':
				return vscode.window.showWarningMessage(text, options, ...actions);
			case 'info':
				return vscode.window.showInformationMessage(text, options, ...actions);
		}
	},
	showInputBox: ({ id: _id, ...options }) => vscode.window.showInputBox(options),
	showQuickPick: (items, { id: _id, ...options }) => vscode.window.showQuickPick(items, options),
	createQuickPick: () => vscode.window.createQuickPick(),
	inputStep,
	pickStep,
	withProgress: (title, task) =>
		vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => task((message) => progress.report({ message }), token)),
};

/** The step counter and Back button of `input`; resolves BACK when Back is pressed. */
function asStep(input: vscode.QuickInput & Pick<vscode.QuickPick<vscode.QuickPickItem>, 'buttons' | 'onDidTriggerButton'>, position: StepPosition, back: () => void): vscode.Disposable {
	input.step = position.step;
	input.totalSteps = position.totalSteps;
	input.buttons = position.canGoBack ? [vscode.QuickInputButtons.Back] : [];
	return input.onDidTriggerButton((button) => {
		if (button === vscode.QuickInputButtons.Back) back();
	});
}

function inputStep({ id: _id, ...options }: InputBoxSpec, position: StepPosition): Promise<string | Back | undefined> {
	const box = vscode.window.createInputBox();
	box.title = options.title;
	box.prompt = options.prompt;
	box.placeholder = options.placeHolder;
	box.value = options.value ?? '';
	box.password = options.password ?? false;
	box.ignoreFocusOut = options.ignoreFocusOut ?? false;
	const check = async (value: string): Promise<string | undefined> => {
		const result = await options.validateInput?.(value);
		return (typeof result === 'string' ? result : result?.message) || undefined;
	};
	const showCheck = (value: string): void => {
		check(value).then((message) => {
			if (box.value === value) box.validationMessage = message;
		}, (err: unknown) => (box.validationMessage = errorMessage(err)));
	};
	return new Promise((resolve) => {
		const finish = (result: string | Back | undefined): void => {
			disposables.forEach((d) => d.dispose());
			box.dispose();
			resolve(result);
		};
		const disposables = [
			asStep(box, position, () => finish(BACK)),
			box.onDidChangeValue(showCheck),
			box.onDidAccept(() => {
				const value = box.value;
				check(value).then((message) => {
					if (message === undefined) finish(value);
					else box.validationMessage = message;
				}, (err: unknown) => (box.validationMessage = errorMessage(err)));
			}),
			box.onDidHide(() => finish(undefined)),
		];
		box.show();
		// As showInputBox does: a value given to start with is checked at once.
		if (box.value) showCheck(box.value);
	});
}

function pickStep<T extends vscode.QuickPickItem>(items: readonly T[], { id: _id, ...options }: QuickPickSpec, position: StepPosition): Promise<T | Back | undefined> {
	const pick = vscode.window.createQuickPick<T>();
	pick.items = items;
	pick.title = options.title;
	pick.placeholder = options.placeHolder;
	pick.matchOnDescription = options.matchOnDescription ?? false;
	pick.matchOnDetail = options.matchOnDetail ?? false;
	pick.ignoreFocusOut = options.ignoreFocusOut ?? false;
	return new Promise((resolve) => {
		const finish = (result: T | Back | undefined): void => {
			disposables.forEach((d) => d.dispose());
			pick.dispose();
			resolve(result);
		};
		const disposables = [
			asStep(pick, position, () => finish(BACK)),
			pick.onDidAccept(() => {
				const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
				if (chosen) finish(chosen);
			}),
			pick.onDidHide(() => finish(undefined)),
		];
		pick.show();
	});
}
