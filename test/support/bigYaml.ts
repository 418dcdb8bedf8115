/** A large flat YAML file with a prompt in it: shared by the fault suite and `npm run bench`. */

/**
 * A flat mapping of about `bytes` characters (one short quoted value per key) with a literal block `prompt: |` in
 * its middle; `before`, `selected` and `after` split the file at the block's lines.
 */
export function flatYamlWithPrompt(bytes: number): { before: string; selected: string; after: string } {
	const entries = (from: number, count: number): string => Array.from({ length: count }, (_, i) => `key_${from + i}: "Value number ${from + i} of the flat file."\n`).join('');
	const half = Math.ceil(bytes / 2 / 50);
	return {
		before: `${entries(0, half)}prompt: |\n`,
		selected: '  You are the front desk of a dental clinic.\n  Ask for the caller\'s name first.\n',
		after: entries(half, half),
	};
}
