import { spawnSync } from 'node:child_process';
import { applyAt, markedPlace } from '../support/markedApply';
import { corrupted, type FaultCase } from './faultCase';

/**
 * Prompts in languages beyond JSON, YAML and JS/TS: Python strings of every form, strings in languages the extension
 * does not parse (TOML, Go, .env, Ruby, PHP), and JSX text. Each case improves the selection (between «») to a
 * proposal and applies it as Apply does, the last check included; then an independent reader judges the file: Python
 * itself for Python and TOML (`python3`, with `tomllib`), else what breaks a string of that language. A refusal with
 * a reason is a clear answer; a file that no longer reads as the proposal is corrupted.
 */

type Outcome = { refused: string } | { file: string; written: string };

function apply(languageId: string, fileName: string, file: string, proposal: string, eol: '\n' | '\r\n' = '\n'): Outcome {
	const applied = applyAt(markedPlace(languageId, file, fileName), () => proposal, eol);
	return applied.ok ? applied : { refused: applied.reason };
}

/** Runs Python on `file` (stdin) with `script`, which prints the value to compare as JSON; undefined when Python fails. */
function python(script: string, file: string): { value?: unknown; error?: string } {
	const run = spawnSync('python3', ['-c', script], { input: file, encoding: 'utf8', timeout: 5000 });
	if (run.error) throw new Error(`python3 is needed by these cases: ${run.error.message}`);
	if (run.status !== 0) return { error: run.stderr.trim().split('\n').pop() };
	return { value: JSON.parse(run.stdout) as unknown };
}

// `{name}` in an f-string reads as `{name}`: the review keeps it as code, so the proposal holds it verbatim.
const PYTHON_VALUE = "import sys, json; ns = {'name': '{name}'}; exec(sys.stdin.read(), ns); print(json.dumps(ns['PROMPT']))";
const TOML_VALUE = "import sys, json, tomllib; print(json.dumps(tomllib.loads(sys.stdin.read())['agent']['prompt']))";

/** A case whose file Python (or TOML) reads: the value must be the proposal, or Apply refused. */
function read(name: string, languageId: string, fileName: string, script: string, file: string, proposal: string, eol: '\n' | '\r\n' = '\n', mustApply = false, value = proposal): FaultCase {
	return {
		name,
		check: () => {
			const outcome = apply(languageId, fileName, file, proposal, eol);
			if ('refused' in outcome) return outcome.refused ? (mustApply ? `refused: ${outcome.refused}` : undefined) : 'refused without a reason';
			const read = python(script, outcome.file);
			if (read.error !== undefined) return corrupted(`the file no longer parses (${read.error}): ${JSON.stringify(outcome.written)}`);
			return read.value === value ? undefined : corrupted(`the file now reads ${JSON.stringify(read.value)}`);
		},
	};
}

/** A case in a language without a reader here: writing the proposal raw where `breaks` matches changes the file's meaning. */
function raw(name: string, languageId: string, fileName: string, file: string, proposal: string, breaks: RegExp): FaultCase {
	return {
		name,
		check: () => {
			const outcome = apply(languageId, fileName, file, proposal);
			if ('refused' in outcome) return outcome.refused ? undefined : 'refused without a reason';
			return breaks.test(outcome.written) ? corrupted(`written as ${JSON.stringify(outcome.written)} where ${String(breaks)} breaks the string`) : undefined;
		},
	};
}

/** A JSX case: JSX text and attributes have no escapes, so an escape written there shows as text. */
function jsx(name: string, file: string, proposal: string): FaultCase {
	return {
		name,
		check: () => {
			const outcome = apply('typescriptreact', 'Agent.tsx', file, proposal);
			if ('refused' in outcome) return outcome.refused ? undefined : 'refused without a reason';
			return outcome.written === proposal ? undefined : corrupted(`JSX now holds ${JSON.stringify(outcome.written)}`);
		},
	};
}

export function languageCases(): FaultCase[] {
	const py = (name: string, file: string, proposal: string, eol: '\n' | '\r\n' = '\n', mustApply = true, value = proposal): FaultCase =>
		read(`Python: ${name}`, 'python', 'agent.py', PYTHON_VALUE, file, proposal, eol, mustApply, value);
	// The selection is the lines between the triple quotes: the string's value has the line breaks around them.
	const lines = (proposal: string): string => `\n${proposal}\n`;
	return [
		py('double-quoted, two-line proposal', 'PROMPT = "«Be brief.»"\n', 'Be brief.\nBe kind.'),
		py('single-quoted, one-line proposal with an apostrophe', "PROMPT = '«Be brief.»'\n", "Don't ramble."),
		py('a whole literal, quotes selected, two lines with quotes', 'PROMPT = «"Be brief."»\n', 'Be brief.\nSay "hi".'),
		py('triple-quoted, two-line proposal with a backslash', 'PROMPT = """\n«Be brief.»\n"""\n', 'Be brief.\nSave to C:\\temp.', '\n', true, lines('Be brief.\nSave to C:\\temp.')),
		py('triple-quoted, one-line proposal with triple quotes', "PROMPT = '''«Be brief.»'''\n", "Say '''hi''' once."),
		py('triple-quoted in a CRLF file, a literal \\n', 'PROMPT = """\r\n«Be brief.\r\nBe kind.»\r\n"""\r\n', 'Be brief.\nWrite "\\n" as two characters.', '\r\n', true, lines('Be brief.\nWrite "\\n" as two characters.')),
		py('raw string, one-line proposal with a quote (refused: a raw string cannot escape it)', 'PROMPT = r"«Match \\d+.»"\n', 'Match \\d+ in "quotes".', '\n', false),
		py('raw string, two-line proposal (refused: no line break on one line)', "PROMPT = r'«Match \\d+.»'\n", 'Match \\d+.\nThen stop.', '\n', false),
		py('f-string keeps {name}, new braces are text', 'PROMPT = f"«You are {name}.»"\n', 'You are {name}. Reply in {json}.'),
		py('f-string, two-line proposal', 'PROMPT = f"""«You are {name}. {{Be}} brief.»"""\n', 'You are {name}.\n{Be} brief.'),
		py('implicit concatenation (refused)', 'PROMPT = (\n    "«Be brief.» "\n    "Be kind."\n)\n', 'Be brief.\nSay "hi".', '\n', false),
		read('TOML (plain text to VS Code): a basic string, two lines', 'plaintext', 'agent.toml', TOML_VALUE, '[agent]\nprompt = "«Be brief.»"\n', 'Be brief.\nBe kind.'),
		// TOML drops the line break right after the opening quotes.
		read('TOML: a whole line of a multi-line basic string, with a backslash', 'toml', 'agent.toml', TOML_VALUE, '[agent]\nprompt = """\n«Be brief.»\n"""\n', 'Be brief.\nSave to C:\\temp.', '\n', false, 'Be brief.\nSave to C:\\temp.\n'),
		raw('Go: a double-quoted string', 'go', 'agent.go', 'package agent\n\nvar Prompt = "«Be brief.»"\n', 'Be brief.\nBe kind.', /[\n"]/),
		raw('Go: a whole line of a raw string', 'go', 'agent.go', 'package agent\n\nvar Prompt = `\n«Be brief.»\n`\n', 'Be brief.\nUse `code`.', /`/),
		raw('.env: a quoted value', 'dotenv', '.env', 'SYSTEM_PROMPT="«Be brief.»"\n', 'Say "hi".', /["\n]/),
		raw('Ruby: a double-quoted string', 'ruby', 'agent.rb', 'PROMPT = "«Be brief.»"\n', 'Say "hi".', /"/),
		raw('Ruby: a whole line of a heredoc', 'ruby', 'agent.rb', 'PROMPT = <<~EOS\n«  Be brief.»\nEOS\n', 'Greet #{user}.', /#\{/),
		raw('PHP: a single-quoted string', 'php', 'agent.php', "<?php\n$prompt = '«Be brief.»';\n", "Don't ramble.", /'/),
		raw('PHP: code around, no quotes selected', 'php', 'agent.php', "<?php\n$prompt = «'Be brief.'»;\n", "Don't ramble.\nBe kind.", /'.*'.*'|\n/s),
		read('Markdown prompt: whole lines stay plain text (a guard, not a defect)', 'markdown', 'prompt.md', 'import sys, json; print(json.dumps(sys.stdin.read()))', '«Be brief.»', 'Be brief.\nSay "hi" \\ `ok`.', '\n', true),
		jsx('JSX text with quotes inside', 'export const A = () => <p>Say "«hi»" <b>twice</b></p>;\n', 'hi\nthere'),
		jsx('JSX text between two apostrophes', "export const A = () => <p>Don't do «it», it's <b>bad</b></p>;\n", 'it\nnow'),
		jsx('a JSX attribute value', 'export const A = () => <input placeholder="«Ask me»" />;\n', 'Ask me "anything"'),
	];
}
