import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
	alreadyApplied,
	closedEntry,
	filterChoices,
	filterEntries,
	finalText,
	entryChars,
	HISTORY_LIMIT,
	HISTORY_MAX_CHARS,
	parseVersionPath,
	relocate,
	updateEntry,
	versionPath,
	withEntry,
	type HistoryEntry,
} from '../../src/core/history';
import { HISTORY_SCHEMA_VERSION, historyBytes, parseHistory, serializeHistory } from '../../src/improve/core/historyFile';
import { historyEntry } from '../support/historyEntries';

const entry = historyEntry;

test('entries are kept newest first, and a recorded entry replaces its earlier version', () => {
	let list = withEntry([], entry('a', 1));
	list = withEntry(list, entry('c', 3));
	list = withEntry(list, entry('b', 2));
	assert.deepEqual(list.map((e) => e.id), ['c', 'b', 'a']);
	list = withEntry(list, entry('b', 2, { outcome: 'applied' }));
	assert.deepEqual(list.map((e) => `${e.id}:${e.outcome}`), ['c:open', 'b:applied', 'a:open']);
});

test(`at most ${HISTORY_LIMIT} entries are kept: the oldest decided one goes, an open review never does`, () => {
	let list: HistoryEntry[] = [entry('oldest-open', 0, { openReview: 'k1' })];
	for (let i = 1; i <= HISTORY_LIMIT + 5; i++) list = withEntry(list, entry(`e${i}`, i, { outcome: 'discarded' }));
	assert.equal(list.length, HISTORY_LIMIT);
	assert.equal(list[0].id, `e${HISTORY_LIMIT + 5}`);
	assert.ok(list.some((e) => e.id === 'oldest-open'), 'the open review was dropped');
	assert.ok(!list.some((e) => e.id === 'e1'), 'the oldest decided entry was kept');
	assert.equal(withEntry(list, entry('new', 1000), 3).length, 3);
});

test('closing a review records its outcome and the right side as left; discarding a reopened applied one keeps the Apply', () => {
	const open = entry('a', 1, { openReview: 'a-1' });
	const applied = closedEntry(open, 'applied', 'Edited by me.', 50);
	assert.equal(applied.outcome, 'applied');
	assert.equal(applied.applied, 'Edited by me.');
	assert.equal(applied.current, 'Edited by me.');
	assert.equal(applied.decidedAt, 50);
	assert.equal(applied.openReview, undefined);
	assert.equal(finalText(applied), 'Edited by me.');

	const reopenedThenDiscarded = closedEntry({ ...applied, openReview: 'a-2', current: 'x' }, 'discarded', 'Other text', 90);
	assert.equal(reopenedThenDiscarded.outcome, 'applied');
	assert.equal(reopenedThenDiscarded.applied, 'Edited by me.');
	assert.equal(reopenedThenDiscarded.decidedAt, 50);
	assert.equal(finalText(reopenedThenDiscarded), 'Edited by me.');

	const discarded = closedEntry(open, 'discarded', 'Left like this', 70);
	assert.equal(discarded.outcome, 'discarded');
	assert.equal(finalText(discarded), 'Left like this');
});

test('updateEntry changes only the named entry', () => {
	const list = [entry('a', 2), entry('b', 1)];
	const updated = updateEntry(list, 'b', (e) => ({ ...e, current: 'changed' }));
	assert.equal(updated[0].current, list[0].current);
	assert.equal(updated[1].current, 'changed');
	assert.deepEqual(updateEntry(list, 'zz', (e) => ({ ...e, current: 'no' })), list);
});

test('filters by file and by run, and lists the files and runs to filter by', () => {
	const other = { uri: 'file:///w/other.json', name: 'other.json', startLine: 1, endLine: 1, start: 0, end: 5 };
	const list = [entry('a', 3, { runIds: [1, 2] }), entry('b', 2, { source: other, runIds: [2] }), entry('c', 1, { runIds: [3] })];
	assert.deepEqual(filterEntries(list, { file: 'file:///w/agent.md' }).map((e) => e.id), ['a', 'c']);
	assert.deepEqual(filterEntries(list, { runId: 2 }).map((e) => e.id), ['a', 'b']);
	assert.deepEqual(filterEntries(list, { file: 'file:///w/other.json', runId: 3 }), []);
	assert.deepEqual(filterEntries(list, {}).map((e) => e.id), ['a', 'b', 'c']);
	const choices = filterChoices(list);
	assert.deepEqual(choices.files.map((f) => `${f.name}:${f.count}`), ['agent.md:2', 'other.json:1']);
	assert.deepEqual(choices.runIds, [3, 2, 1]);
});

test('relocate finds the recorded prompt at its place, else only where it occurs exactly once', () => {
	const text = 'head\nBe kind.\nmid\n';
	assert.deepEqual(relocate(text, 'Be kind.', { start: 5, end: 13 }), { start: 5, end: 13 });
	assert.deepEqual(relocate(`moved ${text}`, 'Be kind.', { start: 5, end: 13 }), { start: 11, end: 19 });
	assert.equal(relocate('Be kind. and Be kind.', 'Be kind.', { start: 40, end: 48 }), undefined, 'two copies, neither at its place');
	assert.deepEqual(relocate('Be kind. and Be kind.', 'Be kind.', { start: 13, end: 21 }), { start: 13, end: 21 });
	assert.equal(relocate('Be nice.', 'Be kind.', { start: 0, end: 8 }), undefined);
	assert.equal(relocate('anything', '', { start: 0, end: 0 }), undefined);
});

test('the history file round-trips with its schema version', () => {
	const list = [entry('b', 2, { outcome: 'applied', applied: 'X', decidedAt: 3 }), entry('a', 1, { openReview: 'a-1', warnings: ['⚠ dropped {{name}}'] })];
	const text = serializeHistory(list);
	assert.equal(JSON.parse(text).version, HISTORY_SCHEMA_VERSION);
	const parsed = parseHistory(text);
	assert.ok(parsed.ok);
	assert.deepEqual(parsed.entries, list);
	assert.equal(parsed.dropped, 0);
});

test('a malformed entry is dropped and counted; a broken file or another schema version is refused whole', () => {
	const good = entry('a', 1);
	const text = JSON.stringify({ version: HISTORY_SCHEMA_VERSION, entries: [good, { ...good, id: 'b', runIds: ['x'] }, { id: 'c' }, null] });
	const parsed = parseHistory(text);
	assert.ok(parsed.ok);
	assert.deepEqual(parsed.entries.map((e) => e.id), ['a']);
	assert.equal(parsed.dropped, 3);

	const newer = parseHistory(JSON.stringify({ version: HISTORY_SCHEMA_VERSION + 1, entries: [good] }));
	assert.equal(newer.ok, false);
	assert.match(newer.ok ? '' : newer.reason, /schema version 2/);
	assert.equal(!newer.ok && newer.otherVersion, true, 'a newer file must be kept for the newer version');
	for (const damaged of ['{"version": 1', '[]', '{"version": 1, "entries": {}}']) {
		const parsed = parseHistory(damaged);
		assert.equal(parsed.ok, false, damaged);
		assert.equal(!parsed.ok && parsed.otherVersion, false, damaged);
	}
});

test('the read-only documents of an entry are named by its id and version, and nothing else is taken for one', () => {
	const e = entry('lq3k9z0abc12', 1);
	assert.equal(versionPath(e, 'proposal'), '/lq3k9z0abc12/proposal/agent.md');
	assert.deepEqual(parseVersionPath(versionPath(e, 'original')), { id: 'lq3k9z0abc12', version: 'original' });
	assert.equal(parseVersionPath('/lq3k9z0abc12/other/agent.md'), undefined);
	assert.equal(parseVersionPath('lq3k9z0abc12/proposal/agent.md'), undefined);
	assert.equal(parseVersionPath('/'), undefined);
});

test('a prompt found inside the proposal already written there counts as applied; elsewhere or shorter it does not', () => {
	const original = 'Be kind.';
	const proposal = 'Be kind.\nConfirm the booking.';
	const applied = `head\n${proposal}\ntail`;
	const at = applied.indexOf(original);
	assert.equal(alreadyApplied(applied, { start: at, end: at + original.length }, [proposal]), true);
	const notYet = `head\n${original}\ntail`;
	assert.equal(alreadyApplied(notYet, { start: 5, end: 5 + original.length }, [proposal]), false);
	// The proposal written elsewhere in the file does not make this copy applied.
	const both = `${proposal}\n---\n${original}\n`;
	const second = both.lastIndexOf(original);
	assert.equal(alreadyApplied(both, { start: second, end: second + original.length }, [proposal]), false);
	// A proposal no longer than the original cannot hold it.
	assert.equal(alreadyApplied(notYet, { start: 5, end: 13 }, ['Be kind.', 'Be']), false);
});

test('50 proposals of 1 MB make a history file of at most 8 MiB of text, not 250 MB: the oldest decided ones go', () => {
	const big = 'x'.repeat(1024 * 1024 / 4);
	let list: HistoryEntry[] = [];
	for (let i = 1; i <= HISTORY_LIMIT; i++) list = withEntry(list, entry(`e${i}`, i, { original: big, originalRaw: big, proposed: `${big}!`, current: `${big}!`, outcome: i === 2 ? 'open' : 'discarded', openReview: i === 2 ? 'r2' : undefined }));
	const chars = list.reduce((sum, e) => sum + entryChars(e), 0);
	assert.ok(chars <= HISTORY_MAX_CHARS, `${chars} characters kept`);
	assert.equal(list[0].id, `e${HISTORY_LIMIT}`, 'the newest stays');
	assert.ok(list.some((e) => e.id === 'e2'), 'an open review stays, however old');
	assert.ok(!list.some((e) => e.id === 'e3'), 'old decided entries go');
	assert.ok(serializeHistory(list).length < HISTORY_MAX_CHARS + 100_000);
	// The bound holds when an entry grows, and when a file written larger is read.
	const grown = updateEntry(list, `e${HISTORY_LIMIT}`, (e) => ({ ...e, current: 'y'.repeat(HISTORY_MAX_CHARS / 2) }));
	assert.ok(grown.reduce((sum, e) => sum + entryChars(e), 0) <= HISTORY_MAX_CHARS);
	assert.equal(grown[0].current.length, HISTORY_MAX_CHARS / 2);
	const all = Array.from({ length: 40 }, (_, i) => entry(`f${i}`, 100 - i, { proposed: big, current: big, outcome: 'discarded' }));
	const read = parseHistory(JSON.stringify({ version: HISTORY_SCHEMA_VERSION, entries: all }));
	assert.ok(read.ok);
	assert.deepEqual(read.entries.map((e) => e.id), all.slice(0, read.entries.length).map((e) => e.id), 'the newest are the ones kept');
	assert.ok(read.entries.length < 40 && read.entries.reduce((sum, e) => sum + entryChars(e), 0) <= HISTORY_MAX_CHARS);
});

test('the history file is written an entry at a time, giving the event loop a turn between entries, and reads back the same', async () => {
	const list = [entry('b', 2, { outcome: 'applied', applied: 'X\n"y"', decidedAt: 3 }), entry('a', 1, { focus: { workflow_metric_ids: [7], category_ids: [] } })];
	let turns = 0;
	const bytes = await historyBytes(list, async () => void turns++);
	const text = new TextDecoder().decode(bytes);
	assert.equal(text, JSON.stringify({ version: HISTORY_SCHEMA_VERSION, entries: list }, undefined, '\t'));
	assert.ok(turns >= list.length);
	assert.equal(new TextDecoder().decode(await historyBytes([])), JSON.stringify({ version: HISTORY_SCHEMA_VERSION, entries: [] }, undefined, '\t'));
});
