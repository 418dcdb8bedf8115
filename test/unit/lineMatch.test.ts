import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changedBlocks } from '../../src/improve/core/lineMatch';
import { detectEncoding, isRefusal } from '../../src/improve/core/promptEncoding';
import { textForFile } from '../../src/improve/core/textForFile';

/** `a` with each block replaced by its lines of `b`: must give `b` back. */
function apply(a: readonly string[], b: readonly string[], blocks: ReturnType<typeof changedBlocks>): string[] {
	const out: string[] = [];
	let i = 0;
	for (const [s, e, s2, e2] of blocks) {
		assert.ok(s >= i && e >= s && e2 >= s2, `block ${[s, e, s2, e2].join(',')} out of order`);
		assert.deepEqual(a.slice(i, s), b.slice(out.length, out.length + s - i), 'kept lines must be equal on both sides');
		out.push(...a.slice(i, s), ...b.slice(s2, e2));
		i = e;
	}
	out.push(...a.slice(i));
	return out;
}

const kept = (blocks: ReturnType<typeof changedBlocks>, length: number): number => length - blocks.reduce((sum, [s, e]) => sum + e - s, 0);

test('past the edit bound, lines are still matched: the common ends and the lines found once on each side', () => {
	const a = Array.from({ length: 3000 }, (_, i) => `line ${i}`);
	const b = a.map((l, i) => (i % 10 === 5 ? l : `rewritten ${l}`));
	const blocks = changedBlocks(a, b, 50);
	assert.deepEqual(apply(a, b, blocks), b);
	assert.equal(kept(blocks, a.length), 300, 'every untouched line is kept');
});

test('within the bound, the shortest script; repeated lines past it are rewritten, never misplaced', () => {
	const a = ['x', 'a', 'x', 'b', 'x'];
	const b = ['x', 'a', 'y', 'x', 'b', 'x'];
	assert.deepEqual(changedBlocks(a, b), [[2, 2, 2, 3]]);
	const many = Array.from({ length: 500 }, (_, i) => (i % 2 ? 'same' : `old ${i}`));
	const other = Array.from({ length: 500 }, (_, i) => (i % 2 ? 'same' : `new ${i}`));
	assert.deepEqual(apply(many, other, changedBlocks(many, other, 10)), other);
});

test('Apply of a JSON prompt with every other line rewritten keeps the escapes of the lines left alone', () => {
	const original = Array.from({ length: 2000 }, (_, i) => `Caf\u00e9 rule ${i}: say "hi".`).join('\n');
	const raw = original.split('\n').map((l) => JSON.stringify(l).slice(1, -1).replace(/é/g, '\\u00e9')).join('\\n');
	const place = { languageId: 'json', before: '{"prompt": "', selected: raw, after: '"}\n' };
	const encoding = detectEncoding(place);
	assert.ok(!isRefusal(encoding));
	const decoded = encoding.decode(raw);
	assert.equal(decoded, original);
	const improved = original.split('\n').map((l, i) => (i % 2 ? `Rewritten: ${l}` : l)).join('\n');
	const forFile = textForFile(improved, decoded, encoding, '\n', raw);
	assert.ok(forFile.ok);
	assert.equal(JSON.parse(`"${forFile.text}"`), improved);
	const lines = forFile.text.split('\\n');
	assert.equal(lines[0], 'Caf\\u00e9 rule 0: say \\"hi\\".', 'an untouched line keeps its \\u00e9');
	assert.equal(lines[1998], 'Caf\\u00e9 rule 1998: say \\"hi\\".');
	assert.equal(lines[1], 'Rewritten: Café rule 1: say \\"hi\\".', 'a rewritten line is encoded afresh');
	const same = textForFile(decoded, decoded, encoding, '\n', raw);
	assert.ok(same.ok);
	assert.equal(same.text, raw, 'unchanged text writes back byte for byte');
});
