/**
 * The keys of the per-change commands of a review (package.json `keybindings`), as VS Code writes them: `[` keeps
 * the left side (the original), `]` the right side (the proposal).
 */
export function changeShortcuts(): { next: string; previous: string; keepOriginal: string; keepProposal: string } {
	return { next: 'Ctrl+Alt+.', previous: 'Ctrl+Alt+,', keepOriginal: 'Ctrl+Alt+[', keepProposal: 'Ctrl+Alt+]' };
}
