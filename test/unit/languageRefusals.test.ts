import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkApplied } from '../../src/improve/core/applyCheck';
import { detectEncoding, isRefusal } from '../../src/improve/core/promptEncoding';
import { textForFile } from '../../src/improve/core/textForFile';
import { inGerman } from '../support/inGerman';
import { markedPlace } from '../support/markedApply';

function reason(languageId: string, file: string, fileName?: string): string | undefined {
	const detected = detectEncoding(markedPlace(languageId, file, fileName));
	return isRefusal(detected) ? detected.reason : undefined;
}

test('in a language the extension does not parse, a selection beside code or inside quotes is refused with the reason', () => {
	for (const [languageId, file, fileName] of [
		['toml', '[agent]\nprompt = "«Be brief.»"\n', 'agent.toml'],
		['plaintext', '[agent]\nprompt = "«Be brief.»"\n', 'agent.toml'],
		['go', 'var Prompt = "«Be brief.»"\n', 'agent.go'],
		['dotenv', 'SYSTEM_PROMPT=«Be brief.»\n', '.env'],
		['ruby', 'PROMPT = «"Be brief."»\n', 'agent.rb'],
		['php', "<?php $p = '«Be brief.\nBe kind.»';\n", 'agent.php'],
	]) {
		assert.match(reason(languageId, file, fileName) ?? 'not refused', /shares its line with code or quotes, and Cekura does not parse (\w+|\.toml) files/, file);
	}
});

test('whole lines are plain text there, unless a multi-line string or heredoc opened above them is still open', () => {
	assert.equal(reason('toml', '# The agent\n«Be brief.\nBe kind.»\n', 'agent.toml'), undefined);
	assert.equal(reason('plaintext', 'p = "«Be brief.»"\n', 'agent.toml'), 'the selection shares its line with code or quotes, and Cekura does not parse .toml files');
	assert.equal(reason('go', 'var A = `x`\n«  Be brief.\n»', 'agent.go'), undefined);
	assert.equal(reason('ruby', 'A = <<~EOS\n  x\nEOS\n«Be brief.»\n', 'agent.rb'), undefined);
	assert.equal(reason('go', 'const (\n\tA = 1<<iota\n)\n«Be brief.»\n', 'agent.go'), undefined);
	for (const [languageId, file] of [
		['toml', 'prompt = """\n«Be brief.»\n"""\n'],
		['toml', "prompt = '''\n«Be brief.»\n'''\n"],
		['go', 'var Prompt = `\n«Be brief.»\n`\n'],
		['ruby', 'PROMPT = <<~EOS\n«  Be brief.»\nEOS\n'],
		['php', '<?php\n$p = <<<EOT\n«Be brief.»\nEOT;\n'],
	]) {
		assert.match(reason(languageId, file) ?? 'not refused', /may be inside a multi-line string/, file);
	}
});

test('prose stays plain text wherever the selection starts: Markdown, plain text, .txt and untitled documents', () => {
	assert.equal(reason('markdown', 'Say "«hi»" = `code`.'), undefined);
	assert.equal(reason('plaintext', 'name = "«Be brief.»"', 'notes.txt'), undefined);
	assert.equal(reason('plaintext', 'name = "«Be brief.»"', 'Untitled-1'), undefined);
	assert.equal(reason('plaintext', 'name = "«Be brief.»"'), undefined);
});

test('JSX text and quoted JSX attributes are not string literals: refused, while a string in {…} still applies', () => {
	for (const file of ['const A = () => <p>Say "«hi»" <b>twice</b></p>;', "const A = () => <p>Don't «do» it, it's <b>bad</b></p>;", 'const A = () => <input placeholder="«Ask me»" />;']) {
		assert.match(reason('typescriptreact', file) ?? 'not refused', /JSX text or a JSX attribute/, file);
		assert.match(reason('javascript', file) ?? 'not refused', /JSX text or a JSX attribute/, file);
	}
	const file = 'const A = () => (\n  <p title={"«Be brief.»"}>\n    {cond && <b>it\'s</b>}\n  </p>\n);\n';
	const p = markedPlace('typescriptreact', file);
	const encoding = detectEncoding(p);
	assert.ok(!isRefusal(encoding), isRefusal(encoding) ? encoding.reason : '');
	const forFile = textForFile('Be brief.\nSay "hi".', 'Be brief.', encoding, '\n', p.selected);
	assert.ok(forFile.ok && forFile.text === 'Be brief.\\nSay \\"hi\\".');
	// In TypeScript (not TSX), `<T>x` is a type assertion, and a generic arrow in TSX is no element.
	assert.equal(reason('typescript', 'const n = <number>x; const p = "«a»";'), undefined);
	assert.equal(reason('typescriptreact', 'const f = <T,>(x: T) => "«a»";'), undefined);
});

test('the last check catches an edit in JSX text, which the old scanner took for a string literal', () => {
	const file = 'const A = () => <p>Say "hi\\nthere" <b>twice</b></p>;';
	const start = file.indexOf('hi');
	assert.equal(checkApplied(file, 'typescriptreact', { start, end: start + 'hi\\nthere'.length }, 'hi\nthere').ok, false);
});

test('in German, a Python string is described and refused in German', () => {
	inGerman(() => {
		const detected = detectEncoding(markedPlace('python', 'P = r"«a»"\n'));
		assert.ok(!isRefusal(detected));
		assert.equal(detected.localizedDescription(), 'das Innere eines Python-Strings (r"…")');
		assert.equal(detected.description, 'the inside of a Python string (r"…")');
		assert.match(reason('python', 'P = b"«a»"\n') ?? '', /bytes \(b"…"\), kein Text/);
		assert.match(reason('toml', 'p = "«a»"\n') ?? '', /teilt ihre Zeile mit Code/);
	});
});
