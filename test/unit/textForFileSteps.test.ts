import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PromptEncoding } from '../../src/core/encodingTypes';
import type { PromptPlace } from '../../src/improve/core/promptPlace';
import { textForFile, textForFileInSlices } from '../../src/improve/core/textForFile';
import { bigProposals } from '../support/bigProposals';
import { detectedEncoding, markedPlace } from '../support/markedApply';

/** Runs the sliced Apply with a slice of 0 ms (a turn of the event loop after every step), counting the turns. */
async function sliced(reviewed: string, original: string, encoding: PromptEncoding, eol: '\n' | '\r\n', raw: string): Promise<{ result: ReturnType<typeof textForFile>; turns: number }> {
	let turns = 0;
	const result = await textForFileInSlices(reviewed, original, encoding, eol, raw, {
		sliceMs: 0,
		pause: () => {
			turns++;
			return new Promise((resolve) => setImmediate(resolve));
		},
	});
	return { result, turns };
}

test('Apply in slices writes exactly what Apply in one go writes, for every shape of a large proposal, with turns of the event loop between its steps', async () => {
	for (const { name, original, improved } of bigProposals(256 * 1024)) {
		const raw = JSON.stringify(original);
		const encoding = detectedEncoding({ languageId: 'json', before: '{"prompt": ', selected: raw, after: '}\n' });
		const { result, turns } = await sliced(improved, original, encoding, '\n', raw);
		assert.deepEqual(result, textForFile(improved, original, encoding, '\n', raw), name);
		assert.ok(result.ok, name);
		assert.equal(encoding.decode(result.text), result.expected, name);
		// A 256 KiB prompt of ~7,000 lines: many steps, so the event loop is never held for all of it.
		assert.ok(turns > 10, `${name}: only ${turns} turns of the event loop`);
	}
});

const EDITS: [string, (t: string) => string][] = [
	['a line added', (t) => `${t}\nAsk one question at a time.`],
	['a line changed', (t) => t.replace('Be brief', 'Be very brief')],
	['unchanged', (t) => t],
	['emptied', () => ''],
	['a quote and a backslash added', (t) => `${t} "quoted" \\ and 'single'`],
];

const PLACES: [string, PromptPlace][] = [
	['JSON', markedPlace('json', '{"prompt": "«You are kind.\\nBe brief.\\u00e9»"}\n')],
	['JSON with CRLF escapes', markedPlace('json', '{"prompt": "«You are kind.\\r\\nBe brief.\\r\\n»"}\n')],
	['JavaScript string', markedPlace('javascript', "const p = '«You are kind.\\nBe brief.»';\n")],
	['template literal', markedPlace('typescript', 'const p = `«You are ${name}.\\nBe brief.»`;\n')],
	['YAML block', markedPlace('yaml', 'prompt: |\n  «You are kind.\n  Be brief.\n»other: 1\n')],
	['YAML double-quoted', markedPlace('yaml', 'prompt: "«You are kind.\\nBe brief.»"\n')],
	['YAML single-quoted', markedPlace('yaml', "prompt: «'You are kind. Be brief.'»\n")],
	['YAML plain', markedPlace('yaml', 'prompt: «You are kind. Be brief.»\n')],
	['Python', markedPlace('python', 'PROMPT = """«You are kind.\nBe brief.»"""\n')],
	['plain text', markedPlace('markdown', '# Prompt\n«You are kind.\nBe brief.»\n', 'prompt.md')],
];

test('Apply in slices gives the same result as in one go for every encoding, written or refused', async () => {
	const kinds = new Set<string>();
	for (const [what, p] of PLACES) {
		const encoding = detectedEncoding(p);
		kinds.add(encoding.kind);
		const decoded = encoding.decode(p.selected);
		for (const [edit, change] of EDITS) {
			for (const eol of ['\n', '\r\n'] as const) {
				const reviewed = change(decoded);
				const { result } = await sliced(reviewed, decoded, encoding, eol, p.selected);
				assert.deepEqual(result, textForFile(reviewed, decoded, encoding, eol, p.selected), `${what}, ${edit}, ${JSON.stringify(eol)}`);
			}
		}
	}
	assert.deepEqual([...kinds].sort(), ['jsString', 'jsonString', 'plain', 'pyString', 'templateLiteral', 'yamlBlock', 'yamlDoubleQuoted', 'yamlPlain', 'yamlSingleQuoted']);
});
