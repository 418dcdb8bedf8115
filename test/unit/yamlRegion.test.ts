import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { sameKeyElsewhere, yamlRegion } from '../../src/improve/core/yamlRegion';
import { yamlScalarAt } from '../../src/improve/core/yamlScalars';

/** [start, end) of `part` in `text`. */
function at(text: string, part: string): [number, number] {
	const start = text.indexOf(part);
	return [start, start + part.length];
}

test('a prompt in a flat YAML file is read from its top-level entry alone, which runs to the next key at column 0', () => {
	const file = 'a: 1\n# comment\np: |\n  First.\n\n  Second.\nlist:\n- x\n- y\nq: 2\n';
	const [start, end] = at(file, 'First.\n\n  Second.\n');
	assert.deepEqual(yamlRegion(file, start, end), { start: file.indexOf('p: |'), end: file.indexOf('list:') });
	const [s2, e2] = at(file, 'y');
	assert.deepEqual(yamlRegion(file, s2, e2), { start: file.indexOf('list:'), end: file.indexOf('q: 2') }, 'a compact sequence belongs to its key');
	const scalar = yamlScalarAt(file, start, end);
	assert.ok(scalar);
	assert.equal(scalar.value, parseYaml(file).p);
	assert.equal(file.slice(scalar.start, scalar.start + 1), '|');
});

test('a file that is not one block mapping at column 0 is parsed whole', () => {
	assert.equal(yamlRegion('%YAML 1.2\n---\np: x\n', 17, 18), undefined);
	assert.equal(yamlRegion('p: x\n---\nq: y\n', 3, 4), undefined);
	assert.equal(yamlRegion('- p: x\n- q: y\n', 5, 6), undefined);
	assert.equal(yamlRegion('[a,\nb]\n', 4, 5), undefined);
	assert.equal(yamlRegion('  p: x\n  q: y\n', 5, 6), undefined);
	// An alias to an anchor outside the entry: the entry alone does not parse, the whole file does.
	const file = 'base: &b Be brief.\np: "Say hi."\nq: *b\n';
	assert.equal(yamlScalarAt(file, ...at(file, 'Say hi.'))?.value, 'Say hi.');
});

test('the prompt\'s key written again anywhere in the file, plain or quoted, refuses it as ambiguous', () => {
	for (const again of ['p: y', '"p": y', "'p': y", 'p : y']) {
		const file = `p: "«x»"\n${'k: 1\n'.repeat(3)}${again}\n`;
		const clean = file.replace(/[«»]/g, '');
		assert.throws(() => yamlScalarAt(clean, 4, 5), /Map keys must be unique at line 5, column 1/, again);
	}
	const file = 'p: x\nq: 1\np2: y\n"p ": z\n';
	assert.equal(sameKeyElsewhere(file, { start: 0, end: 5 }, 'p', 'p'), undefined);
	assert.equal(yamlScalarAt(file, 3, 4)?.value, 'x');
});

test('a duplicate key inside the prompt\'s entry refuses the file too', () => {
	assert.throws(() => yamlScalarAt('a: 1\np:\n  k: x\n  k: y\nb: 2\n', 13, 14), /Map keys must be unique at line 4, column 3/);
});
