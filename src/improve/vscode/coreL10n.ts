import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

/**
 * Hands the extension's l10n bundle, which VS Code chose for its display language, to `@vscode/l10n`, which
 * `src/core/` uses for its messages (core cannot import vscode). In English there is no bundle: the keys are the text.
 */
export function localizeCore(): void {
	if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
}
