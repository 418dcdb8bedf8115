import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunListItem } from '../../src/core/apiTypes';
import { RunPickList } from '../../src/improve/core/runPickList';
import { orderRunsForPicking } from '../../src/improve/core/runPickView';
import { runPages } from '../support/runPages';

test('merging page by page gives the order of a full sort of every run loaded so far', () => {
	for (const seed of [1, 2, 3, 4]) {
		const list = new RunPickList((view) => view.id);
		const all: RunListItem[] = [];
		for (const page of runPages(12, 25, seed)) {
			const seen = new Set(all.map((r) => r.id));
			const fresh = page.filter((r) => !seen.has(r.id) && (seen.add(r.id), true));
			all.push(...fresh);
			assert.equal(list.add(page), fresh.length);
			const expected = orderRunsForPicking(all);
			const { failed, other } = list.items();
			assert.deepEqual(failed, expected.failed.map((r) => r.id));
			assert.deepEqual(other, expected.other.map((r) => r.id));
			assert.equal(list.size, all.length);
		}
	}
});

test("each run's item is built once, and the lists stay the same objects until a page adds runs", () => {
	let built = 0;
	const list = new RunPickList((view) => {
		built++;
		return { label: view.label };
	});
	const [first, second] = runPages(2, 50);
	list.add(first);
	const before = list.items();
	const firstCount = built;
	assert.equal(list.add(first), 0);
	assert.equal(built, firstCount);
	assert.equal(list.items(), before);
	list.add(second);
	assert.equal(built, list.size);
	assert.notEqual(list.items(), before);
	const again = list.items().failed.concat(list.items().other);
	for (const item of before.failed.concat(before.other)) assert.ok(again.includes(item), 'a loaded run got a new item');
});
