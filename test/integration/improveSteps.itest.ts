import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import { QuickInputIds } from '../../src/core/quickInputIds';
import { runIdOf, type FakeQuickPick } from './fakeUser';
import { useCekuraSuite } from './cekuraSuite';
import { openPromptFile, SAMPLE_PROMPT } from './support';

type Picker = FakeQuickPick<vscode.QuickPickItem>;

const checked = (picker: Picker): number[] => picker.selectedItems.flatMap((i) => runIdOf(i) ?? []);
const counter = (picker: Picker): string => `${picker.step}/${picker.totalSteps}${picker.buttons.includes(vscode.QuickInputButtons.Back) ? ' back' : ''}`;

suite('The improve flow as steps: a counter and Back', () => {
	const { api, server, user } = useCekuraSuite();

	test('Back from focus shows the runs again with the runs chosen still checked; going on sends them', async () => {
		await openPromptFile(SAMPLE_PROMPT, { from: 3, to: 6 });
		user.runIds = [5546, 5523];
		const seen: string[] = [];
		user.onRunPicker = async (picker) => {
			await picker.ready();
			seen.push(`runs ${counter(picker)} [${checked(picker).join(',')}]`);
			await user.chooseRuns(picker);
		};
		let backs = 0;
		user.onFocusPicker = async (picker) => {
			await picker.ready();
			seen.push(`focus ${counter(picker)}`);
			if (backs++ === 0) return picker.pressBack();
			return user.chooseFocus(picker);
		};
		await vscode.commands.executeCommand(Commands.improvePrompt);

		// The first run picker shows the runs used last in this workspace (none in a fresh suite): any list is fine.
		assert.deepEqual(seen.slice(1), ['focus 2/2 back', 'runs 1/2 [5546,5523]', 'focus 2/2 back']);
		assert.match(seen[0], /^runs 1\/2 /);
		const [request] = server.improveRequests();
		assert.ok(request, 'nothing was sent after going back and on');
		assert.deepEqual(request.body.run_ids, [5546, 5523]);
		assert.equal(server.improveRequests().length, 1);
		assert.equal(api.reviews.openReviews.length, 1);
	});

	test('Escape in the runs after Back sends nothing', async () => {
		await openPromptFile(SAMPLE_PROMPT, { from: 3, to: 6 });
		user.runIds = [5546];
		let runPickers = 0;
		user.onRunPicker = async (picker) => {
			if (runPickers++ === 0) return user.chooseRuns(picker);
			await picker.ready();
			picker.hide();
		};
		user.onFocusPicker = (picker) => picker.pressBack();
		await vscode.commands.executeCommand(Commands.improvePrompt);
		assert.equal(runPickers, 2, 'Back did not return to the runs');
		assert.equal(server.improveRequests().length, 0);
	});

	test('Improve Again: Back from the note returns to the choice of runs, and the note step counts what is left', async () => {
		await openPromptFile(SAMPLE_PROMPT, { from: 3, to: 6 });
		user.runIds = [5546];
		await vscode.commands.executeCommand(Commands.improvePrompt);
		assert.equal(api.reviews.openReviews.length, 1);
		const review = api.reviews.openReviews[0];

		user.pick = (items, options) => (options.id === QuickInputIds.againWhichRuns ? items.find((i) => /Same runs/.test(i.label)) : undefined);
		let notes = 0;
		user.goBack = (id) => id === QuickInputIds.note && notes++ === 0;
		user.onInputBox = (options) => (options.id === QuickInputIds.note ? '' : undefined);
		await vscode.commands.executeCommand(Commands.improveAgain, review.improvedUri);

		const which = user.picks.filter((p) => p.id === QuickInputIds.againWhichRuns).map((p) => `${p.position?.step}/${p.position?.totalSteps}`);
		// The first time, other runs (and their focus) may follow; after choosing the same runs, only the note does.
		assert.deepEqual(which, ['1/4', '1/2']);
		const noteSteps = user.inputBoxes.filter((b) => b.id === QuickInputIds.note).map((b) => `${b.position?.step}/${b.position?.totalSteps}`);
		assert.deepEqual(noteSteps, ['2/2', '2/2']);
		assert.equal(server.improveRequests().length, 2, 'Improve Again did not send after Back');
	});
});
