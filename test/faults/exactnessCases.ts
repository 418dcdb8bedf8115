import { parse as parseYaml } from 'yaml';
import { flatYamlWithPrompt } from '../support/bigYaml';
import { applyAt, markedPlace } from '../support/markedApply';
import { corrupted, type FaultCase } from './faultCase';

/**
 * Exactness of Apply: texts that must be written back exactly, or refused, never written wrongly, and a size that
 * must not hang. A file is split at «» into the text before the prompt, the prompt and the text after.
 */

/** The review (a VS Code document) gives every `\r\n` and `\r` of the decoded text back as a line break, `\n`. */
const asReviewed = (t: string): string => t.replace(/\r\n|\r/g, '\n');

function eofBlock(header: string, edited: boolean): FaultCase {
	return {
		name: `YAML block ${header} at the end of a file without a final line break, ${edited ? 'edited' : 'unchanged'}`,
		check: () => {
			const marked = `a: 1\np: ${header}\n«  First.\n  Second.»`;
			const result = applyAt(markedPlace('yaml', marked), (t) => (edited ? `${t}\nThird.` : t));
			if (!result.ok) return `not applied: ${result.reason}`;
			const want = edited ? `a: 1\np: ${header}\n  First.\n  Second.\n  Third.` : marked.replace(/[«»]/g, '');
			return result.file === want ? undefined : corrupted(`written as ${JSON.stringify(result.file)}`);
		},
	};
}

function carriageReturns(name: string, languageId: string, marked: string, read: (file: string) => string, original: string): FaultCase {
	return {
		name: `\\r of a decoded ${name} on lines left alone, in a CRLF file`,
		check: () => {
			const result = applyAt(markedPlace(languageId, marked), (t) => asReviewed(t).replace('Second.', 'Second, edited.'), '\r\n');
			if (!result.ok) return `not applied: ${result.reason}`;
			const value = read(result.file);
			const want = original.replace('Second.', 'Second, edited.');
			return value === want ? undefined : corrupted(`reads back as ${JSON.stringify(value)}, not ${JSON.stringify(want)}`);
		},
	};
}

function yaml11Plain(value: string): FaultCase {
	return {
		name: `plain YAML value ${value} reads back as a string in YAML 1.1 (PyYAML)`,
		check: () => {
			const result = applyAt(markedPlace('yaml', 'p: «Be brief»\nq: 1\n'), () => value);
			if (!result.ok) return `not applied: ${result.reason}`;
			const read = (parseYaml(result.file, { version: '1.1' }) as { p: unknown }).p;
			return read === value ? undefined : corrupted(`written as ${JSON.stringify(result.file)}, which YAML 1.1 reads as ${String(read)}`);
		},
	};
}

function flowPlain(marked: string, value: string, structure: (v: string) => unknown): FaultCase {
	return {
		name: `plain YAML value ${JSON.stringify(value)} in a flow collection: ${marked.trim()}`,
		check: () => {
			const result = applyAt(markedPlace('yaml', marked), () => value);
			if (!result.ok) return `not applied: ${result.reason}`;
			const read = JSON.stringify(parseYaml(result.file));
			return read === JSON.stringify(structure(value)) ? undefined : corrupted(`written as ${JSON.stringify(result.file)}, which reads ${read}`);
		},
	};
}

export function exactnessCases(): FaultCase[] {
	const jsonOriginal = 'First.\r\nSecond.\r\nThird.\rFourth.';
	const escaped = JSON.stringify(jsonOriginal).slice(1, -1);
	return [
		...['|', '|-', '|+'].flatMap((header) => [eofBlock(header, false), eofBlock(header, true)]),
		carriageReturns('JSON string', 'json', `{\r\n  "p": "«${escaped}»"\r\n}\r\n`, (f) => (JSON.parse(f) as { p: string }).p, jsonOriginal),
		carriageReturns('JavaScript string', 'javascript', `const p = '«${escaped}»';\r\n`, (f) => new Function(`${f}; return p;`)() as string, jsonOriginal),
		carriageReturns('YAML string', 'yaml', `p: "«${escaped}»"\r\nq: 1\r\n`, (f) => (parseYaml(f) as { p: string }).p, jsonOriginal),
		// null and 1e3 were quoted before too (YAML 1.2 reads them as null and a number); Off and 1:20 (a sexagesimal 80) were not.
		...['No', 'yes', 'on', 'null', '1e3', '2026-01-01', 'Off', '1:20'].map(yaml11Plain),
		flowPlain('p: [«x», y]\n', 'a, b', (v) => ({ p: [v, 'y'] })),
		flowPlain('p: {k: «x», q: 1}\n', 'a} {b', (v) => ({ p: { k: v, q: 1 } })),
		{
			name: 'a prompt in a 5 MB flat YAML file is detected and checked (no hang)',
			check: () => {
				const { before, selected, after } = flatYamlWithPrompt(5 * 1024 * 1024);
				const result = applyAt({ languageId: 'yaml', before, selected, after }, (t) => `${t}Confirm the date and time.\n`);
				return result.ok ? undefined : `not applied: ${result.reason}`;
			},
		},
	];
}
