import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PromptEncoding } from '../../src/core/encodingTypes';
import { textForFile } from '../../src/improve/core/textForFile';
import { inGerman } from '../support/inGerman';
import { detectedEncoding, markedPlace } from '../support/markedApply';

/** A file with the selection between «», and how the prompt there is written. */
const CASES: readonly { languageId: string; file: string; description: string }[] = [
	{ languageId: 'markdown', file: '«Be brief.»', description: 'plain text' },
	{ languageId: 'json', file: '{"p": «"a"»}', description: 'a JSON string literal' },
	{ languageId: 'json', file: '{"p": "«a»"}', description: 'the inside of a JSON string' },
	{ languageId: 'typescript', file: "const p = «'a'»;", description: 'a single-quoted string literal' },
	{ languageId: 'typescript', file: 'const p = «"a"»;', description: 'a double-quoted string literal' },
	{ languageId: 'javascript', file: "const p = '«a»';", description: 'the inside of a single-quoted string' },
	{ languageId: 'javascript', file: 'const p = "«a»";', description: 'the inside of a double-quoted string' },
	{ languageId: 'typescript', file: 'const p = «`a`»;', description: 'a template literal' },
	{ languageId: 'typescript', file: 'const p = `«a»`;', description: 'the inside of a template literal' },
	{ languageId: 'yaml', file: 'p: «"a"»\n', description: 'a double-quoted YAML string' },
	{ languageId: 'yaml', file: "p: «'a'»\n", description: 'a single-quoted YAML string' },
	{ languageId: 'yaml', file: 'p: "«a»"\n', description: 'the inside of a double-quoted YAML string' },
	{ languageId: 'yaml', file: "p: '«a»'\n", description: 'the inside of a single-quoted YAML string' },
	{ languageId: 'yaml', file: 'p: «a»\n', description: 'a plain YAML value' },
	{ languageId: 'yaml', file: 'p: |\n«  a\n»', description: 'the lines of a YAML block (2 spaces)' },
];

const encodingOf = (languageId: string, file: string): PromptEncoding => detectedEncoding(markedPlace(languageId, file));

test('each way a prompt is written has an English description for the log, the same as its message text in English', () => {
	for (const { languageId, file, description } of CASES) {
		const encoding = encodingOf(languageId, file);
		assert.equal(encoding.description, description, file);
		assert.equal(encoding.localizedDescription(), description, file);
	}
});

test('in German, every description in a message is German, while the log keeps the English', () => {
	inGerman((de) => {
		for (const { languageId, file, description } of CASES) {
			const encoding = encodingOf(languageId, file);
			const key = description === 'the lines of a YAML block (2 spaces)' ? 'the lines of a YAML block ({0} spaces)' : description;
			assert.ok(de[key], `no German for "${key}"`);
			assert.equal(encoding.localizedDescription(), de[key].replace('{0}', '2'), file);
			assert.notEqual(encoding.localizedDescription(), description, `${file}: still English`);
			assert.equal(encoding.description, description, `${file}: the log's description changed`);
		}
	});
});

test('in German, a proposal that cannot be written back is refused with a wholly German reason', () => {
	inGerman(() => {
		// A line break cannot be written inside a single-quoted YAML string.
		const encoding = encodingOf('yaml', "p: '«Be brief.»'\n");
		const forFile = textForFile('Be brief.\nBe kind.', 'Be brief.', encoding, '\n', 'Be brief.');
		assert.ok(!forFile.ok, 'a line break was written into a single-quoted YAML string');
		assert.equal(
			forFile.reason,
			'ein einzeiliger YAML-String in einfachen Anführungszeichen kann keine Zeilenumbrüche, Tabulatoren oder Steuerzeichen enthalten, ' +
				'daher kann er nicht als das Innere eines YAML-Strings in einfachen Anführungszeichen geschrieben werden',
		);
	});
});
