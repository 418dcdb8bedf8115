import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { Settings } from '../../src/constants';
import { languageModelAvailability, openAiServerAvailability } from '../../src/improve/core/engines/engineAvailability';
import { AUTO_FIRST, ENGINE_KINDS, ENGINE_SETTINGS, engineSetting, fallbackKinds, isFallbackKind, takesNote, usesModelKey } from '../../src/improve/core/engines/engineCatalog';

const root = path.resolve(__dirname, '..', '..', '..');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

interface EnumSetting {
	enum: string[];
	default: string;
	enumItemLabels: string[];
	markdownEnumDescriptions: string[];
}

const manifest = readJson('package.json') as { contributes: { configuration: { properties: Record<string, EnumSetting> } } };
const engineProperty = manifest.contributes.configuration.properties[`${Settings.section}.${Settings.improveEngine}`];

test('the manifest offers exactly the catalog\'s engines, after auto and in its order, each with a label and a description', () => {
	assert.deepEqual(engineProperty.enum, ENGINE_SETTINGS);
	assert.equal(engineProperty.default, 'auto');
	assert.deepEqual(engineProperty.enumItemLabels, ENGINE_SETTINGS.map((id) => `%config.improve.engine.enumItemLabels.${id}%`));
	assert.deepEqual(engineProperty.markdownEnumDescriptions, ENGINE_SETTINGS.map((id) => `%config.improve.engine.markdownEnumDescriptions.${id}%`));
});

test('every engine\'s label and description is written in English and German', () => {
	for (const file of ['package.nls.json', 'package.nls.de.json']) {
		const nls = readJson(file) as Record<string, string>;
		for (const key of [...engineProperty.enumItemLabels, ...engineProperty.markdownEnumDescriptions]) {
			assert.ok(nls[key.slice(1, -1)]?.trim(), `${file} has no text for ${key}`);
		}
	}
});

test('a setting that names no engine (a typo, an engine since removed, not a string) counts as auto', () => {
	for (const id of ENGINE_SETTINGS) assert.equal(engineSetting(id), id);
	for (const other of ['openai', 'Cekura', '', undefined, null, 3, ['cekura']]) assert.equal(engineSetting(other), 'auto');
});

test('auto tries Cekura first, then offers an OpenAI-compatible server before a VS Code language model', () => {
	assert.equal(AUTO_FIRST, 'cekura');
	assert.deepEqual(fallbackKinds(), ['openaiCompatible', 'vscodeLm']);
	assert.deepEqual(ENGINE_SETTINGS.filter(isFallbackKind), ['vscodeLm', 'openaiCompatible']);
});

test('only Cekura cannot send the note, and only the OpenAI-compatible server uses the model API key', () => {
	assert.deepEqual(ENGINE_KINDS.filter((kind) => !takesNote(kind)), ['cekura']);
	assert.deepEqual(ENGINE_SETTINGS.filter(usesModelKey), ['openaiCompatible']);
});

const model = (id: string, family: string, name: string): { id: string; family: string; name: string } => ({ id, family, name });
const copilot = model('copilot-gpt-4.1', 'gpt-4.1', 'GPT-4.1');
const small = model('test-small', 'small', 'Small Test Model');

test('a VS Code language model named in the settings is found by id, family or name, whatever the case', () => {
	for (const wanted of ['copilot-gpt-4.1', 'GPT-4.1', 'gpt-4.1']) {
		const available = languageModelAvailability([small, copilot], wanted);
		assert.deepEqual(available, { usable: true, offer: 'Use GPT-4.1 via VS Code', found: copilot }, wanted);
	}
});

test('a named language model VS Code does not offer is not usable, and the error lists what VS Code offers', () => {
	const available = languageModelAvailability([small, copilot], 'claude');
	assert.ok(!available.usable);
	assert.equal(available.error.kind, 'noModel');
	assert.equal(available.error.message, 'The language model "claude" (cekura.vscodeLm.model) is not available in VS Code. VS Code offers: test-small, copilot-gpt-4.1.');
	const none = languageModelAvailability([], 'claude');
	assert.ok(!none.usable);
	assert.equal(none.error.message, 'The language model "claude" (cekura.vscodeLm.model) is not available in VS Code.');
});

test('with no model named: none offered says how to get one, one is used, several are picked from', () => {
	const none = languageModelAvailability([], '');
	assert.ok(!none.usable);
	assert.equal(none.error.kind, 'noModel');
	assert.match(none.error.message, /^No language model is available in VS Code: install and sign in to GitHub Copilot/);
	assert.deepEqual(languageModelAvailability([small], ''), { usable: true, offer: 'Use Small Test Model via VS Code', found: small });
	assert.deepEqual(languageModelAvailability([small, copilot], ''), { usable: true, offer: 'Use a Language Model in VS Code…', found: undefined });
});

test('an OpenAI-compatible server is usable once its base URL is set and valid; its offer names the model when one is set', () => {
	const unset = openAiServerAvailability({ baseUrl: undefined, model: 'llama3.1' });
	assert.ok(!unset.usable);
	assert.equal(unset.error.kind, 'noModel');
	assert.equal(unset.error.message, 'No OpenAI-compatible server is set up: set cekura.openaiCompatible.baseUrl, or run Choose Improvement Engine….');
	const invalid = openAiServerAvailability({ baseUrl: { ok: false, message: 'cekura.openaiCompatible.baseUrl must use https://' }, model: '' });
	assert.ok(!invalid.usable);
	assert.equal(invalid.error.kind, 'modelNotFound');
	assert.equal(invalid.error.message, 'cekura.openaiCompatible.baseUrl must use https://');
	const url = 'http://127.0.0.1:11434/v1';
	assert.deepEqual(openAiServerAvailability({ baseUrl: { ok: true, url }, model: 'llama3.1' }), { usable: true, offer: 'Use llama3.1 (local server)', found: url });
	assert.deepEqual(openAiServerAvailability({ baseUrl: { ok: true, url }, model: '' }), { usable: true, offer: 'Use a model of the local server', found: url });
	const remote = 'https://openrouter.ai/api/v1';
	assert.deepEqual(openAiServerAvailability({ baseUrl: { ok: true, url: remote }, model: 'gpt-4.1' }), { usable: true, offer: 'Use gpt-4.1 at openrouter.ai', found: remote });
	assert.deepEqual(openAiServerAvailability({ baseUrl: { ok: true, url: remote }, model: '' }), { usable: true, offer: 'Use a model at openrouter.ai', found: remote });
});
