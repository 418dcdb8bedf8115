import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entryChars, type HistoryEntry } from '../../src/core/history';
import { HISTORY_SCHEMA_VERSION, parseHistory, serializeHistory } from '../../src/improve/core/historyFile';
import { historyEntry } from '../support/historyEntries';

const BEFORE_CHECKS: HistoryEntry = historyEntry('old', 1, { outcome: 'discarded' });
const CHECKED: HistoryEntry = {
	...BEFORE_CHECKS,
	id: 'new',
	time: 2,
	checks: [
		{ kind: 'locality', ok: true, line: 'Locality: 100% of lines changed (1 of 1).' },
		{ kind: 'guardrails', ok: false, line: 'Guardrails: a line about prices was changed or removed; look at it first: line 1: “A cleaning costs $120.”' },
	],
};

test('the history keeps a proposal\'s checks, and still reads entries written before there were checks', () => {
	const parsed = parseHistory(serializeHistory([CHECKED, BEFORE_CHECKS]));
	assert.ok(parsed.ok);
	assert.equal(parsed.dropped, 0);
	assert.deepEqual(parsed.entries, [CHECKED, BEFORE_CHECKS]);
	assert.equal(parsed.entries[1].checks, undefined);
});

test('an entry with checks of the wrong shape is dropped and counted, like any malformed entry', () => {
	const bad = [
		{ ...CHECKED, id: 'a', checks: 'fine' },
		{ ...CHECKED, id: 'b', checks: [{ kind: 'mood', ok: true, line: 'Mood: good.' }] },
		{ ...CHECKED, id: 'c', checks: [{ kind: 'growth', ok: 'yes', line: 'Growth: +1.' }] },
		{ ...CHECKED, id: 'd', checks: [{ kind: 'growth', ok: true }] },
	];
	const parsed = parseHistory(JSON.stringify({ version: HISTORY_SCHEMA_VERSION, entries: [...bad, BEFORE_CHECKS] }));
	assert.ok(parsed.ok);
	assert.deepEqual(parsed.entries.map((e) => e.id), ['old']);
	assert.equal(parsed.dropped, 4);
});

test('the check lines count towards the history\'s bound on text', () => {
	const lines = CHECKED.checks?.reduce((sum, c) => sum + c.line.length, 0) ?? 0;
	assert.equal(entryChars(CHECKED), entryChars(BEFORE_CHECKS) + lines);
});
