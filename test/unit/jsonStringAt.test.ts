import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findNodeAtOffset, parseTree, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { checkApplied, checkAppliedInSlices } from '../../src/improve/core/applyCheck';
import { jsonStringAt } from '../../src/improve/core/jsonStringAt';
import { toEnd } from '../../src/improve/core/steps';

/** What the last check read with jsonc-parser's whole tree before: the string at `offset`, or why not. */
function byTree(text: string, offset: number): unknown {
	const errors: ParseError[] = [];
	const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
	if (!root || errors.length > 0) return 'invalid';
	const node = findNodeAtOffset(root, offset, true);
	return node?.type === 'string' ? { offset: node.offset, length: node.length, value: node.value as string } : undefined;
}

const DOCUMENTS = [
	'{"prompt": "Be brief."}',
	'{"a": 1, "prompt": "x\\ny", "b": [1, 2, {"c": null}],}',
	'// settings\n{"prompt": /* here */ "Be brief.", "n": [true, false,],}\n',
	'["one", "two", 3]',
	'"just a string"',
	'{"prompt": "Be brief." "next": 1}',
	'{"prompt": "Be brief.",, "n": 1}',
	'{"prompt": "unterminated}',
	'{"prompt": "Be brief."',
	'{"prompt": "Be brief."}}',
	'{"prompt" "Be brief."}',
	'[1 2]',
	'{,}',
	'[,]',
	'{"a": 01}',
	'',
	'{"prompt": "x"} /* unterminated',
	'{"a": {"b": ["c", {"d": "e"}]}, "f": tru}',
	'{"a": {"b": ["c", {"d": "e"}]}, "f": true}',
];

test('the last check of a JSON file reads validity and the string at the edit as jsonc-parser\'s whole tree does, at every offset', () => {
	for (const text of DOCUMENTS) {
		for (let offset = 0; offset <= text.length; offset++) {
			const found = toEnd(jsonStringAt(text, offset));
			assert.deepEqual(found, byTree(text, offset), `${JSON.stringify(text)} at ${offset}`);
		}
	}
});

test('the last check of a large JSON file runs in slices, with the same verdict as in one go', async () => {
	const prompt = 'Greet the caller.\n'.repeat(20_000);
	const before = `{"records": ${JSON.stringify(Array.from({ length: 5_000 }, (_, i) => ({ id: i, name: `Caller ${i}` })))},\n"prompt": "`;
	const inside = JSON.stringify(prompt).slice(1, -1);
	for (const [file, expected] of [
		[`${before}${inside}"}\n`, prompt],
		[`${before}${inside}"\n`, prompt],
		[`${before}${inside}"}\n`, `${prompt}!`],
	] as const) {
		let turns = 0;
		const where = { start: before.length, end: before.length + inside.length };
		const sliced = await checkAppliedInSlices(file, 'json', where, expected, { sliceMs: 0, pause: () => (turns++, new Promise((r) => setImmediate(r))) });
		assert.deepEqual(sliced, checkApplied(file, 'json', where, expected));
		assert.ok(turns > 3, `only ${turns} turns of the event loop`);
	}
	assert.equal(checkApplied(`${before}${inside}"}\n`, 'json', { start: before.length, end: before.length + inside.length }, prompt).ok, true);
	assert.equal(checkApplied(`${before}${inside}"\n`, 'json', { start: before.length, end: before.length + inside.length }, prompt).ok, false);
});
