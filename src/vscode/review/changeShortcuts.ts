/**
 * The keys of the per-change commands of a review (package.json `keybindings`), as VS Code writes them on this
 * platform: `[` keeps the left side (the original), `]` the right side (the proposal). Ctrl+Alt is AltGr on many
 * Windows layouts; on macOS, Cmd+Alt+[ and ] already fold and unfold, so the Mac keys are Ctrl+Cmd.
 */
export function changeShortcuts(platform: NodeJS.Platform = process.platform): { next: string; previous: string; keepOriginal: string; keepProposal: string } {
	const mod = platform === 'darwin' ? 'Ctrl+Cmd' : 'Ctrl+Alt';
	return { next: `${mod}+.`, previous: `${mod}+,`, keepOriginal: `${mod}+[`, keepProposal: `${mod}+]` };
}
