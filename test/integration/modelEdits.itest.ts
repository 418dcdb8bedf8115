import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Settings } from '../../src/constants';
import { RULES_HEADING } from '../server/improver';
import { startOpenAiServer } from '../server/openAiServer';
import { longPrompt } from '../support/longPrompts';
import { useCekuraSuite, useSuiteServer } from './cekuraSuite';
import { openReview } from './improveFlow';
import { setSetting } from './support';

const READ_BACK_LINE = 'Before ending the call, read back the booked date and time and wait for the caller to confirm.';
const REWRITE = 'Keep calls short, but never end the call before the caller has confirmed the booking.';

suite('Model edits: a long prompt comes back as edits, applied exactly into the review', () => {
	useCekuraSuite();
	const model = useSuiteServer(startOpenAiServer, (s) => s.reset(), 'the model server');

	async function useModel(mode: 'edits' | 'length'): Promise<void> {
		await setSetting(Settings.openaiBaseUrl, model.url);
		await setSetting(Settings.openaiModel, 'local-improver');
		await setSetting(Settings.improveEngine, 'openaiCompatible');
		model.setModes({ mode, editPauseMs: 10 });
	}

	const chats = (): string[] => model.requests.filter((r) => r.path === '/v1/chat/completions').map((r) => JSON.stringify(r.body));

	test('a long prompt improved by a model via edits ends in a review with the edited text, the rest untouched', async () => {
		await useModel('edits');
		const content = longPrompt(6_000);
		const lines = content.split('\n').length - 1;
		const { selected, improved } = await openReview(content, { select: { from: 1, to: lines } });
		const [request] = chats();
		assert.match(request, /\{\\"edits\\": \[\{\\"find\\": /, 'the model was asked for edits');
		const text = improved.getText();
		assert.ok(text.includes(REWRITE), 'the rewrite is in the review');
		assert.ok(text.includes(RULES_HEADING), 'the added rules are in the review');
		assert.equal(text.replace(REWRITE, 'Keep calls short.').slice(0, selected.length), selected, 'everything else is the prompt as selected');
	});

	test('a whole-prompt answer cut at the output limit is asked again for edits, and reviewed', async () => {
		await useModel('length');
		const { improved } = await openReview();
		const [first, second] = chats();
		assert.doesNotMatch(first, /\{\\"edits\\": \[/);
		assert.match(second, /\{\\"edits\\": \[/);
		assert.ok(improved.getText().includes(RULES_HEADING));
	});

	test('vscodeLm: a long prompt comes back from a language model in VS Code as an edit, and the review has it', async () => {
		await setSetting(Settings.improveEngine, 'vscodeLm');
		await setSetting(Settings.vscodeLmModel, 'cekura-test-model');
		await vscode.commands.executeCommand('cekuraTest.lm.reset');
		const content = longPrompt(3_000);
		const lines = content.split('\n').length - 1;
		const { selected, improved } = await openReview(content, { select: { from: 1, to: lines } });
		const requests = (await vscode.commands.executeCommand('cekuraTest.lm.requests')) as { messages: { text: string }[] }[];
		assert.equal(requests.length, 1);
		assert.ok(requests[0].messages[0].text.includes('{"edits": [{"find": '), 'the model was asked for edits');
		const norm = (text: string): string => text.replace(/\r\n/g, '\n').trimEnd();
		assert.equal(norm(improved.getText()), `${norm(selected)}\n${READ_BACK_LINE}`);
	});
});
