import * as vscode from 'vscode';
import { Commands } from '../../constants';

/**
 * The review's commands that have keys, named instead of their keys: the extension host cannot know the keys (in a
 * remote window its platform is the remote machine's, and users rebind keys), the Keyboard Shortcuts editor can.
 */
type KeyedCommand =
	| typeof Commands.applyImprovement
	| typeof Commands.discardImprovement
	| typeof Commands.nextChange
	| typeof Commands.previousChange
	| typeof Commands.keepOriginalChange
	| typeof Commands.keepProposedChange;

/** VS Code's command that opens the Keyboard Shortcuts editor, searching for its argument. */
export const OPEN_KEYBOARD_SHORTCUTS = 'workbench.action.openGlobalKeybindings';

/** The command's name as the Command Palette and the Keyboard Shortcuts editor show it (category and title). */
export function commandName(command: KeyedCommand): string {
	switch (command) {
		case Commands.applyImprovement: return vscode.l10n.t('Cekura: Apply Improved Prompt');
		case Commands.discardImprovement: return vscode.l10n.t('Cekura: Discard Improved Prompt');
		case Commands.nextChange: return vscode.l10n.t('Cekura: Go to Next Change');
		case Commands.previousChange: return vscode.l10n.t('Cekura: Go to Previous Change');
		case Commands.keepOriginalChange: return vscode.l10n.t('Cekura: Keep Original (This Change)');
		case Commands.keepProposedChange: return vscode.l10n.t('Cekura: Keep Proposal (This Change)');
	}
}

/**
 * Markdown: the command's name, a link that opens Keyboard Shortcuts showing only its keys (`@command:` is the
 * editor's exact filter). The MarkdownString must enable OPEN_KEYBOARD_SHORTCUTS.
 */
export function keysLink(command: KeyedCommand): string {
	const name = commandName(command).replace(/[\\[\]]/g, '\\$&');
	return `[${name}](command:${OPEN_KEYBOARD_SHORTCUTS}?${encodeURIComponent(JSON.stringify([`@command:${command}`]))})`;
}
