import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NO_FOCUS } from '../../src/improve/core/focusOptions';
import { growthBudgetPercent, growthCheck } from '../../src/improve/core/checks/growthCheck';
import { lineChanges } from '../../src/improve/core/checks/lineChanges';
import { localityCheck } from '../../src/improve/core/checks/localityCheck';
import { placeholderCheck } from '../../src/improve/core/checks/placeholderCheck';
import { checkProposal } from '../../src/improve/core/proposalChecks';

/** `n` distinct lines, `line 1` … `line n`, each ended by `eol`. */
const numbered = (n: number, eol = '\n'): string => Array.from({ length: n }, (_, i) => `line ${i + 1}${eol}`).join('');
/** `text` with its lines `which` (1-based) rewritten. */
const rewritten = (text: string, ...which: number[]): string => text.split('\n').map((l, i) => (which.includes(i + 1) ? `${l} (reworded)` : l)).join('\n');

test('lineChanges: CRLF against LF is no change; a rewritten line counts once, with its number and text', () => {
	assert.deepEqual(lineChanges(numbered(4, '\r\n'), numbered(4)), { originalLines: 4, proposedLines: 4, changed: 0, removed: [], added: [] });
	const changes = lineChanges(numbered(4, '\r\n'), rewritten(numbered(4), 2));
	assert.equal(changes.changed, 1);
	assert.deepEqual(changes.removed, [{ line: 2, text: 'line 2' }]);
	assert.deepEqual(changes.added, ['line 2 (reworded)']);
	assert.deepEqual(lineChanges('', ''), { originalLines: 0, proposedLines: 0, changed: 0, removed: [], added: [] });
	assert.deepEqual(lineChanges('', 'one\ntwo\n'), { originalLines: 0, proposedLines: 2, changed: 2, removed: [], added: ['one', 'two'] });
});

test('lineChanges: past the exact diff, a rewrite of most lines is counted line by line (multisets), numbers kept', () => {
	const original = numbered(3000);
	const proposed = original.split('\n').map((l, i) => (i % 3 === 0 ? l : `${l}!`)).join('\n');
	const changes = lineChanges(original, proposed);
	assert.equal(changes.changed, 2000);
	assert.deepEqual(changes.removed.slice(0, 2), [{ line: 2, text: 'line 2' }, { line: 3, text: 'line 3' }]);
	assert.equal(changes.added[0], 'line 2!');
});

test('placeholders: none, all kept, one or several dropped (named, with how many of how many)', () => {
	assert.deepEqual(placeholderCheck('Greet the caller.', ''), { kind: 'placeholders', ok: true, line: 'Placeholders: the prompt has none.' });
	assert.deepEqual(placeholderCheck('Hi {{name}}.', 'Hello {{name}}!'), { kind: 'placeholders', ok: true, line: 'Placeholders: {{name}} kept.' });
	assert.deepEqual(placeholderCheck('Hi {{name}} at ${clinic} on <DATE>; bye {{name}}.', 'Hello {{name}}, ${clinic}, <DATE>.'), { kind: 'placeholders', ok: true, line: 'Placeholders: all 3 kept.' });
	assert.deepEqual(placeholderCheck('Hi {{name}} at ${clinic}.', 'Hello {{name}}.'), { kind: 'placeholders', ok: false, line: 'Placeholders: ${clinic} dropped (1 of 2); put it back before applying.' });
	assert.deepEqual(placeholderCheck('Hi {{name}} at ${clinic}.\r\n', ''), { kind: 'placeholders', ok: false, line: 'Placeholders: {{name}}, ${clinic} dropped (2 of 2); put them back before applying.' });
});

test('locality: 80% of lines changed is a near-total rewrite, 70% is not', () => {
	const ten = numbered(10);
	assert.deepEqual(localityCheck(lineChanges(ten, rewritten(ten, 1, 2, 3, 4, 5, 6, 7))), { kind: 'locality', ok: true, line: 'Locality: 70% of lines changed (7 of 10).' });
	const eight = localityCheck(lineChanges(ten, rewritten(ten, 1, 2, 3, 4, 5, 6, 7, 8)));
	assert.deepEqual(eight, { kind: 'locality', ok: false, line: 'Locality: 80% of lines changed (8 of 10), a near-total rewrite: check that what worked is still there.' });
});

test('locality: the share is shown rounded down (never 0% for a change), 79.5% does not warn, and short prompts are never warned of', () => {
	assert.equal(localityCheck(lineChanges(numbered(200), rewritten(numbered(200), 7))).line, 'Locality: 1% of lines changed (1 of 200).');
	const lines = Array.from({ length: 159 }, (_, i) => i + 1);
	assert.deepEqual(localityCheck(lineChanges(numbered(200), rewritten(numbered(200), ...lines))), { kind: 'locality', ok: true, line: 'Locality: 79% of lines changed (159 of 200).' });
	assert.deepEqual(localityCheck(lineChanges(numbered(9), 'All new.\n')), { kind: 'locality', ok: true, line: 'Locality: 100% of lines changed (9 of 9).' });
	assert.equal(localityCheck(lineChanges(numbered(10), '')).ok, false, 'emptying a 10-line prompt is a rewrite');
	assert.equal(localityCheck(lineChanges(numbered(5), numbered(10))).line, 'Locality: 50% of lines changed (5 of 10).', 'lines added count against the longer side');
	assert.deepEqual(localityCheck(lineChanges('', '')), { kind: 'locality', ok: true, line: 'Locality: both prompts are empty.' });
});

test('locality: CRLF lines against LF lines are not changes', () => {
	assert.equal(localityCheck(lineChanges(numbered(20, '\r\n'), rewritten(numbered(20), 3))).line, 'Locality: 5% of lines changed (1 of 20).');
});

test('growth: exactly at the budget is within it, one character more is over; tokens are characters / 4 (≈) without a counter', () => {
	const original = 'x'.repeat(100);
	assert.deepEqual(growthCheck(original, 'x'.repeat(125), 25), { kind: 'growth', ok: true, line: 'Growth: +25 characters (≈+6 tokens), +25%, within the budget of +25%.' });
	assert.deepEqual(growthCheck(original, 'x'.repeat(126), 25), { kind: 'growth', ok: false, line: 'Growth: +26 characters (≈+7 tokens), +26%, over the budget of +25%: every call pays for the longer prompt.' });
	assert.equal(growthCheck(original, 'x'.repeat(101), 0).ok, false, 'a budget of 0 allows no growth');
	assert.equal(growthCheck(original, 'x'.repeat(140), 40).ok, true, 'the budget is not read');
	assert.equal(growthCheck('y'.repeat(1000), 'y'.repeat(1251), 25).line, 'Growth: +251 characters (≈+63 tokens), +26%, over the budget of +25%: every call pays for the longer prompt.', '25.1% is shown as over');
});

test('growth: a token counter replaces the estimate; CRLF is not growth; shorter and empty prompts', () => {
	const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;
	assert.equal(growthCheck('one two', 'one two three four', 25, words).line, 'Growth: +11 characters (+2 tokens), +158%, over the budget of +25%: every call pays for the longer prompt.');
	assert.deepEqual(growthCheck('a\r\nb\r\n', 'a\nb\n', 25), { kind: 'growth', ok: true, line: 'Growth: none, as long as the original (≈0 tokens).' });
	assert.deepEqual(growthCheck('x'.repeat(100), 'x'.repeat(60), 25), { kind: 'growth', ok: true, line: 'Growth: −40 characters (≈−10 tokens), 40% shorter.' });
	assert.deepEqual(growthCheck('', 'New prompt.', 25), { kind: 'growth', ok: true, line: 'Growth: +11 characters (≈+3 tokens); the original prompt is empty.' });
	assert.equal(growthCheck('x'.repeat(100), '', 25).line, 'Growth: −100 characters (≈−25 tokens), 100% shorter.');
});

test('growthBudgetPercent: whole percents from 0 to 1000, anything else the default of 25', () => {
	assert.deepEqual([0, 10, 1000].map(growthBudgetPercent), [0, 10, 1000]);
	assert.deepEqual([undefined, null, '10', -1, 2.5, 1001, Number.NaN].map(growthBudgetPercent), [25, 25, 25, 25, 25, 25, 25]);
});

test('checkProposal: every check, in the order shown, on the texts as given', () => {
	const original = 'Greet {{name}}.\nQuote prices with tax.\n';
	const checks = checkProposal({ original, proposed: 'Greet {{name}} warmly.\nQuote prices with tax.\n', summary: 'Warmer greeting.', focus: NO_FOCUS, focusNames: new Map(), growthBudgetPercent: 25 });
	assert.deepEqual(checks.map((c) => c.kind), ['placeholders', 'locality', 'growth', 'coverage', 'guardrails']);
	assert.deepEqual(checks.map((c) => c.ok), [true, true, true, true, true]);
	assert.equal(checks[2].line, 'Growth: +7 characters (≈+2 tokens), +18%, within the budget of +25%.');
	const tight = checkProposal({ original, proposed: 'Greet {{name}} warmly.\nQuote prices with tax.\n', summary: '', focus: NO_FOCUS, focusNames: new Map(), growthBudgetPercent: 10 });
	assert.equal(tight[2].ok, false, 'the budget given is not used');
});
