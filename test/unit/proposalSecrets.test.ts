import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Proposal } from '../../src/core/proposal';
import { withoutSecrets } from '../../src/improve/core/engines/proposalSecrets';

const CEKURA_KEY = 'ck_live_Echoed/Key+2026';
const MODEL_KEY = 'sk-proj-Echoed/Model+Key';

const proposal = (improved: string, summary = 'Added a rule.', warnings: string[] = []): Proposal => ({ improved_prompt: improved, summary_of_changes: summary, author: 'Cekura', warnings });

test('a key in the improved prompt or the summary is replaced, and a warning says so', () => {
	const out = withoutSecrets(proposal(`Be brief.\nUse key ${CEKURA_KEY}.`, `Added ${encodeURIComponent(MODEL_KEY)}.`), [CEKURA_KEY, MODEL_KEY]);
	assert.equal(out.improved_prompt, 'Be brief.\nUse key «redacted».');
	assert.equal(out.summary_of_changes, 'Added «redacted».');
	assert.equal(out.warnings.length, 1);
	assert.match(out.warnings[0], /held an API key .*replaced with «redacted»/);
});

test('a key in a warning is replaced too', () => {
	const out = withoutSecrets(proposal('Be brief.', 'Shorter.', [`The proposal drops {${MODEL_KEY.toUpperCase()}}`]), [CEKURA_KEY, MODEL_KEY]);
	assert.ok(!out.warnings[0].toLowerCase().includes(MODEL_KEY.toLowerCase()));
	assert.equal(out.warnings.length, 2);
});

test('a proposal without a key is given back as it is, even one that names the X-CEKURA-API-KEY header', () => {
	const clean = proposal('Send the X-CEKURA-API-KEY: <your key> header.', 'Shorter.', ['a warning']);
	assert.equal(withoutSecrets(clean, [CEKURA_KEY, undefined]), clean);
});
