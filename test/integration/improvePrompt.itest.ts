import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, Settings } from '../../src/constants';
import { reviewTabs } from '../../src/vscode/review/reviewTabs';
import { DEMO_API_KEY } from '../server/cekuraServer';
import { waitFor } from '../support/waitFor';
import { useCekuraSuite } from './cekuraSuite';
import { improvePromptFile, openReview } from './improveFlow';
import { runIdOf, type FakeQuickPick } from './fakeUser';
import { activeDiffTab, closeAllEditors, openPromptFile, readExtensionLog, SAMPLE_PROMPT, setSetting } from './support';

type Picker = FakeQuickPick<vscode.QuickPickItem>;

function checkedIds(picker: Picker): number[] {
	return picker.selectedItems.flatMap((i) => runIdOf(i) ?? []);
}

suite('Improve Prompt from Runs… (against the local Cekura server)', () => {
	const { api, server, user } = useCekuraSuite();

	test('sends the selection with the chosen runs and their failures, and opens a review diff', async () => {
		user.runIds = [5546];
		const { source: editor, selected, tab, original, improved } = await openReview();

		const [request] = server.improveRequests();
		assert.ok(request, 'no improve_prompt request reached the server');
		assert.equal(request.apiKeyValid, true);
		assert.equal(request.body.prompt, selected);
		assert.deepEqual(request.body.run_ids, [5546]);
		assert.ok(request.body.workflow_metric_ids?.includes(7), `workflow_metric_ids ${JSON.stringify(request.body.workflow_metric_ids)} lacks the failed "Booking confirmed" metric`);
		assert.ok(request.body.category_ids?.includes(311), `category_ids ${JSON.stringify(request.body.category_ids)} lacks category 311`);

		assert.match(tab.label, /Original ↔ Improved \(runs 5546\)/);
		assert.equal(original.getText(), selected);
		assert.notEqual(improved.getText(), selected);
		assert.match(improved.getText(), /read back the date and time/i);
		assert.equal(editor.document.getText(), SAMPLE_PROMPT, 'the source changed before Apply');

		const summary = await user.waitForMessage(/\+\d+ −\d+ lines/);
		assert.deepEqual(summary.actions, ['Apply', 'Discard', 'Show Evidence', 'Test in Simulated Chats…']);
		assert.equal(api.reviews.openReviews.length, 1);
	});

	test('the run picker lists failed runs first, and the focus step offers exactly the runs\' failures, all checked', async () => {
		let listed: vscode.QuickPickItem[] = [];
		user.onRunPicker = async (picker) => {
			await picker.ready();
			listed = picker.rows();
			await user.chooseRuns(picker);
		};
		await improvePromptFile();

		const runs = listed.filter((i) => runIdOf(i) !== undefined);
		assert.ok(runs.length > 5, `only ${runs.length} runs listed`);
		assert.match(listed[0].label, /Enter run IDs manually/);
		const firstPassed = runs.findIndex((r) => /^Passed/.test(r.description ?? ''));
		const lastFailed = runs.map((r) => /^Failed/.test(r.description ?? '')).lastIndexOf(true);
		assert.ok(lastFailed >= 0 && (firstPassed === -1 || lastFailed < firstPassed), 'failed runs are not listed first');

		const focus = user.quickPicks.find((p) => /Focus the improvement/.test(p.title ?? ''));
		assert.ok(focus, 'no focus step was shown');
		assert.deepEqual(
			focus.rows().map((r) => r.label),
			['Booking confirmed', 'Ends call before confirming booking'],
		);
		assert.equal(focus.selectedItems.length, 2, 'the failures are not all checked');
		assert.ok(focus.disposed, 'the focus picker was left open');
	});

	test('runs with fields of the wrong type: the focus step stops looking up and offers what it can read', async () => {
		server.setModes({ runsBulk: 'wrong-types' });
		user.runIds = [5546];
		await improvePromptFile();

		const focus = user.quickPicks.find((p) => /Focus the improvement/.test(p.title ?? ''));
		assert.ok(focus, 'no focus step was shown');
		assert.equal(focus.busy, false, 'the focus step is still looking up');
		assert.deepEqual(focus.rows().map((r) => r.label), ['Metric 7 (Cekura sent no name)']);
		assert.ok(focus.disposed, 'the focus picker was left open');
		assert.deepEqual(server.improveRequests()[0]?.body.workflow_metric_ids, [7]);
	});

	test('a 4th run is refused in the picker: the check is undone and the title says why', async () => {
		let afterFourth: { ids: number[]; title: string } | undefined;
		user.onRunPicker = async (picker) => {
			await picker.ready();
			for (const item of [...picker.selectedItems]) await picker.toggle(item);
			const runs = picker.rows().filter((i) => runIdOf(i) !== undefined);
			for (const run of runs.slice(0, 4)) await picker.toggle(run);
			afterFourth = { ids: checkedIds(picker), title: picker.title ?? '' };
			await picker.accept();
		};
		await improvePromptFile();

		assert.ok(afterFourth);
		assert.equal(afterFourth.ids.length, 3, `checked after a 4th click: ${JSON.stringify(afterFourth.ids)}`);
		assert.match(afterFourth.title, /At most 3 runs: uncheck one first/);
		assert.deepEqual(server.improveRequests()[0]?.body.run_ids, afterFourth.ids);
	});

	test('"Load more runs…" fetches the next page and keeps what is checked', async () => {
		server.setModes({ maxPageSize: 5 });
		let firstPage: number[] = [];
		let secondPage: number[] = [];
		user.onRunPicker = async (picker) => {
			await picker.ready();
			for (const item of [...picker.selectedItems]) await picker.toggle(item);
			firstPage = picker.rows().flatMap((i) => runIdOf(i) ?? []);
			await picker.toggle(picker.row(new RegExp(`^#${firstPage[0]} `))!);
			await picker.toggle(picker.row(/Load more runs/)!);
			await waitFor(() => picker.rows().filter((i) => runIdOf(i) !== undefined).length > 5, 'the second page');
			await picker.ready();
			secondPage = picker.rows().flatMap((i) => runIdOf(i) ?? []);
			assert.deepEqual(checkedIds(picker), [firstPage[0]], 'loading more runs lost the checked run');
			await picker.accept();
		};
		await improvePromptFile();

		assert.equal(firstPage.length, 5);
		assert.equal(secondPage.length, 10);
		assert.equal(server.requests.filter((r) => r.path.endsWith('/runs/')).length, 2);
		assert.deepEqual(server.improveRequests()[0]?.body.run_ids, [firstPage[0]]);
	});

	test('when "Load more runs…" fails, manual entry opens with the runs just checked', async () => {
		server.setModes({ maxPageSize: 5 });
		let checked: number[] = [];
		user.onRunPicker = async (picker) => {
			await picker.ready();
			for (const item of [...picker.selectedItems]) await picker.toggle(item);
			const runs = picker.rows().filter((i) => runIdOf(i) !== undefined);
			await picker.toggle(runs[1]);
			await picker.toggle(runs[2]);
			checked = checkedIds(picker);
			server.setModes({ runsList: 'forbidden' });
			await picker.toggle(picker.row(/Load more runs/)!);
		};
		user.runIds = undefined;
		await improvePromptFile();

		const box = user.inputBoxes.find((b) => /Enter up to 3 run IDs/.test(b.title));
		assert.ok(box, 'manual entry did not open');
		assert.equal(box.value, checked.join(', '));
		assert.match(box.prompt, /Could not list your runs: .*403/);
	});

	test('a run that is not listed is typed in manual entry, which validates what is typed', async () => {
		user.runIds = [5546, 123456789];
		await improvePromptFile();
		const box = user.inputBoxes.find((b) => /Enter up to 3 run IDs/.test(b.title));
		assert.ok(box, 'manual entry did not open');
		assert.equal(box.validation, undefined);
		assert.deepEqual(server.improveRequests()[0]?.body.run_ids, [5546, 123456789]);

		user.inputBoxes.length = 0;
		user.runIds = [5546, 5545, 5544, 5543, 999999];
		await vscode.commands.executeCommand(Commands.improvePrompt);
		assert.match(user.inputBoxes[0]?.validation ?? '', /At most 3 runs/);
		assert.equal(server.improveRequests().length, 1, 'a refused entry still sent a request');
	});

	test('an empty selection asks before using the whole document; a whitespace-only prompt is refused', async () => {
		await openPromptFile('   \n\n  \n');
		user.confirmWholeDocument = true;
		await vscode.commands.executeCommand(Commands.improvePrompt);
		assert.ok(user.messages.some((m) => /No text is selected/.test(m.text)), 'an empty selection did not ask first');
		await user.waitForMessage(/selected prompt is empty/);

		user.messages.length = 0;
		await improvePromptFile('Intro\n   \n\t\nOutro\n', { select: { from: 2, to: 3 } });
		await user.waitForMessage(/selected prompt is empty/);
		assert.equal(server.improveRequests().length, 0);
	});

	test('without a selection it asks before using the whole document', async () => {
		await openPromptFile(SAMPLE_PROMPT);
		user.confirmWholeDocument = false;
		await vscode.commands.executeCommand(Commands.improvePrompt);
		assert.equal(server.improveRequests().length, 0, 'declining the whole document still sent a request');

		user.confirmWholeDocument = true;
		await vscode.commands.executeCommand(Commands.improvePrompt);
		assert.equal(server.improveRequests()[0]?.body.prompt, SAMPLE_PROMPT);
	});

	test('remembers the run IDs used last in this workspace, and an empty focus sends no filter', async () => {
		user.runIds = [5546, 5545];
		user.focus = 'none';
		await improvePromptFile();
		assert.equal(server.improveRequests()[0]?.body.workflow_metric_ids, undefined, 'an empty focus must send no workflow_metric_ids');
		assert.equal(server.improveRequests()[0]?.body.category_ids, undefined, 'an empty focus must send no category_ids');
		await closeAllEditors();
		await improvePromptFile();
		assert.deepEqual([...(user.lastIdsOffered ?? [])].sort(), [5545, 5546]);
	});

	test('cancelling the focus step sends nothing', async () => {
		user.focus = 'cancel';
		await improvePromptFile();
		assert.equal(server.improveRequests().length, 0);
		assert.equal(activeDiffTab(), undefined);
	});

	test('the run list is filtered by cekura.runs.agentId and cekura.runs.projectId', async () => {
		await setSetting(Settings.runsAgentId, 42);
		await setSetting(Settings.runsProjectId, 742);
		try {
			await improvePromptFile();
			const list = server.requests.find((r) => r.path.endsWith('/v2/runs/'));
			assert.equal(list?.query.agent_id, '42');
			assert.equal(list?.query.project_id, '742');
		} finally {
			await setSetting(Settings.runsAgentId, undefined);
			await setSetting(Settings.runsProjectId, undefined);
		}
	});

	test('says so instead of opening an empty diff when Cekura proposes no change', async () => {
		server.setModes({ improve: 'unchanged' });
		await improvePromptFile();
		await user.waitForMessage(/proposes no changes/);
		assert.equal(reviewTabs().length, 0);
		assert.equal(api.reviews.openReviews.length, 0);
	});

	test('asks for the API key when none is stored, then continues', async () => {
		await vscode.commands.executeCommand(Commands.clearApiKey);
		await user.waitForMessage(/API key removed/);
		user.apiKeyAnswers.push(undefined);
		const promptsBefore = user.apiKeyPrompts;
		await improvePromptFile();
		assert.equal(user.apiKeyPrompts, promptsBefore + 1);
		assert.equal(server.improveRequests().length, 0, 'cancelling the key prompt must stop the flow');

		user.apiKeyAnswers.push(DEMO_API_KEY);
		await vscode.commands.executeCommand(Commands.improvePrompt);
		assert.equal(server.improveRequests().length, 1);
		assert.equal(server.improveRequests()[0].apiKeyValid, true);
		assert.ok(activeDiffTab(), 'the flow did not continue to the review after the key was entered');
	});

	test('the API key box refuses a key with spaces', async () => {
		user.apiKeyAnswers.push('ck demo');
		await vscode.commands.executeCommand(Commands.setApiKey);
		assert.match(user.inputBoxes.at(-1)?.validation ?? '', /no spaces/);
	});

	test('the API key never reaches the log', async () => {
		server.setModes({ improve: 'server-error' });
		await improvePromptFile();
		await waitFor(() => /server failed/.test(readExtensionLog(api)), 'the error in the log file');
		const log = readExtensionLog(api);
		assert.ok(!log.includes(DEMO_API_KEY), 'the API key was written to the log');
		assert.match(log, /improve_prompt/);
	});
});
