/** The keys of Apply and Discard in a review (package.json `keybindings`), as VS Code writes them on this platform. */
export function reviewShortcuts(platform: NodeJS.Platform = process.platform): { apply: string; discard: string } {
	const mod = platform === 'darwin' ? 'Cmd' : 'Ctrl';
	return { apply: `${mod}+K ${mod}+Enter`, discard: `${mod}+K ${mod}+Backspace` };
}
