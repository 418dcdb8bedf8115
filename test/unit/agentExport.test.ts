import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { findAgentPrompt, findAgentPrompts } from '../../src/improve/core/agentExport';
import { mayHoldAgentPrompts } from '../../src/core/agentExportHint';
import { detectEncoding, isRefusal } from '../../src/improve/core/promptEncoding';
import { textForFile } from '../../src/improve/core/textForFile';
import type { AgentPromptField } from '../../src/core/agentExportHint';

const root = path.resolve(__dirname, '..', '..', '..');
const fixture = (name: string): string => fs.readFileSync(path.join(root, 'test', 'fixtures', 'workspace', name), 'utf8');

/** The field's text as the file holds it, decoded. */
function valueOf(text: string, field: AgentPromptField): string {
	return JSON.parse(`"${text.slice(field.start, field.end)}"`) as string;
}

function lineOf(text: string, offset: number): number {
	return text.slice(0, offset).split('\n').length;
}

test('a VAPI assistant export: the system message\'s content, on the line of its key', () => {
	const text = fixture('vapi-assistant.json');
	assert.ok(mayHoldAgentPrompts(text));
	const fields = findAgentPrompts(text);
	assert.deepEqual(fields.map((f) => [f.platform, f.label]), [['vapi', 'model.messages[0].content']]);
	const [field] = fields;
	const parsed = JSON.parse(text) as { model: { messages: { content: string }[] } };
	assert.equal(valueOf(text, field), parsed.model.messages[0].content);
	assert.match(text.split('\n')[lineOf(text, field.keyOffset) - 1], /^\s*"content": "# Bright Smile Dental/);
});

test('a Retell agent export: general_prompt and every state\'s state_prompt, with the state names, in file order', () => {
	const text = fixture('retell-agent.json');
	assert.ok(mayHoldAgentPrompts(text));
	const fields = findAgentPrompts(text);
	assert.deepEqual(
		fields.map((f) => [f.platform, f.label, f.stateName]),
		[
			['retell', 'retellLlmData.general_prompt', undefined],
			['retell', 'retellLlmData.states[0].state_prompt', 'take_order'],
			['retell', 'retellLlmData.states[1].state_prompt', 'confirm_order'],
		],
	);
	const llm = (JSON.parse(text) as { retellLlmData: { general_prompt: string; states: { state_prompt: string }[] } }).retellLlmData;
	assert.deepEqual(fields.map((f) => valueOf(text, f)), [llm.general_prompt, llm.states[0].state_prompt, llm.states[1].state_prompt]);
	assert.deepEqual(fields.map((f) => /"(\w+)":/.exec(text.split('\n')[lineOf(text, f.keyOffset) - 1])?.[1]), ['general_prompt', 'state_prompt', 'state_prompt']);
});

test('a Retell LLM on its own (the prompt keys at the top level) counts too', () => {
	const text = '{"llm_id":"llm_1","general_prompt":"Be brief.","states":[{"name":"a","state_prompt":"A."},{"state_prompt":"B."},{"name":"c"}]}';
	assert.deepEqual(findAgentPrompts(text).map((f) => [f.label, f.stateName, valueOf(text, f)]), [
		['general_prompt', undefined, 'Be brief.'],
		['states[0].state_prompt', 'a', 'A.'],
		['states[1].state_prompt', undefined, 'B.'],
	]);
});

test('only system messages of a VAPI model count; several are each a field', () => {
	const text = JSON.stringify({ model: { messages: [{ role: 'system', content: 'One.' }, { role: 'user', content: 'Hi' }, { role: 'system', content: 'Two.' }] } }, null, 2);
	assert.deepEqual(findAgentPrompts(text).map((f) => [f.label, valueOf(text, f)]), [
		['model.messages[0].content', 'One.'],
		['model.messages[2].content', 'Two.'],
	]);
});

test('no fields: not JSON, broken JSON, empty or non-string prompts, look-alikes elsewhere', () => {
	for (const text of [
		'general_prompt: "yaml"',
		'{"general_prompt": "Unclosed',
		'{"general_prompt": "", "states": [{"state_prompt": "   "}, {"state_prompt": 3}]}',
		'{"model": "gpt-4o", "messages": [{"role": "system", "content": "A chat request, not an assistant."}]}',
		'{"model": {"messages": [{"role": "system", "content": null}]}}',
		'[{"general_prompt": "inside an array"}]',
		'{"agent": {"general_prompt": "nested elsewhere"}}',
	]) {
		assert.deepEqual(findAgentPrompts(text), [], text);
	}
	assert.equal(mayHoldAgentPrompts('{"name": "tsconfig", "compilerOptions": {}}'), false);
	assert.equal(mayHoldAgentPrompts('{ "role" : "system" }'), true);
});

test('a field is found again by its path after the text above it changed', () => {
	const text = fixture('retell-agent.json');
	const [, state] = findAgentPrompts(text);
	const edited = text.replace('"agent_name"', '"agent_name_was"');
	const again = findAgentPrompt(edited, state.path);
	assert.ok(again);
	assert.equal(again.start, state.start + '_was'.length);
	assert.equal(findAgentPrompt(edited, ['retellLlmData', 'states', 7, 'state_prompt']), undefined);
});

test('each field is the inside of one JSON string: decoded exactly, and an improvement is written back as valid JSON', () => {
	for (const name of ['vapi-assistant.json', 'retell-agent.json']) {
		const text = fixture(name);
		for (const field of findAgentPrompts(text)) {
			const place = { languageId: 'json', before: text.slice(0, field.start), selected: text.slice(field.start, field.end), after: text.slice(field.end) };
			const encoding = detectEncoding(place);
			assert.ok(!isRefusal(encoding), `${name} ${field.label}: ${isRefusal(encoding) ? encoding.reason : ''}`);
			const decoded = encoding.decode(place.selected);
			assert.equal(decoded, valueOf(text, field));
			const improved = `${decoded}\n\n## Rules learned from test runs\n- Say "goodbye" only after the caller confirms — ✅ \\ done.`;
			const forFile = textForFile(improved, decoded, encoding, '\n', place.selected);
			assert.ok(forFile.ok, forFile.ok ? '' : forFile.reason);
			const written = place.before + forFile.text + place.after;
			const again = findAgentPrompt(written, field.path);
			assert.ok(again, `${name} ${field.label} is gone after writing`);
			assert.equal(valueOf(written, again), improved);
			JSON.parse(written);
		}
	}
});
