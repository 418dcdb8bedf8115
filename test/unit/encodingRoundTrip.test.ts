import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { checkApplied } from '../../src/improve/core/applyCheck';
import { expressionWarnings } from '../../src/improve/core/jsLiterals';
import { detectEncoding, isRefusal } from '../../src/improve/core/promptEncoding';
import { appliedMarked, applyAt, markedPlace } from '../support/markedApply';
import { prng } from '../support/randomText';

/** Evaluates `const p = …` in JavaScript, with `name` defined, and returns p. */
function jsValue(file: string): string {
	return new Function('name', `${file.replace(/^(export )?const p/m, 'var p')}; return p;`)('NAME') as string;
}

// ---- the defects of the issue, each with the file as the old code wrote it ----

test('defect 1: a template literal keeps ${name} as code and its \\n escape on lines the improvement left alone', () => {
	const file = 'const p = `«You are ${name}.\\nBe brief.»`;\n';
	const { decoded, file: written } = appliedMarked('typescript', file, (t) => `${t}\nAsk one question at a time.`);
	assert.equal(decoded, 'You are ${name}.\nBe brief.');
	assert.equal(written, 'const p = `You are ${name}.\\nBe brief.\\nAsk one question at a time.`;\n');
	assert.equal(jsValue(written), 'You are NAME.\nBe brief.\nAsk one question at a time.');
	// Unchanged: byte for byte the same file.
	assert.equal(appliedMarked('typescript', file, (t) => t).file, file.replace(/[«»]/g, ''));
});

test('defect 1: every template escape decodes and encodes exactly (\\t \\\\ \\` \\${ \\u line continuations)', () => {
	const file = 'const p = `«a\\tb \\\\ \\` \\${x} \\u00e9 \\u{1F600} c\\\nd»`;';
	const { decoded, file: written } = appliedMarked('typescript', file, (t) => `${t}\nmore`);
	assert.equal(decoded, 'a\tb \\ ` ${x} é 😀 cd');
	assert.equal(jsValue(written), 'a\tb \\ ` ${x} é 😀 cd\nmore');
});

test('defect 1: a proposal that drops or invents ${…} is flagged, and Apply keeps the file valid', () => {
	assert.match(expressionWarnings(['${name}'], 'You are ${name}.', 'You are the agent.').join(' '), /drops or changes the code \$\{name\}/);
	assert.match(expressionWarnings(['${name}'], 'You are ${name}.', 'You are ${name} at ${city}.').join(' '), /\$\{city\} is new/);
	assert.deepEqual(expressionWarnings(['${name}'], 'You are ${name}.', 'You are ${name}, always.'), []);
	const { file: written } = appliedMarked('typescript', 'const p = `«You are ${name}.»`;', () => 'You are ${nam} at ${city}.');
	assert.equal(jsValue(written), 'You are ${nam} at ${city}.');
});

test('defect 2: single-quoted JS/TS strings, with \\\' and after a backtick, are recognised and stay valid', () => {
	const file = "// uses `code` in a comment\nconst p = '«It\\'s Tony\\'s line.»';\n";
	const { decoded, file: written } = appliedMarked('typescript', file, (t) => `${t}\nSay "hi" and don't shout.`);
	assert.equal(decoded, "It's Tony's line.");
	assert.equal(jsValue(written), 'It\'s Tony\'s line.\nSay "hi" and don\'t shout.');
	assert.equal(appliedMarked('javascript', "const p = «'a'»;", (t) => `${t}\n'b'`).file, "const p = 'a\\n\\'b\\'';");
});

test('defect 2: a selection that is part of a JSON string is decoded, and may not split an escape', () => {
	const file = '{"p": "Intro.\\n«Be brief.\\nSay \\"hi\\".»\\nOutro."}';
	const { decoded, file: written } = appliedMarked('json', file, (t) => `${t}\nNew "rule".`);
	assert.equal(decoded, 'Be brief.\nSay "hi".');
	assert.equal(JSON.parse(written).p, 'Intro.\nBe brief.\nSay "hi".\nNew "rule".\nOutro.');
	assert.equal(detectEncoding(markedPlace('json', '{"p": "a\\«nb»"}')).kind, 'refused');
});

test('defect 2: YAML double-quoted, single-quoted and plain scalars are recognised and stay valid', () => {
	const double = appliedMarked('yaml', 'p: "«Say \\"hi\\".\\nBe brief.»"\nq: 1\n', (t) => `${t}\nUse: colons # and hashes`);
	assert.equal(double.decoded, 'Say "hi".\nBe brief.');
	assert.deepEqual(parseYaml(double.file), { p: 'Say "hi".\nBe brief.\nUse: colons # and hashes', q: 1 });
	const single = appliedMarked('yaml', "p: «'It''s me.'»\n", (t) => `${t}\nLine two: 'quoted'.`);
	assert.equal(single.decoded, "It's me.");
	assert.deepEqual(parseYaml(single.file), { p: "It's me.\nLine two: 'quoted'." });
	const plain = appliedMarked('yaml', 'p: «Be brief»\nq: x\n', (t) => `${t}: #1 rule`);
	assert.deepEqual(parseYaml(plain.file), { p: 'Be brief: #1 rule', q: 'x' });
	assert.equal(detectEncoding(markedPlace('yaml', 'p: «a: 1»\n')).kind, 'refused');
});

test('defect 3: a YAML block gains an indentation indicator when the first line is more indented or blank', () => {
	const file = 'p: |\n«  first\n  second\n»q: 1\n';
	const indented = appliedMarked('yaml', file, (t) => `    indented first\n${t}`);
	assert.match(indented.file, /^p: \|2\n/);
	assert.deepEqual(parseYaml(indented.file), { p: '    indented first\nfirst\nsecond\n', q: 1 });
	const blank = appliedMarked('yaml', file, (t) => `\n  \n${t}`);
	assert.deepEqual(parseYaml(blank.file), { p: '\n  \nfirst\nsecond\n', q: 1 });
});

test('defect 3: a YAML block refuses NUL and lone surrogates instead of writing an invalid file', () => {
	const file = 'p: |\n«  first\n»';
	for (const bad of ['a\0b', 'a\ud800b']) {
		const result = applyAt(markedPlace('yaml', file), () => bad);
		assert.equal(result.ok, false);
		assert.ok(!result.ok && /cannot/.test(result.reason), !result.ok ? result.reason : '');
	}
});

test('defect 4: the last line of defence refuses a file that would not parse or would mean something else', () => {
	assert.deepEqual(checkApplied('{"p": "a"b"}', 'json', { start: 7, end: 10 }, 'a"b'), { ok: false, reason: 'the file would not read back as reviewed: it would not be valid JSON' });
	assert.equal(checkApplied('{"p": "a\\nb"}', 'json', { start: 7, end: 11 }, 'a\\nb').ok, false);
	assert.equal(checkApplied('{"p": "a\\nb"}', 'json', { start: 7, end: 11 }, 'a\nb').ok, true);
	assert.equal(checkApplied('p: |\n    x\n  y\n', 'yaml', { start: 5, end: 15 }, '  x\ny\n').ok, false);
	assert.equal(checkApplied('const p = `a ${name}`;', 'typescript', { start: 11, end: 20 }, 'a \\${name}').ok, false);
	assert.equal(checkApplied('const p = `a ${name}`;', 'typescript', { start: 11, end: 20 }, 'a ${name}').ok, true);
	assert.equal(checkApplied('const p = "a\nb";', 'javascript', { start: 11, end: 14 }, 'a\nb').ok, false);
	assert.equal(checkApplied('# any text', 'markdown', { start: 0, end: 1 }, 'x').ok, true);
});

// ---- property tests: random and adversarial text through every encoding ----


const ATOMS = ['a', 'Be brief.', ' ', '  ', '\t', '\n', '\n', '\r\n', '"', "'", '`', '\\', '\\n', '${', '${name}', '}', '{', '$', '#', ' #', ': ', '---', '- ', '\u2028', '\u2029', '😀', 'é', '\ud800', '\udc00', '\0', '\x7f', '\x85', '\ufeff', '|', '>', '&', '*', '%', '@', '?', ',', '[', ']'];

function randomText(rand: () => number, atoms = ATOMS): string {
	const n = 1 + Math.floor(rand() * 12);
	let s = '';
	for (let i = 0; i < n; i++) s += atoms[Math.floor(rand() * atoms.length)];
	return s;
}

interface Context {
	name: string;
	languageId: string;
	file: string;
	/** The value the file holds for the prompt once `expected` is written, read by a real parser. */
	read(file: string): string;
	/** The value the real parser should see for the reviewed text. */
	value?(expected: string): string;
	/** Texts the form cannot hold: Apply must refuse them (never write them wrongly). */
	mayRefuse?: (text: string) => boolean;
}

// eslint-disable-next-line no-control-regex -- the characters a YAML block cannot hold
const yamlCannotHold = (t: string): boolean => /[\0\x7f\x85\ufeff\r]|[\ud800-\udfff]/.test(t) || /[\x00-\x08\x0b\x0c\x0e-\x1f]/.test(t);
const singleQuotedCannotHold = (t: string): boolean => /[\n\r\t\u2028\u2029\ufeff\x7f\x85\0]|[\ud800-\udfff]/.test(t);

const CONTEXTS: Context[] = [
	{ name: 'JSON string inside', languageId: 'json', file: '{"p": "«x»", "q": 1}', read: (f) => JSON.parse(f).p },
	{ name: 'JSON string literal', languageId: 'jsonc', file: '// c\n{"p": «"x"»,}', read: (f) => JSON.parse(f.slice('// c\n'.length).replace(/,}$/, '}')).p },
	{ name: 'JSON part of a string', languageId: 'json', file: '{"p": "a\\n«x»\\tb"}', read: (f) => JSON.parse(f).p, value: (e) => `a\n${e}\tb` },
	{ name: 'double-quoted TS string', languageId: 'typescript', file: 'const p = "«x»";', read: jsValue },
	{ name: 'single-quoted JS string', languageId: 'javascript', file: "const p = '«x»';", read: jsValue },
	{ name: 'template literal', languageId: 'typescript', file: 'const p = `«Hi ${name}.\\nx»`;', read: jsValue, value: (e) => e.split('${name}').join('NAME') },
	{ name: 'template literal part', languageId: 'typescriptreact', file: 'const p = `${name}: «x»!`;', read: jsValue, value: (e) => `NAME: ${e.split('${name}').join('NAME')}!` },
	{ name: 'YAML double-quoted', languageId: 'yaml', file: 'p: "«x»"\nq: 1\n', read: (f) => parseYaml(f).p, mayRefuse: (t) => /[\ud800-\udfff]/.test(t) },
	{ name: 'YAML single-quoted whole', languageId: 'yaml', file: "p: «'x'»\n", read: (f) => parseYaml(f).p, mayRefuse: (t) => /[\ud800-\udfff]/.test(t) },
	{ name: 'YAML single-quoted inside', languageId: 'yaml', file: "p: 'a «x» b'\n", read: (f) => parseYaml(f).p, value: (e) => `a ${e} b`, mayRefuse: singleQuotedCannotHold },
	{ name: 'YAML plain', languageId: 'yaml', file: 'p: «x»\nq: 1\n', read: (f) => parseYaml(f).p, mayRefuse: (t) => /[\ud800-\udfff]/.test(t) },
	{ name: 'YAML block, whole lines', languageId: 'yaml', file: 'a: 1\np: |\n«  x\n  y\n»q: 1\n', read: (f) => parseYaml(f).p, mayRefuse: yamlCannotHold },
	{ name: 'YAML block, strip, after the indentation', languageId: 'yaml', file: 'list:\n  - p: |-\n      «x\n      y»\n  - 2\n', read: (f) => parseYaml(f).list[0].p, mayRefuse: yamlCannotHold },
];

for (const context of CONTEXTS) {
	test(`property: ${context.name}: 1000 random texts apply and read back exactly with a real parser`, () => {
		const rand = prng(0xc0ffee ^ context.name.length * 7919);
		let refused = 0;
		for (let i = 0; i < 1000; i++) {
			const improved = randomText(rand);
			if (improved.trim() === '') continue;
			const result = applyAt(markedPlace(context.languageId, context.file), () => improved);
			if (!result.ok) {
				assert.ok(context.mayRefuse?.(result.reason === '' ? '' : improved), `${context.name}: refused ${JSON.stringify(improved)}: ${result.reason}`);
				refused++;
				continue;
			}
			let value: string;
			try {
				value = context.read(result.file);
			} catch (err) {
				assert.fail(`${context.name}: ${JSON.stringify(improved)} gave a file that does not parse: ${JSON.stringify(result.file)} (${String(err)})`);
			}
			const expected = context.value ? context.value(result.expected) : result.expected;
			assert.equal(value, expected, `${context.name}: ${JSON.stringify(improved)} → ${JSON.stringify(result.file)}`);
		}
		assert.ok(refused < 1000, 'everything was refused');
	});
}

test('property: decode(encode(text)) is the text for 3000 random texts per encoding, and unchanged text leaves the file alone', () => {
	const rand = prng(42);
	for (const context of CONTEXTS) {
		assert.equal(appliedMarked(context.languageId, context.file, (t) => t).file, context.file.replace(/[«»]/g, ''), `${context.name}: an unchanged prompt changed the file`);
		const p = markedPlace(context.languageId, context.file);
		const encoding = detectEncoding(p);
		assert.ok(!isRefusal(encoding));
		for (let i = 0; i < 3000; i++) {
			const text = randomText(rand);
			let raw: string;
			try {
				raw = encoding.encode(text, '\n', p.selected);
			} catch {
				assert.ok(context.mayRefuse?.(text), `${context.name}: cannot encode ${JSON.stringify(text)}`);
				continue;
			}
			assert.equal(encoding.decode(raw), text, `${context.name}: ${JSON.stringify(text)} → ${JSON.stringify(raw)}`);
		}
	}
});

// ---- exactness: carriage returns of decoded strings, as the review (a VS Code document) hands the text back ----

/** The review shows every `\r\n`, `\r` and `\n` of the decoded text as a line break and gives them back as `\n`. */
const asReviewed = (t: string): string => t.replace(/\r\n|\r/g, '\n');

const CR_CONTEXTS: { name: string; languageId: string; wrap(inside: string): string; encode(decoded: string): string; read(file: string): string }[] = [
	{ name: 'JSON string', languageId: 'json', wrap: (i) => `{"p": "«${i}»", "q": 1}\r\n`, encode: (d) => JSON.stringify(d).slice(1, -1), read: (f) => JSON.parse(f).p },
	{ name: 'double-quoted TS string', languageId: 'typescript', wrap: (i) => `const p = "«${i}»";\r\n`, encode: (d) => JSON.stringify(d).slice(1, -1), read: jsValue },
	{ name: 'YAML double-quoted', languageId: 'yaml', wrap: (i) => `p: "«${i}»"\r\nq: 1\r\n`, encode: (d) => JSON.stringify(d).slice(1, -1), read: (f) => parseYaml(f).p },
];

for (const context of CR_CONTEXTS) {
	test(`property: ${context.name}: the \\r\\n, \\r and \\n of 300 random decoded texts survive Apply, on lines left alone and on edited ones`, () => {
		const rand = prng(0x5eed ^ context.name.length);
		const breaks = ['\n', '\r\n', '\r'];
		for (let i = 0; i < 300; i++) {
			const lines = Array.from({ length: 2 + Math.floor(rand() * 5) }, (_, k) => `Line ${k} ${randomText(rand, ['a', 'Be brief.', ' ', '"', 'é', '#'])}`);
			const original = lines.map((l, k) => l + (k < lines.length - 1 ? breaks[Math.floor(rand() * 3)] : '')).join('');
			const file = context.wrap(context.encode(original));
			for (const eol of ['\n', '\r\n'] as const) {
				assert.equal(appliedMarked(context.languageId, file, asReviewed, eol).file, file.replace(/[«»]/g, ''), `${context.name}: unchanged ${JSON.stringify(original)}`);
				const appended = appliedMarked(context.languageId, file, (t) => `${asReviewed(t)}\nA new line.`, eol).file;
				const value = context.read(appended);
				assert.ok(value.startsWith(original) && /^(\r\n|\r|\n)A new line\.$/.test(value.slice(original.length)), `${context.name}: ${JSON.stringify(original)} + a line read back as ${JSON.stringify(value)}`);
				const k = Math.floor(rand() * lines.length);
				const edited = appliedMarked(context.languageId, file, (t) => asReviewed(t).split('\n').map((l, j) => (j === k ? 'Edited line.' : l)).join('\n'), eol).file;
				assert.equal(context.read(edited), original.replace(lines[k], 'Edited line.'), `${context.name}: line ${k} of ${JSON.stringify(original)} edited`);
			}
		}
	});
}

test('exactness: a JSON string with \\r\\n escapes in a CRLF file keeps them on untouched and edited lines', () => {
	const file = '{\r\n  "p": "«First.\\r\\nSecond.\\r\\nThird.»"\r\n}\r\n';
	const written = appliedMarked('json', file, (t) => asReviewed(t).replace('Second.', 'Second, edited.'), '\r\n').file;
	assert.equal(written, '{\r\n  "p": "First.\\r\\nSecond, edited.\\r\\nThird."\r\n}\r\n');
	assert.equal(appliedMarked('json', file, asReviewed, '\r\n').file, file.replace(/[«»]/g, ''));
});

test('exactness: a YAML block at the end of a file without a final line break applies unchanged and edited, for |, |- and |+', () => {
	for (const header of ['|', '|-', '|+']) {
		const file = `a: 1\np: ${header}\n«  First.\n  Second.»`;
		assert.equal(appliedMarked('yaml', file, (t) => t).file, file.replace(/[«»]/g, ''), header);
		const edited = appliedMarked('yaml', file, (t) => `${t}\nThird.`).file;
		assert.equal(edited, `a: 1\np: ${header}\n  First.\n  Second.\n  Third.`, header);
		assert.equal(parseYaml(edited).p, header === '|-' ? 'First.\nSecond.\nThird.' : 'First.\nSecond.\nThird.\n', header);
	}
});

test('exactness: a plain YAML value that YAML 1.1 (PyYAML) would read as a boolean, null, number or date is written quoted', () => {
	for (const value of ['No', 'yes', 'ON', 'off', 'y', 'N', 'True', 'null', 'Null', '~', '1e3', '0x1F', '012', '1_000', '1:20', '.5', '.inf', '-.INF', '.NaN', '2026-01-01', '2026-01-01 10:00:00', '=', '<<']) {
		const written = appliedMarked('yaml', 'p: «Be brief»\n', () => value).file;
		assert.notEqual(written, `p: ${value}\n`, `${value} written plain`);
		assert.equal(parseYaml(written, { version: '1.1' }).p, value, value);
		assert.equal(parseYaml(written).p, value, value);
	}
	assert.equal(appliedMarked('yaml', 'p: «x»\n', () => 'Be brief, always').file, 'p: Be brief, always\n');
});

test('exactness: a plain YAML value inside a flow collection is written quoted where , [ ] { } would end it', () => {
	const cases: [string, string, (v: string) => unknown][] = [
		['p: [«x», y]\n', 'a, b', (v) => ({ p: [v, 'y'] })],
		['p: [«x», y]\n', 'a]', (v) => ({ p: [v, 'y'] })],
		['p: {k: «x», q: 1}\n', 'a} b{', (v) => ({ p: { k: v, q: 1 } })],
		['p: {k: «x»}\n', 'no', (v) => ({ p: { k: v } })],
	];
	for (const [file, value, structure] of cases) {
		const written = appliedMarked('yaml', file, () => value).file;
		assert.deepEqual(parseYaml(written), structure(value), written);
	}
	assert.equal(appliedMarked('yaml', 'p: [«x», y]\n', () => 'Be brief').file, 'p: [Be brief, y]\n');
});

test('exactness: a duplicate key still refuses a YAML file, found in linear time', () => {
	const result = detectEncoding(markedPlace('yaml', 'a: 1\np: «x»\nb: 2\np: y\n'));
	assert.ok(isRefusal(result) && /Map keys must be unique at line 4, column 1/.test(result.reason), JSON.stringify(result));
	assert.ok(isRefusal(detectEncoding(markedPlace('yaml', 'p: {k: «x», k: y}\n'))));
	assert.ok(!isRefusal(detectEncoding(markedPlace('yaml', 'p: «x»\n"1": a\n1: b\n'))), 'the string "1" and the number 1 are different keys');
});
