import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entryChars, parseTestReportPath, parseVersionPath, testReportPath, withEntry, type HistoryEntry, type RecordedTest } from '../../src/core/history';
import { parseHistory, serializeHistory } from '../../src/improve/core/historyFile';
import { historyEntry } from '../support/historyEntries';

const entry = (id: string, time: number, extra: Partial<HistoryEntry> = {}): HistoryEntry => historyEntry(id, time, { outcome: 'discarded', ...extra });

const tested: RecordedTest = { summary: '1 fixed, 0 regressed', at: 1_750_000_000_000, report: '# Test of the proposal\n', failingRunIds: [901, 902] };

test('a test recorded with a proposal survives the history file, and entries written before tests still read', () => {
	const old = entry('a', 1);
	const withTest = entry('b', 2, { test: tested });
	const parsed = parseHistory(serializeHistory([withTest, old]));
	assert.ok(parsed.ok);
	assert.equal(parsed.dropped, 0);
	assert.deepEqual(parsed.entries.find((e) => e.id === 'b')?.test, tested);
	assert.equal(parsed.entries.find((e) => e.id === 'a')?.test, undefined);
});

test('an entry whose test is malformed is dropped, not read half', () => {
	const text = serializeHistory([entry('b', 2, { test: { ...tested, report: 42 } as unknown as RecordedTest }), entry('a', 1)]);
	const parsed = parseHistory(text);
	assert.ok(parsed.ok);
	assert.deepEqual(parsed.entries.map((e) => e.id), ['a']);
	assert.equal(parsed.dropped, 1);
});

test('a test report counts toward the history\'s bound of text, so reports cannot grow the file past it', () => {
	const report = 'x'.repeat(1000);
	assert.equal(entryChars(entry('b', 2, { test: { ...tested, report } })) - entryChars(entry('b', 2)), report.length + tested.summary.length);
	const kept = withEntry([entry('old', 1, { test: { ...tested, report: 'y'.repeat(600) } })], entry('new', 2, { test: { ...tested, report } }), 50, 1500);
	assert.deepEqual(kept.map((e) => e.id), ['new']);
});

test('a test report\'s document is named by its entry and time, and is no proposal version', () => {
	const e = entry('h-1', 2, { test: tested });
	const path = testReportPath(e, tested, 3);
	assert.equal(path, `/h-1/test/${tested.at}/Cekura Test 3 – agent.md`);
	assert.equal(parseTestReportPath(path), 'h-1');
	assert.equal(parseVersionPath(path), undefined);
	assert.equal(parseTestReportPath('/h-1/proposal/agent.md'), undefined);
	assert.equal(testReportPath(e, tested), `/h-1/test/${tested.at}/Cekura Test – agent.md`);
});
