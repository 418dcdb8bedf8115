import type * as vscode from 'vscode';
import type { QuickPickWidget } from '../../vscode/userInterface';

/**
 * Shows `picker` until the listeners `wire` adds settle it, or the user hides it (which settles `undefined`).
 * The picker and every listener are disposed however it ends.
 */
export async function runQuickPick<T extends vscode.QuickPickItem, R>(
	picker: QuickPickWidget<T>,
	wire: (settle: (result: R | undefined) => void) => vscode.Disposable[],
): Promise<R | undefined> {
	let settle: (result: R | undefined) => void = () => {};
	const done = new Promise<R | undefined>((resolve) => (settle = resolve));
	const disposables: vscode.Disposable[] = [];
	try {
		disposables.push(picker.onDidHide(() => settle(undefined)), ...wire(settle));
		picker.show();
		return await done;
	} finally {
		disposables.forEach((d) => d.dispose());
		picker.dispose();
	}
}
