import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, HISTORY_SCHEME, Settings } from '../../src/constants';
import { testReportPath, type HistoryEntry } from '../../src/core/history';
import { QuickInputIds } from '../../src/core/quickInputIds';
import type { TestApi } from '../../src/extension';
import type { Review } from '../../src/vscode/review/review';
import type { CekuraServer } from '../server/cekuraServer';
import { startOpenAiServer, type OpenAiServer } from '../server/openAiServer';
import { waitFor, waitForValue } from '../support/waitFor';
import { useCekuraSuite, useSuiteServer } from './cekuraSuite';
import { editRange } from './edits';
import { openReview } from './improveFlow';
import { pressing, setSetting } from './support';

const MODEL = 'local-improver';
/** The sentence whose words the local Cekura server scores run 5546's scenario on (metric 7, test/server/chatScoring.ts). */
const CONFIRM_RULE = 'Before ending any call in which an appointment was booked or moved, read back the date and time and wait for the caller to confirm.';
/** The sample prompt with the rule that passes scenario 205 already there (lines 3–7 selected). */
const PROMPT_WITH_RULE = ['# Bright Smiles Dental: front desk', '', 'You are the front-desk assistant for Bright Smiles Dental.', 'Answer inbound calls and book, move or cancel appointments.', CONFIRM_RULE, 'Never give medical advice.', 'Keep calls short.', ''].join('\n');

/** The scenario pick: the failed scenarios (0) or with the guard (1). */
function choosingScenarios(index: 0 | 1): (items: readonly vscode.QuickPickItem[], options: { id: string }) => vscode.QuickPickItem | undefined {
	return (items, options) => (options.id === QuickInputIds.testScenarios ? items[index] : undefined);
}

function onlyReview(api: TestApi): Review {
	const [review] = api.reviews.openReviews;
	assert.ok(review, 'no review is open');
	return review;
}

async function historyEntry(api: TestApi, review: Review): Promise<HistoryEntry> {
	const entry = await api.history.get(review.historyId);
	assert.ok(entry, 'the review is not in the history');
	return entry;
}

/** The test report the history keeps for the review's proposal, as the Markdown preview reads it. */
async function reportText(api: TestApi, review: Review): Promise<string> {
	const entry = await historyEntry(api, review);
	assert.ok(entry.test, 'no test is recorded with the proposal');
	const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: HISTORY_SCHEME, path: testReportPath(entry, entry.test, review.id) }));
	// What the preview shows: the Markdown's backslash escapes removed.
	return document.getText().replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

function reportPreviews(): vscode.Tab[] {
	return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && t.label.includes('Cekura Test'));
}

/** Replaces the whole text of `document`, as a user editing the review's right side does. */
async function rewrite(document: vscode.TextDocument, text: string): Promise<void> {
	await editRange(document, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
}

/** The model requests that improve a prompt (they carry runs' evidence); the agent's turns carry none. */
function improveRequests(model: OpenAiServer): number {
	return model.requests.filter((r) => r.path === '/v1/chat/completions' && JSON.stringify(r.body).includes('## Run ')).length;
}

function allEnded(server: CekuraServer): boolean {
	const runs = server.apiChatRuns();
	return runs.length > 0 && runs.every((r) => r.ended);
}

suite('Test Proposal in Simulated Chats (local Cekura and model servers)', () => {
	const { api, server, user } = useCekuraSuite();
	const model = useSuiteServer(startOpenAiServer, (s) => s.reset(), 'the model server');

	async function modelPlaysAgent(): Promise<void> {
		await setSetting(Settings.openaiBaseUrl, model.url);
		await setSetting(Settings.openaiModel, MODEL);
		await setSetting(Settings.improveEngine, 'openaiCompatible');
	}

	test('A/B: the failed scenario is fixed, the guard scenario is unchanged; the report, the notification and the history say so', async () => {
		await modelPlaysAgent();
		const { improved } = await openReview();
		assert.match(improved.getText(), /wait for the caller to confirm/, 'the proposal lacks the rule the local server scores');
		const review = onlyReview(api);
		user.pick = choosingScenarios(1);

		await vscode.commands.executeCommand(Commands.testProposal);

		const pick = user.picks.find((p) => p.id === QuickInputIds.testScenarios);
		assert.ok(pick, 'no scenario pick was shown');
		assert.deepEqual(pick.labels, ['$(error) The failed scenario', '$(shield) …plus the passed scenario of the same results (guards against regressions)']);
		const notice = await user.waitForMessage(/^Cekura: tested the proposal of /);
		// The local server scores scenario 204 on the member ID (metric 10), which neither prompt asks for.
		assert.match(notice.text, /: 1 fixed, 0 regressed, 1 still failing\.$/);
		assert.deepEqual(notice.actions, ['Open Report', 'Improve Again with These Results']);
		const runs = server.apiChatRuns();
		assert.equal(runs.length, 4, '2 scenarios × 1 chat × 2 prompts');
		assert.deepEqual([...new Set(runs.map((r) => r.scenario))].sort(), [204, 205]);
		assert.ok(runs.every((r) => r.ended && r.endedBy === 'caller'), 'every chat ran to the caller\'s goodbye');

		await waitForValue(() => reportPreviews()[0], 'the report preview to open beside the diff');
		const report = await reportText(api, review);
		assert.match(report, /^# Test of the proposal for /m);
		assert.match(report, /Simulated text chats with local-improver \(local server\) playing the agent; voice, latency and real tool calls are not exercised\./);
		assert.match(report, /^\| Reschedule cleaning to next week \| 0\/1 \| 1\/1 \| [^|]*fixed[^|]* \|$/m);
		assert.match(report, /^\| New patient asks about insurance \| 0\/1 \| 0\/1 \| [^|]*still failing[^|]* \|$/m);
		assert.match(report, /These results are on the server at http:\/\/127\.0\.0\.1:\d+, not on Cekura's dashboard\./);
		assert.match(report, new RegExp(CONFIRM_RULE.slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'the proposal\'s simulated transcript is in the report');

		const entry = await historyEntry(api, review);
		assert.equal(entry.test?.summary, '1 fixed, 0 regressed, 1 still failing');
		assert.equal(entry.test?.failingRunIds?.length, 1, 'the guard\'s failing simulated run is kept to improve from');
		user.pick = (items, options) => (options.id === QuickInputIds.history ? items.find((i) => 'entry' in i && (i as { entry: HistoryEntry }).entry.id === review.historyId) : undefined);
		await vscode.commands.executeCommand(Commands.showHistory);
		const listed = user.picks.find((p) => p.id === QuickInputIds.history);
		assert.ok(listed, 'the history list was not shown');
		const actions = user.picks.find((p) => p.id === QuickInputIds.historyEntry);
		assert.ok(actions?.labels.includes('$(beaker) Open Last Test Report'), `the proposal's actions do not offer its report: ${JSON.stringify(actions?.labels)}`);

		// Improve Again with Test Results, from the Command Palette: the guard's failing simulated run, no run questions.
		const guardProposalRuns = runs.filter((r) => r.scenario === 204).map((r) => r.runId);
		const before = improveRequests(model);
		user.onInputBox = (options) => (options.id === QuickInputIds.note ? '' : undefined);
		await vscode.commands.executeCommand(Commands.improveAgainFromTest);
		await waitFor(() => improveRequests(model) > before, 'Improve Again with Test Results to ask the model', 20_000);
		const bulk = server.requests.filter((r) => r.path.endsWith('/runs/bulk/')).map((r) => String(r.query.run_ids ?? ''));
		assert.equal(entry.test?.failingRunIds?.join(','), bulk[bulk.length - 1]);
		assert.ok(guardProposalRuns.includes(Number(bulk[bulk.length - 1])), `read ${bulk[bulk.length - 1]}, not the guard's simulated runs ${guardProposalRuns.join(', ')}`);
		assert.equal(user.picks.filter((p) => p.id === QuickInputIds.againWhichRuns).length, 0, 'the runs were asked for although the test preset them');
	});

	test('cekura.test.frequency: each scenario is played that many times per prompt, and the pick says how many chats that starts', async () => {
		await modelPlaysAgent();
		await setSetting(Settings.testFrequency, 2);
		await openReview();
		const offered: string[] = [];
		user.pick = (items, options) => {
			if (options.id === QuickInputIds.testScenarios) offered.push(...items.map((i) => i.detail ?? ''));
			return choosingScenarios(0)(items, options);
		};

		await vscode.commands.executeCommand(Commands.testProposal);

		const pick = user.picks.find((p) => p.id === QuickInputIds.testScenarios);
		assert.match(pick?.title ?? '', /\(2 chats per scenario and prompt\)/);
		assert.deepEqual(offered, ['4 chats, each billed by Cekura as a simulation · Reschedule cleaning to next week', '8 chats, each billed by Cekura as a simulation · New patient asks about insurance']);
		const notice = await user.waitForMessage(/^Cekura: tested the proposal of /);
		assert.match(notice.text, /: 1 fixed, 0 regressed\.$/);
		assert.equal(server.apiChatRuns().length, 4, '1 scenario × 2 chats × 2 prompts');
		const report = await reportText(api, onlyReview(api));
		assert.match(report, /^\| Reschedule cleaning to next week \| 0\/2 \| 2\/2 \| [^|]*fixed[^|]* \|$/m);
	});

	test('a regression: the right side without the rule the original had fails where the original passed; Improve Again with These Results sends the simulated runs', async () => {
		await modelPlaysAgent();
		const { improved } = await openReview(PROMPT_WITH_RULE, { select: { from: 3, to: 7 } });
		await rewrite(improved, improved.getText().split('\n').filter((line) => !/wait for the caller to confirm/i.test(line)).join('\n'));
		const improvedBefore = improveRequests(model);
		user.pick = choosingScenarios(0);
		user.answer = pressing('Improve Again with These Results');
		user.onInputBox = (options) => (options.id === QuickInputIds.note ? '' : undefined);

		await vscode.commands.executeCommand(Commands.testProposal);

		const notice = await user.waitForMessage(/^Cekura: tested the proposal of /);
		assert.match(notice.text, /: 0 fixed, 1 regressed\.$/);
		assert.deepEqual(notice.actions, ['Open Report', 'Improve Again with These Results']);
		const proposalRuns = server.apiChatRuns().filter((r) => r.scenario === 205).map((r) => r.runId);
		await waitFor(() => improveRequests(model) > improvedBefore, 'Improve Again to ask the model', 20_000);
		const bulk = server.requests.filter((r) => r.path.endsWith('/runs/bulk/')).map((r) => String(r.query.run_ids ?? ''));
		const last = bulk[bulk.length - 1]?.split(',').map(Number) ?? [];
		assert.equal(last.length, 1, `Improve Again read ${JSON.stringify(last)}`);
		assert.ok(proposalRuns.includes(last[0]), `Improve Again read run ${last[0]}, not a simulated run of the proposal (${proposalRuns.join(', ')})`);
		assert.equal(user.picks.filter((p) => p.id === QuickInputIds.againWhichRuns).length, 0, 'the runs were asked for although the test preset them');
	});

	test('a model error in the proposal\'s chats is inconclusive, not a failure of the prompt, and its chats are ended', async () => {
		await modelPlaysAgent();
		const { improved } = await openReview();
		await rewrite(improved, `${improved.getText()}\n#agent-fail\n`);
		user.pick = choosingScenarios(0);

		await vscode.commands.executeCommand(Commands.testProposal);

		const notice = await user.waitForMessage(/^Cekura: tested the proposal of /);
		assert.match(notice.text, /: 0 fixed, 0 regressed, 1 inconclusive\.$/);
		assert.ok(allEnded(server), 'a chat was left running on Cekura');
		assert.match(await reportText(api, onlyReview(api)), /inconclusive/i);
	});

	test('closing the window while chats run ends every chat on Cekura', async () => {
		await modelPlaysAgent();
		await openReview();
		user.pick = choosingScenarios(1);
		server.setModes({ callerDelayMs: 60_000 });

		const running = vscode.commands.executeCommand(Commands.testProposal);
		await waitFor(() => server.apiChatRuns().length === 4 && server.apiChatRuns().some((r) => r.agentTurns > 0), 'the chats to be under way', 20_000);
		await api.stopChatTests();

		await running;
		const runs = server.apiChatRuns();
		assert.ok(runs.every((r) => r.ended), `chats left running: ${JSON.stringify(runs.filter((r) => !r.ended))}`);
		assert.ok(runs.every((r) => r.endedBy === 'client'), 'the extension ended them');
		assert.equal(user.messagesMatching(/^Cekura: tested the proposal/).length, 0, 'a stopped test reports no verdicts');
	});

	test('runs that are still starting are waited for', async () => {
		await modelPlaysAgent();
		await openReview();
		user.pick = choosingScenarios(0);
		server.setModes({ chatStartMs: 2500 });

		await vscode.commands.executeCommand(Commands.testProposal);

		const notice = await user.waitForMessage(/^Cekura: tested the proposal of /);
		assert.match(notice.text, /: 1 fixed, 0 regressed\.$/);
	});

	test('409 at the start: a turn Cekura refuses while the run is still starting is sent again, and the test goes on', async () => {
		await modelPlaysAgent();
		await openReview();
		user.pick = choosingScenarios(0);
		server.setModes({ apiChat: 'opening-early', chatStartMs: 2500 });

		await vscode.commands.executeCommand(Commands.testProposal);

		const notice = await user.waitForMessage(/^Cekura: tested the proposal of /);
		assert.match(notice.text, /: 1 fixed, 0 regressed\.$/);
		const refused = server.requests.filter((r) => r.method === 'POST' && /\/chat\/$/.test(r.path) && r.answeredStatus === 409);
		assert.ok(refused.length > 0, 'no turn was refused with 409, so the retry was not exercised');
		assert.ok(allEnded(server));
	});

	test('a server without API chat (404) gets its own message and nothing is started', async () => {
		await modelPlaysAgent();
		await openReview();
		user.pick = choosingScenarios(0);
		server.setModes({ apiChat: 'removed-404' });

		await vscode.commands.executeCommand(Commands.testProposal);

		const error = await user.waitForMessage(/does not offer API chat \(HTTP 404\)/);
		assert.deepEqual(error.actions, ['Open Settings', 'Show Log'], 'another improvement engine would not help');
		assert.equal(server.apiChatRuns().length, 0);
	});

	test('a chat that never ends is ended by the extension at cekura.test.maxTurns', async () => {
		await modelPlaysAgent();
		await setSetting(Settings.testMaxTurns, 3);
		await openReview();
		user.pick = choosingScenarios(0);
		server.setModes({ apiChat: 'never-ends' });

		await vscode.commands.executeCommand(Commands.testProposal);

		await user.waitForMessage(/^Cekura: tested the proposal of /);
		const runs = server.apiChatRuns();
		assert.equal(runs.length, 2);
		assert.ok(runs.every((r) => r.ended && r.endedBy === 'client' && r.agentTurns === 3), JSON.stringify(runs));
	});

	test('with Cekura\'s engine alone, Choose Improvement Engine… is offered and the test runs with the model chosen', async () => {
		await setSetting(Settings.openaiBaseUrl, model.url);
		await setSetting(Settings.openaiModel, MODEL);
		await openReview();
		user.answer = pressing('Choose Improvement Engine…');
		user.pick = (items, options) => {
			if (options.id === QuickInputIds.engine) return items.find((i) => (i as { engine?: string }).engine === 'openaiCompatible');
			return choosingScenarios(0)(items, options);
		};

		await vscode.commands.executeCommand(Commands.testProposal);

		const asked = user.messagesMatching(/needs a model to play the agent/);
		assert.equal(asked.length, 1);
		assert.deepEqual(asked[0].actions, ['Choose Improvement Engine…']);
		await user.waitForMessage(/^Cekura: tested the proposal of /);
		assert.ok(model.requests.some((r) => r.path === '/v1/chat/completions'), 'the model chosen did not play the agent');
	});

	test('vscodeLm: a language model in VS Code plays the agent, the system prompt first, then the chat as user and assistant turns', async () => {
		await setSetting(Settings.improveEngine, 'vscodeLm');
		await setSetting(Settings.vscodeLmModel, 'cekura-test-model');
		await openReview();
		const original = onlyReview(api).originalText;
		await vscode.commands.executeCommand('cekuraTest.lm.reset');
		user.pick = choosingScenarios(0);

		await vscode.commands.executeCommand(Commands.testProposal);

		const notice = await user.waitForMessage(/^Cekura: tested the proposal of /);
		assert.match(notice.text, /: 1 fixed, 0 regressed\.$/);
		const requests = (await vscode.commands.executeCommand('cekuraTest.lm.requests')) as { model: string; messages: { role: string; text: string }[] }[];
		const turns = requests.filter((r) => r.messages[0]?.text === original);
		assert.ok(turns.length > 1, 'the original prompt was not the agent\'s system prompt');
		const longest = turns.reduce((a, b) => (b.messages.length > a.messages.length ? b : a));
		assert.deepEqual(longest.messages.slice(1, 4).map((m) => m.role), ['user', 'assistant', 'user'], 'the caller speaks as the user, the agent as the assistant');
		assert.ok(allEnded(server));
	});

	test('Cekura refusing the start (400) shows its own words, and nothing runs', async () => {
		await modelPlaysAgent();
		await openReview();
		user.pick = choosingScenarios(0);
		server.setModes({ apiChat: 'bad-request' });

		await vscode.commands.executeCommand(Commands.testProposal);

		const error = await user.waitForMessage(/Chat testing is not enabled for this agent/);
		assert.equal(error.severity, 'error');
		assert.equal(server.apiChatRuns().length, 0);
	});

	test('a key that may not start chats (403) offers Set API Key', async () => {
		await modelPlaysAgent();
		await openReview();
		user.pick = choosingScenarios(0);
		server.setModes({ apiChat: 'forbidden' });

		await vscode.commands.executeCommand(Commands.testProposal);

		const error = await user.waitForMessage(/403|permission/i);
		assert.ok(error.actions.includes('Set API Key'), JSON.stringify(error.actions));
		assert.equal(server.apiChatRuns().length, 0);
	});

	test('a caller turn in error makes the scenario inconclusive, and its chats are ended', async () => {
		await modelPlaysAgent();
		await openReview();
		user.pick = choosingScenarios(0);
		server.setModes({ apiChat: 'caller-error' });

		await vscode.commands.executeCommand(Commands.testProposal);

		const notice = await user.waitForMessage(/^Cekura: tested the proposal of /);
		assert.match(notice.text, /inconclusive/);
		assert.ok(allEnded(server), 'a chat was left running on Cekura');
	});

	test('a Cekura result that ends failed makes its scenarios inconclusive, and the report says why', async () => {
		await modelPlaysAgent();
		await openReview();
		user.pick = choosingScenarios(0);
		server.setModes({ apiChat: 'result-failed' });

		await vscode.commands.executeCommand(Commands.testProposal);

		const notice = await user.waitForMessage(/^Cekura: tested the proposal of /);
		assert.match(notice.text, /: 0 fixed, 0 regressed, 1 inconclusive\.$/);
		assert.match(await reportText(api, onlyReview(api)), /^- \*\*Inconclusive:\*\* .*Cekura's result \d+ \([^)]*\) ended failed/m);
		assert.ok(allEnded(server));
	});
});
