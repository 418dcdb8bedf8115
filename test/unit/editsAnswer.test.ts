import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EditStream } from '../../src/improve/core/editStream';
import { MAX_EDITS, parseEditsAnswer } from '../../src/improve/core/editsAnswer';
import { ModelError } from '../../src/improve/core/modelError';
import type { PromptEdit } from '../../src/improve/core/promptEdits';
import { expectRejection } from '../support/expectRejection';

const EDITS: PromptEdit[] = [
	{ find: 'Keep calls short.', replace: 'Keep calls short, but confirm the booking first.' },
	{ find: 'Say "{{clinic_name}}" — always.\nThen {x}.', replace: 'Braces } ] and quotes \\" stay text.' },
	{ find: 'Last line.', replace: '' },
];
const OBJECT = JSON.stringify({ edits: EDITS, summary_of_changes: 'Confirm bookings.' }, null, 2);
const FORMS: Record<string, string> = {
	bare: OBJECT,
	fenced: `\`\`\`json\n${OBJECT}\n\`\`\``,
	'after reasoning': `The call ended before the booking was confirmed; I change "Keep calls short." {not json}.\n\n\`\`\`json\n${OBJECT}\n\`\`\`\nDone.`,
	'after an example object': `An answer looks like {"edits": [{"find": "a", "replace": "b"}], "summary_of_changes": "s"}. Mine:\n${OBJECT}`,
};

const rejects = (text: string, kind: 'invalidResponse' | 'truncated'): Promise<ModelError> => expectRejection(Promise.resolve().then(() => parseEditsAnswer(text)), ModelError, kind);

for (const [name, text] of Object.entries(FORMS)) {
	test(`the edits answer is read ${name}`, () => {
		const answer = parseEditsAnswer(text);
		assert.deepEqual(answer.edits, EDITS);
		assert.equal(answer.summary_of_changes, 'Confirm bookings.');
	});
}

test('raw line breaks inside the strings, as models leave them, are read', () => {
	const raw = '{"edits": [{"find": "a\nb", "replace": "c\n\td"}], "summary_of_changes": "x"}';
	assert.deepEqual(parseEditsAnswer(raw).edits, [{ find: 'a\nb', replace: 'c\n\td' }]);
});

test('wrong shapes are refused with a message naming what is wrong, never quoting the answer', async () => {
	assert.match((await rejects('{"edits": "Keep calls short.", "summary_of_changes": "x"}', 'invalidResponse')).message, /non-list \(string\) edits/);
	assert.match((await rejects('{"edits": [{"find": "a", "replace": "b"}, {"find": "a"}], "summary_of_changes": "x"}', 'invalidResponse')).message, /Edit 2 .* not an object with a text find and a text replace/);
	assert.match((await rejects('{"edits": [{"find": 3, "replace": "b"}], "summary_of_changes": "x"}', 'invalidResponse')).message, /Edit 1/);
	assert.match((await rejects('{"edits": []}', 'invalidResponse')).message, /no summary_of_changes/);
	assert.match((await rejects('{"improved_prompt": "x", "summary_of_changes": "y"}', 'invalidResponse')).message, /edits and summary_of_changes/);
	assert.match((await rejects('   ', 'invalidResponse')).message, /empty answer/);
	const many = JSON.stringify({ edits: Array.from({ length: MAX_EDITS + 1 }, (_, i) => ({ find: `f${i}`, replace: 'r' })), summary_of_changes: 's' });
	assert.match((await rejects(many, 'invalidResponse')).message, new RegExp(`${MAX_EDITS + 1} edits, more than the ${MAX_EDITS}`));
	const cut = await rejects(OBJECT.slice(0, OBJECT.length - 40), 'truncated');
	assert.doesNotMatch(cut.message, /Keep calls/);
});

test('no edits is an answer: nothing to change', () => {
	assert.deepEqual(parseEditsAnswer('{"edits": [], "summary_of_changes": "Nothing to fix."}').edits, []);
});

/** Every edit the stream noticed, with the length of the text pushed when each became known. */
function streamed(pieces: readonly string[]): { edits: PromptEdit[]; at: number[] } {
	const stream = new EditStream();
	const edits: PromptEdit[] = [];
	const at: number[] = [];
	let length = 0;
	for (const piece of pieces) {
		length += piece.length;
		for (const edit of stream.push(piece)) {
			edits.push(edit);
			at.push(length);
		}
	}
	return { edits, at };
}

for (const [name, text] of Object.entries(FORMS).filter(([n]) => n !== 'after an example object')) {
	test(`streamed ${name}: each edit is noticed once, as soon as its object is complete, wherever the answer is split`, () => {
		const ends = EDITS.map((edit) => {
			const value = `"replace": ${JSON.stringify(edit.replace)}`;
			return text.indexOf('}', text.indexOf(value) + value.length) + 1;
		});
		assert.deepEqual(streamed([...text]), { edits: EDITS, at: ends }, 'one character at a time');
		for (let cut = 0; cut <= text.length; cut++) {
			assert.deepEqual(streamed([text.slice(0, cut), text.slice(cut)]).edits, EDITS, `split at ${cut}`);
		}
	});
}

test('streamed: a malformed element is skipped, and nothing is noticed outside an edits array', () => {
	const text = 'I will write {"find": "x", "replace": "y"} as an edit.\n{"edits": [{"find": "a"}, "odd", {"find": "b", "replace": "c"}], "summary_of_changes": "s"}';
	assert.deepEqual(streamed([...text]).edits, [{ find: 'b', replace: 'c' }]);
});
