import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { checkApplied } from '../../src/improve/core/applyCheck';
import { detectEncoding, isRefusal } from '../../src/improve/core/promptEncoding';
import type { PromptPlace } from '../../src/improve/core/promptPlace';
import { fStringWarnings, scanPyLiterals } from '../../src/improve/core/pythonLiterals';
import { appliedAt, applyAt, detectedEncoding, markedPlace, type Applied } from '../support/markedApply';
import { prng, randomText } from '../support/randomText';
import type { PromptEncoding } from '../../src/core/encodingTypes';

const place = (file: string): PromptPlace => markedPlace('python', file, 'agent.py');
const encodingOf = (file: string): PromptEncoding => detectedEncoding(place(file));
/** Writes `proposal` where the selection was, as Apply does, the last check included. */
const apply = (file: string, proposal: (decoded: string) => string, eol?: '\n' | '\r\n'): Applied => applyAt(place(file), proposal, eol);
const applied = (file: string, proposal: (decoded: string) => string, eol?: '\n' | '\r\n'): { decoded: string; file: string } => appliedAt(place(file), proposal, eol);

/** What Python itself makes of `PROMPT` in each file (`{name}` in an f-string reads as `{name}`), or the error. */
function pythonValues(files: readonly string[]): (string | { error: string })[] {
	const script = [
		'import sys, json',
		'out = []',
		'for src in json.load(sys.stdin):',
		"    ns = {'name': '{name}'}",
		'    try:',
		'        exec(src, ns)',
		"        out.append(ns['PROMPT'])",
		'    except Exception as e:',
		"        out.append({'error': repr(e)})",
		'print(json.dumps(out))',
	].join('\n');
	const run = spawnSync('python3', ['-c', script], { input: JSON.stringify(files), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	assert.equal(run.status, 0, `python3 is needed to read the files back: ${run.error?.message ?? run.stderr}`);
	return JSON.parse(run.stdout) as (string | { error: string })[];
}

test('the scanner finds every string form, skips comments, and marks strings Python joins', () => {
	const src = '# it\'s "not" a string\nA = r"x\\"y" + Rb\'z\' + f"{d[\'k\']} {{" + """\nq"""\nB = ("a"\n  "b")\nC = "c" \\\n  \'d\'\nD = "e"\nE = "f"\n';
	const literals = scanPyLiterals(src).map((l) => ({ text: src.slice(l.start, l.end), joined: l.joined, bytes: l.bytes }));
	assert.deepEqual(literals, [
		{ text: 'r"x\\"y"', joined: false, bytes: false },
		{ text: "Rb'z'", joined: false, bytes: true },
		{ text: 'f"{d[\'k\']} {{"', joined: false, bytes: false },
		{ text: "'k'", joined: false, bytes: false },
		{ text: '"""\nq"""', joined: false, bytes: false },
		{ text: '"a"', joined: true, bytes: false },
		{ text: '"b"', joined: true, bytes: false },
		{ text: '"c"', joined: true, bytes: false },
		{ text: "'d'", joined: true, bytes: false },
		{ text: '"e"', joined: false, bytes: false },
		{ text: '"f"', joined: false, bytes: false },
	]);
});

test('a one-line string gets a two-line proposal as \\n escapes, never a raw line break', () => {
	const { decoded, file } = applied('PROMPT = "«Be brief.»"\n', (t) => `${t}\nSay "hi" and don't shout.`);
	assert.equal(decoded, 'Be brief.');
	assert.equal(file, 'PROMPT = "Be brief.\\nSay \\"hi\\" and don\'t shout."\n');
	assert.equal(applied("PROMPT = '«It\\'s me.»'\n", (t) => `${t}\nOk.`).file, "PROMPT = 'It\\'s me.\\nOk.'\n");
});

test('a triple-quoted string keeps its lines and line endings, and escapes what would end it', () => {
	const file = 'PROMPT = """\\\r\n«You are the after-hours line.\r\n\tSpeak slowly.»\r\n"""\r\n';
	assert.equal(applied(file, (t) => t, '\r\n').file, file.replace(/[«»]/g, ''));
	const { decoded, file: written } = applied(file, (t) => `${t}\nSay """hi""" at C:\\temp.`, '\r\n');
	assert.equal(decoded, 'You are the after-hours line.\n\tSpeak slowly.');
	assert.equal(written, 'PROMPT = """\\\r\nYou are the after-hours line.\r\n\tSpeak slowly.\r\nSay \\"\\"\\"hi\\"\\"\\" at C:\\\\temp.\r\n"""\r\n');
	// A part that ends with a quote, just before more text: its line is kept as written.
	assert.equal(applied('SYSTEM = """Say «"hi"» once."""\n', (t) => `${t}\nok`).file, 'SYSTEM = """Say "hi"\nok once."""\n');
});

test('a raw string keeps its backslashes, and refuses with the reason what it cannot hold', () => {
	assert.equal(applied('PROMPT = r"«Match \\d+.»"\n', (t) => `${t} Then \\w.`).file, 'PROMPT = r"Match \\d+. Then \\w."\n');
	const twoLines = apply('PROMPT = r"«Match \\d+.»"\n', (t) => `${t}\nThen stop.`);
	assert.ok(!twoLines.ok && /a raw string on one line cannot hold a line break/.test(twoLines.reason), JSON.stringify(twoLines));
	const quote = apply("PROMPT = r'«Match \\d+.»'\n", () => "Don't.");
	assert.ok(!quote.ok && /raw string cannot hold this text/.test(quote.reason), JSON.stringify(quote));
	assert.equal(applied("PROMPT = r'''«a\\b»'''\n", (t) => `${t}\nc\\d`).file, "PROMPT = r'''a\\b\nc\\d'''\n");
});

test('an f-string keeps {…} as code and {{ }} as text; a new {x} in the proposal is written as text', () => {
	const { decoded, file } = applied('PROMPT = f"«You are {name!r:>{width}}. Use {{json}}.»"\n', (t) => `${t}\nReply in {format}.`);
	assert.equal(decoded, 'You are {name!r:>{width}}. Use {json}.');
	assert.equal(file, 'PROMPT = f"You are {name!r:>{width}}. Use {{json}}.\\nReply in {{format}}."\n');
	assert.equal(detectEncoding(place('PROMPT = f"«{name} {{name}}»"\n')).kind, 'refused');
	// The quotes selected without the prefix: the prefix stays.
	assert.equal(applied('PROMPT = f«"You are {name}."»\n', (t) => `${t}\nOk {x}.`).file, 'PROMPT = f"You are {name}.\\nOk {{x}}."\n');
	// `#` in a format spec is no comment.
	assert.equal(applied('PROMPT = f"«Code {n:#x}.»"  # hex\n', (t) => `${t}\nOk.`).file, 'PROMPT = f"Code {n:#x}.\\nOk."  # hex\n');
});

test('a proposal that drops an f-string\'s {…} or invents one is flagged, as for a template literal', () => {
	const encoding = encodingOf('PROMPT = f"«You are {name}.»"\n');
	assert.deepEqual(encoding.expressions, ['{name}']);
	assert.match(fStringWarnings(['{name}'], 'You are {name}.', 'You are the agent.').join(' '), /drops or changes the code \{name\} of the f-string/);
	assert.match(fStringWarnings(['{name}'], 'You are {name}.', 'You are {name} in {city}.').join(' '), /\{city\} is new in the proposal: it is written into the f-string as text/);
	assert.deepEqual(fStringWarnings(['{name}'], 'You are {name}.', 'You are {name}, always.'), []);
	assert.deepEqual(encodingOf('PROMPT = "«You are {name}.»"\n').expressions ?? [], []);
});

test('bytes, joined strings, \\N{…} escapes and selections outside or across strings are refused with a reason', () => {
	for (const [file, reason] of [
		['PROMPT = b"«Be brief.»"\n', /bytes/],
		['PROMPT = t"«Be {brief}.»"\n', /template string/],
		['PROMPT = f"{\'«Be brief.»\'}"\n', /inside an f-string's \{…\} expression/],
		['PROMPT = ("«Be brief.» "\n    "Be kind.")\n', /written next to each other/],
		['PROMPT = "«caf\\N{LATIN SMALL LETTER E WITH ACUTE}»"\n', /\\N\{…\}/],
		['«PROMPT = "Be brief."»\n', /not inside one Python string/],
		['PROMPT = "«Be\\»n brief."\n', /splits/],
	] as const) {
		const detected = detectEncoding(place(file));
		assert.ok(isRefusal(detected) && reason.test(detected.reason), `${file}: ${JSON.stringify(detected)}`);
	}
});

test('the last check re-parses Python: a raw line break or quote in a one-line string, or a cut escape, is refused', () => {
	assert.equal(checkApplied('P = "a\nb"\n', 'python', { start: 5, end: 8 }, 'a\nb').ok, false);
	assert.equal(checkApplied('P = "a"b"\n', 'python', { start: 5, end: 8 }, 'a"b').ok, false);
	assert.equal(checkApplied('P = "a\\nb"\n', 'python', { start: 5, end: 7 }, 'a\\').ok, false);
	assert.equal(checkApplied('P = "a\\nb"\n', 'python', { start: 5, end: 9 }, 'a\nb').ok, true);
	assert.equal(checkApplied('P = f"{x}"\n', 'python', { start: 6, end: 9 }, '{x}').ok, true);
});

const ATOMS = ['a', 'Be brief.', ' ', '\t', '\n', '\r\n', '\r', '"', "'", '"""', "'''", '\\', '\\n', '\\N', '{', '}', '{name}', '{{', '#', '😀', 'é', '\ud800', '\0', '\x7f', '\u2028', 'r"', '$'];

interface Form {
	name: string;
	file: string;
	eol?: '\n' | '\r\n';
	/** The value of PROMPT for the reviewed text `t`. */
	value?: (t: string) => string;
	/** Text the form cannot hold: Apply must refuse it (a raw string's). */
	mayRefuse?: (t: string) => boolean;
}

// eslint-disable-next-line no-control-regex -- the characters a raw string cannot hold
const rawCannotHold = (quote: string) => (t: string): boolean => /[\0-\x08\x0a-\x1f]|[\ud800-\udfff]|\\$/.test(t) || t.includes(quote) || t.endsWith(quote[0]);

const FORMS: Form[] = [
	{ name: 'double-quoted', file: 'PROMPT = "«x»"\n' },
	{ name: 'single-quoted, part of it', file: "PROMPT = 'a\\n«x»\\tb'\n", value: (t) => `a\n${t}\tb` },
	{ name: 'a whole literal with u prefix', file: 'PROMPT = «u"x"»\n' },
	{ name: 'triple-quoted', file: 'PROMPT = """«x»"""\n' },
	{ name: 'triple-quoted, CRLF', file: "PROMPT = '''\r\n«x»\r\n'''\r\n", eol: '\r\n', value: (t) => `\n${t}\n` },
	{ name: 'raw', file: 'PROMPT = r"«x»"\n', mayRefuse: rawCannotHold('"') },
	{ name: 'raw triple-quoted', file: "PROMPT = R'''«x»'''\n", mayRefuse: (t) => rawCannotHold("'''")(t.replace(/\n/g, '')) || /\r/.test(t) },
	{ name: 'f-string', file: 'PROMPT = f"«Hi {name}.»"\n' },
	{ name: 'triple-quoted raw f-string', file: 'PROMPT = rf"""«{name}»"""\n', mayRefuse: (t) => rawCannotHold('"""')(t.replace(/\n/g, '')) || /\r/.test(t) },
];

test('property: 300 random texts per form apply and read back exactly in Python itself', () => {
	const rand = prng(0x5eed);
	const cases: { form: Form; text: string; file: string }[] = [];
	for (const form of FORMS) {
		let refused = 0;
		for (let i = 0; i < 300; i++) {
			const text = randomText(rand, ATOMS).replace(/\r\n?/g, '\n');
			const result = apply(form.file, () => text, form.eol);
			if (!result.ok) {
				assert.ok(form.mayRefuse?.(text), `${form.name}: refused ${JSON.stringify(text)}: ${result.reason}`);
				refused++;
				continue;
			}
			// The reviewed text fitted to the original (its final line breaks): what the file must hold.
			cases.push({ form, text: result.expected, file: result.file });
		}
		assert.ok(refused < 300, `${form.name}: everything was refused`);
	}
	const values = pythonValues(cases.map((c) => c.file));
	cases.forEach(({ form, text, file }, i) => {
		assert.deepEqual(values[i], form.value ? form.value(text) : text, `${form.name}: ${JSON.stringify(text)} → ${JSON.stringify(file)}`);
	});
});

test('property: decode(encode(text)) is the text for 3000 random texts per form, \\r included, and unchanged text leaves the file alone', () => {
	const rand = prng(7);
	for (const form of FORMS) {
		assert.equal(applied(form.file, (t) => t, form.eol).file, form.file.replace(/[«»]/g, ''), `${form.name}: an unchanged prompt changed the file`);
		const p = place(form.file);
		const encoding = encodingOf(form.file);
		for (let i = 0; i < 3000; i++) {
			const text = randomText(rand, ATOMS);
			let raw: string;
			try {
				raw = encoding.encode(text, form.eol ?? '\n', p.selected);
			} catch {
				assert.ok(form.mayRefuse?.(text), `${form.name}: cannot encode ${JSON.stringify(text)}`);
				continue;
			}
			assert.equal(encoding.decode(raw), text, `${form.name}: ${JSON.stringify(text)} → ${JSON.stringify(raw)}`);
		}
	}
});
