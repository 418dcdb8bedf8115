/** Large prompts and proposals for diff statistics: shared by the unit tests and `npm run bench`. */

const SENTENCES = ['Greet the caller warmly.', 'Ask for the full name and date of birth.', 'Keep calls short.', 'Never give medical advice.', 'Offer the first two free slots.'];

/** A prompt of `lines` lines (~45 characters each), with a heading every 20 lines. */
export function promptOfLines(lines: number): string {
	return Array.from({ length: lines }, (_, i) => `${i % 20 === 0 ? `## Section ${i / 20}\n` : ''}${SENTENCES[i % SENTENCES.length]} (rule ${i})`).join('\n');
}

/** A prompt of about `bytes` characters. */
export function promptOfSize(bytes: number): string {
	return promptOfLines(Math.ceil(bytes / 36));
}

function rewriteLine(line: string, i: number): string {
	return line.startsWith('## ') ? line : `Rewritten: ${line.replace(/\.\s/, ', and confirm it. ')} [${i}]`;
}

/** The four shapes of a large proposal: a few edits, 1% of the lines rewritten, every line rewritten, one changed block. */
export function bigProposals(bytes: number): { name: string; original: string; improved: string }[] {
	const original = promptOfSize(bytes);
	const lines = original.split('\n');
	const few = lines.map((l, i) => (i % 5000 === 2500 ? `${l} Always confirm the booking.` : l)).join('\n') + '\n\n## Rules learned from test runs\n- Read back the date and time.\n';
	const onePercent = lines.map((l, i) => (i % 100 === 50 ? rewriteLine(l, i) : l)).join('\n');
	const every = lines.map(rewriteLine).join('\n');
	const from = Math.floor(lines.length / 3);
	const to = Math.floor((2 * lines.length) / 3);
	const block = [...lines.slice(0, from), ...lines.slice(from, to).map(rewriteLine), ...lines.slice(to)].join('\n');
	return [
		{ name: 'few edits', original, improved: few },
		{ name: '1% of lines rewritten', original, improved: onePercent },
		{ name: 'every line rewritten', original, improved: every },
		{ name: 'one changed block (a third)', original, improved: block },
	];
}
