import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChangeDecisions, lineChanges } from '../../src/improve/core/changeDecisions';
import type { TextReplacement } from '../../src/core/changeTypes';

const ORIGINAL = ['# Front desk', 'Greet the caller.', 'Keep calls short.', 'Be polite.', '', '## Facts', 'Open 8 to 17.', ''].join('\n');
/** Three changes: a rewrite (line 2), an insertion after "Be polite." and a removal of "Open 8 to 17.". */
const PROPOSAL = ['# Front desk', 'Greet the caller.', 'Keep calls short, but confirm bookings.', 'Be polite.', 'Never give medical advice.', 'Read back the time.', '', '## Facts', ''].join('\n');

function applied(text: string, edit: TextReplacement | undefined): string {
	assert.ok(edit, 'no edit for the change');
	return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

test('lineChanges finds each changed block with its lines on both sides', () => {
	assert.deepEqual(lineChanges(ORIGINAL, PROPOSAL), [
		{ originalStart: 2, originalEnd: 3, proposalStart: 2, proposalEnd: 3 },
		{ originalStart: 4, originalEnd: 4, proposalStart: 4, proposalEnd: 6 },
		{ originalStart: 6, originalEnd: 7, proposalStart: 8, proposalEnd: 8 },
	]);
	assert.deepEqual(lineChanges('a\r\nb', 'a\nb\n'), [], 'line endings and the final newline are not changes');
	assert.deepEqual(lineChanges('', 'x\ny\n'), [{ originalStart: 0, originalEnd: 0, proposalStart: 0, proposalEnd: 2 }]);
});

test('past the edit bound, the changed middle is one change', () => {
	const a = Array.from({ length: 50 }, (_, i) => `a${i}`);
	const b = Array.from({ length: 50 }, (_, i) => `b${i}`);
	const changes = lineChanges(['top', ...a, 'end'].join('\n'), ['top', ...b, 'end'].join('\n'), 10);
	assert.deepEqual(changes, [{ originalStart: 1, originalEnd: 51, proposalStart: 1, proposalEnd: 51 }]);
});

test('Keep Original puts the original lines back in place of one change, and only that change', () => {
	const review = new ChangeDecisions(ORIGINAL, PROPOSAL);
	assert.deepEqual(review.progress(), { left: 3, total: 3, linesAdded: 3, linesRemoved: 2 });
	const second = review.changes[1];
	const after = applied(PROPOSAL, review.keepOriginal(second.key));
	assert.equal(after, ['# Front desk', 'Greet the caller.', 'Keep calls short, but confirm bookings.', 'Be polite.', '', '## Facts', ''].join('\n'));
	review.update(after);
	assert.equal(review.changes.length, 2);
	assert.deepEqual(review.progress(), { left: 2, total: 3, linesAdded: 1, linesRemoved: 2 });

	const removal = review.changes[1];
	const restored = applied(after, review.keepOriginal(removal.key));
	assert.equal(restored, ['# Front desk', 'Greet the caller.', 'Keep calls short, but confirm bookings.', 'Be polite.', '', '## Facts', 'Open 8 to 17.', ''].join('\n'));
	review.update(restored);
	assert.deepEqual(review.progress(), { left: 1, total: 3, linesAdded: 1, linesRemoved: 1 });
});

test('Keep Original keeps the proposal side\'s line endings and its missing final newline', () => {
	const crlf = new ChangeDecisions('one\ntwo\nthree', 'one\r\nTWO\r\nthree\r\nfour');
	const [rewrite, appended] = crlf.changes;
	assert.equal(applied('one\r\nTWO\r\nthree\r\nfour', crlf.keepOriginal(rewrite.key)), 'one\r\ntwo\r\nthree\r\nfour');
	assert.equal(applied('one\r\nTWO\r\nthree\r\nfour', crlf.keepOriginal(appended.key)), 'one\r\nTWO\r\nthree');

	const removedAtEnd = new ChangeDecisions('a\nb\nc\n', 'a\n');
	assert.equal(applied('a\n', removedAtEnd.keepOriginal(removedAtEnd.changes[0].key)), 'a\nb\nc\n');
	const noNewline = new ChangeDecisions('a\nb', 'a');
	assert.equal(applied('a', noNewline.keepOriginal(noNewline.changes[0].key)), 'a\nb');
	const emptied = new ChangeDecisions('a\nb\n', '');
	assert.equal(applied('', emptied.keepOriginal(emptied.changes[0].key)), 'a\nb\n');
});

test('Keep Proposal decides a change until its lines are edited; Undo of an edit brings the decision back', () => {
	const review = new ChangeDecisions(ORIGINAL, PROPOSAL);
	const first = review.changes[0];
	assert.equal(review.keepProposal(first.key), true);
	assert.deepEqual(review.changes.map((c) => c.decided), [true, false, false]);
	assert.deepEqual(review.progress(), { left: 2, total: 3, linesAdded: 3, linesRemoved: 2 });
	assert.equal(review.keepProposal('no such change'), false);

	const edited = PROPOSAL.replace('confirm bookings', 'confirm every booking');
	review.update(edited);
	assert.deepEqual(review.changes.map((c) => c.decided), [false, false, false], 'an edited change is a change to decide again');
	assert.deepEqual(review.progress(), { left: 3, total: 3, linesAdded: 3, linesRemoved: 2 }, 'an edited change is still the same change');
	review.update(PROPOSAL);
	assert.deepEqual(review.changes.map((c) => c.decided), [true, false, false]);
});

test('an edit that removes a change counts as deciding it; a new change of the user is one more to decide', () => {
	const review = new ChangeDecisions(ORIGINAL, PROPOSAL);
	review.update(PROPOSAL.replace('Keep calls short, but confirm bookings.', 'Keep calls short.'));
	assert.deepEqual(review.progress(), { left: 2, total: 3, linesAdded: 2, linesRemoved: 1 });
	review.update(PROPOSAL.replace('# Front desk', '# Front desk of the clinic'));
	assert.deepEqual(review.progress(), { left: 4, total: 4, linesAdded: 4, linesRemoved: 3 });
});

test('next and previous go to undecided changes, in order, around the ends', () => {
	const review = new ChangeDecisions(ORIGINAL, PROPOSAL);
	const starts = (c: { proposalStart: number } | undefined): number | undefined => c?.proposalStart;
	assert.equal(starts(review.next(0)), 2);
	assert.equal(starts(review.next(2)), 4);
	assert.equal(starts(review.next(4)), 8);
	assert.equal(starts(review.next(8)), 2, 'after the last change, next starts from the top');
	assert.equal(starts(review.previous(4)), 2);
	assert.equal(starts(review.previous(2)), 8, 'before the first change, previous goes to the last');
	review.keepProposal(review.changes[1].key);
	assert.equal(starts(review.next(2)), 8, 'a decided change is skipped');
	assert.equal(review.at(5)?.proposalStart, 4);
	assert.equal(review.at(3), undefined);
	assert.equal(review.at(7), undefined);
	assert.equal(review.lineOf(review.changes[2]), 8, 'a removal at the end is shown on the empty line after the final newline');
	assert.equal(review.at(8)?.proposalStart, 8);
	const noNewline = new ChangeDecisions('a\nb', 'a');
	assert.equal(noNewline.lineOf(noNewline.changes[0]), 0, 'without a final newline, a removal at the end is shown on the last line');
	for (const c of review.changes) review.keepProposal(c.key);
	assert.equal(review.next(0), undefined);
	assert.equal(review.previous(0), undefined);
	assert.deepEqual(review.progress(), { left: 0, total: 3, linesAdded: 3, linesRemoved: 2 });
});

test('past the edit bound, Keep Original on the one change restores the whole changed middle', () => {
	const original = ['top', ...Array.from({ length: 30 }, (_, i) => `a${i}`), 'end', ''].join('\n');
	const proposal = ['top', ...Array.from({ length: 30 }, (_, i) => `b${i}`), 'end', ''].join('\n');
	const review = new ChangeDecisions(original, proposal, 10);
	assert.equal(review.changes.length, 1);
	assert.deepEqual(review.progress(), { left: 1, total: 1, linesAdded: 30, linesRemoved: 30 });
	const restored = applied(proposal, review.keepOriginal(review.changes[0].key));
	assert.equal(restored, original);
	review.update(restored);
	assert.deepEqual(review.progress(), { left: 0, total: 1, linesAdded: 0, linesRemoved: 0 });
});
