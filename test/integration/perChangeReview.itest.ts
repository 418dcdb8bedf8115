import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import type { TestApi } from '../../src/extension';
import type { ReviewWithChanges } from '../../src/vscode/review/reviewChanges';
import { waitForValue } from '../support/waitFor';
import { useCekuraSuite } from './cekuraSuite';
import { editRange } from './edits';
import { openReview } from './improveFlow';
import { SAMPLE_PROMPT } from './support';

/** The status bar's `+A −R lines · <progress>` as numbers and words. */
function status(api: TestApi): { added: number; removed: number; progress: string } | undefined {
	const m = /^\$\(git-compare\) Cekura: \+(\d+) −(\d+) lines · (.+)$/.exec(api.reviewStatusText() ?? '');
	return m ? { added: Number(m[1]), removed: Number(m[2]), progress: m[3] } : undefined;
}

async function waitForStatus(api: TestApi, progress: string): Promise<{ added: number; removed: number }> {
	return waitForValue(() => {
		const shown = status(api);
		return shown?.progress === progress ? { added: shown.added, removed: shown.removed } : undefined;
	}, `the status bar to say "${progress}" (it says ${api.reviewStatusText()})`);
}

/** A key spelled out: the extension host cannot know the user's keys (remote windows, rebound keys), so no hint may. */
const KEY_NAME = /\b(Ctrl|Cmd|Alt|Strg)\b|[⌘⌥⌃]/;

const REWRITE = 'Keep calls short, but never end the call before the caller has confirmed the booking.';

/**
 * Opens a review of lines 3–6 of SAMPLE_PROMPT (the local server rewrites "Keep calls short." and appends rules) and
 * makes a third change of the user's own on the first line, so the review has three changes in this order:
 * the user's rewording, Cekura's rewrite, Cekura's rules.
 */
async function openReviewWithThreeChanges(api: TestApi): Promise<{ source: vscode.TextEditor; improved: vscode.TextDocument; editor: vscode.TextEditor; entry: ReviewWithChanges }> {
	const { source, improved } = await openReview();
	const editor = await waitForValue(() => vscode.window.visibleTextEditors.find((e) => e.document === improved), 'the editor of the proposal side');
	const first = improved.lineAt(0);
	assert.equal(first.text, 'You are the front-desk assistant for Bright Smiles Dental.');
	await editRange(improved, first.range, 'You are the friendly front-desk assistant for Bright Smiles Dental.');
	const entry = api.changes.of(improved);
	assert.ok(entry, 'the review\'s changes are not followed');
	assert.equal(entry.changes.changes.length, 3, `changes: ${JSON.stringify(entry.changes.changes)}`);
	return { source, improved, editor, entry };
}

async function lensTitles(uri: vscode.Uri): Promise<{ line: number; title: string; tooltip: string }[]> {
	const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
	return lenses
		.filter((l) => l.command?.command.startsWith('cekura.'))
		.map((l) => ({ line: l.range.start.line, title: l.command?.title ?? '', tooltip: l.command?.tooltip ?? '' }));
}

suite('Per-change review', () => {
	const { api, user } = useCekuraSuite();

	test('each change has Keep Original and Keep Proposal above it, naming its command (not a key) in the tooltip', async () => {
		const { improved } = await openReviewWithThreeChanges(api);
		const lenses = await waitForValue(async () => {
			const found = await lensTitles(improved.uri);
			return found.length === 6 ? found : undefined;
		}, 'two CodeLenses on each of the three changes');
		const rulesLine = improved.getText().split('\n').indexOf('## Rules learned from test runs');
		assert.deepEqual(
			lenses.map((l) => [l.line, l.title]),
			[
				[0, '$(discard) Keep Original'],
				[0, '$(check) Keep Proposal'],
				[2, '$(discard) Keep Original'],
				[2, '$(check) Keep Proposal'],
				[rulesLine - 1, '$(discard) Keep Original'],
				[rulesLine - 1, '$(check) Keep Proposal'],
			],
		);
		assert.equal(lenses[0].tooltip, 'Put the original lines back in place of this change. Command: Cekura: Keep Original (This Change)');
		assert.equal(lenses[1].tooltip, 'Keep this change as proposed. Command: Cekura: Keep Proposal (This Change)');
		await waitForStatus(api, '3 of 3 changes left');
	});

	test('Keep Original on the second change puts the original lines back there only; the changes left drop', async () => {
		const { improved, entry } = await openReviewWithThreeChanges(api);
		const before = await waitForStatus(api, '3 of 3 changes left');
		const second = entry.changes.changes[1];
		await vscode.commands.executeCommand(Commands.keepOriginalChange, improved.uri, second.key);
		const lines = improved.getText().split('\n');
		assert.equal(lines[2], 'Keep calls short.', 'the original line is not back in place of the rewrite');
		assert.ok(!improved.getText().includes(REWRITE));
		assert.equal(lines[0], 'You are the friendly front-desk assistant for Bright Smiles Dental.', 'another change was reverted too');
		assert.ok(improved.getText().includes('## Rules learned from test runs'), 'another change was reverted too');
		assert.equal(api.changes.of(improved)?.changes.changes.length, 2);
		const after = await waitForStatus(api, '2 of 3 changes left');
		assert.deepEqual(after, { added: before.added - 1, removed: before.removed - 1 });
		// A screen reader hears which review, the same progress without the icon's name, and what activating the item does.
		const [review] = api.reviews.openReviews;
		assert.deepEqual(api.reviewStatusAccessibility(), {
			name: 'Cekura Review',
			label: `Cekura review of ${review.sourceName}: +${after.added} −${after.removed} lines · 2 of 3 changes left. Activate to show the summary of changes.`,
		});
		assert.equal((await lensTitles(improved.uri)).length, 4);

		// A normal edit of the review document: Undo (in the review diff, whose proposal side has focus) brings the change back.
		assert.equal(vscode.window.activeTextEditor?.document, improved, 'the proposal side of the review lost focus');
		await vscode.commands.executeCommand('undo');
		assert.ok(improved.getText().includes(REWRITE), 'Undo did not bring the proposal back');
		assert.deepEqual(await waitForStatus(api, '3 of 3 changes left'), before);
	});

	test('the light bulb of the change at the cursor offers Keep Original and Keep Proposal (shown whatever diffEditor.codeLens says), and they act on that change', async () => {
		const { improved } = await openReviewWithThreeChanges(api);
		const actionsAt = async (line: number): Promise<vscode.CodeAction[]> =>
			((await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', improved.uri, new vscode.Range(line, 0, line, 0))) ?? []).filter((a) => a.command?.command.startsWith('cekura.'));
		assert.deepEqual(await actionsAt(1), [], 'a line without a change offers per-change actions');
		const actions = await actionsAt(2);
		assert.deepEqual(
			actions.map((a) => a.title),
			['Cekura: Keep Original for This Change', 'Cekura: Keep Proposal for This Change'],
		);
		const keepOriginal = actions[0].command;
		assert.ok(keepOriginal);
		await vscode.commands.executeCommand(keepOriginal.command, ...(keepOriginal.arguments ?? []));
		assert.equal(improved.getText().split('\n')[2], 'Keep calls short.', 'the light bulb\'s Keep Original did not put the original line back');
		await waitForStatus(api, '2 of 3 changes left');
		assert.deepEqual(await actionsAt(2), [], 'a decided change still offers actions');
	});

	test('Keep Proposal takes the lenses off that change and counts it decided; the file stays as it was', async () => {
		const { source, improved, entry } = await openReviewWithThreeChanges(api);
		const before = improved.getText();
		await vscode.commands.executeCommand(Commands.keepProposedChange, improved.uri, entry.changes.changes[2].key);
		assert.equal(improved.getText(), before, 'Keep Proposal changed the proposal side');
		assert.equal(source.document.getText(), SAMPLE_PROMPT, 'a per-change decision changed the source file');
		const lenses = await lensTitles(improved.uri);
		assert.deepEqual([...new Set(lenses.map((l) => l.line))], [0, 2]);
		await waitForStatus(api, '2 of 3 changes left');
	});

	test('from the keyboard: next and previous move to undecided changes; keep and revert act at the cursor and move on', async () => {
		const { improved, editor, entry } = await openReviewWithThreeChanges(api);
		const rulesBlock = entry.changes.changes[2].proposalStart;
		editor.selection = new vscode.Selection(1, 0, 1, 0);
		await vscode.commands.executeCommand(Commands.nextChange);
		assert.equal(editor.selection.active.line, 2);
		await vscode.commands.executeCommand(Commands.nextChange);
		assert.equal(editor.selection.active.line, rulesBlock);
		await vscode.commands.executeCommand(Commands.nextChange);
		assert.equal(editor.selection.active.line, 0, 'next after the last change starts from the top');
		await vscode.commands.executeCommand(Commands.previousChange);
		assert.equal(editor.selection.active.line, rulesBlock, 'previous before the first change goes to the last');

		// Keep the proposal at the cursor (the rules), then revert the user's rewording on line 0.
		await vscode.commands.executeCommand(Commands.keepProposedChange);
		assert.equal(editor.selection.active.line, 0, 'after deciding, the cursor moves on to the next change');
		await vscode.commands.executeCommand(Commands.keepOriginalChange);
		assert.equal(improved.lineAt(0).text, 'You are the front-desk assistant for Bright Smiles Dental.');
		assert.equal(editor.selection.active.line, 2, 'after reverting, the cursor moves on to the next change');
		// The user's own change, gone again, no longer counts: two changes of Cekura's, one of them decided.
		await waitForStatus(api, '1 of 2 changes left');

		await vscode.commands.executeCommand(Commands.keepProposedChange);
		await waitForStatus(api, 'all 2 changes decided');
		assert.deepEqual(await lensTitles(improved.uri), []);
	});

	test('an edit by the user that removes a change counts as deciding it', async () => {
		const { improved } = await openReviewWithThreeChanges(api);
		await editRange(improved, improved.lineAt(0).range, 'You are the front-desk assistant for Bright Smiles Dental.');
		await waitForStatus(api, '2 of 2 changes left');
	});

	test('Apply after per-change decisions writes the proposal side as the user left it', async () => {
		const { source, improved, entry } = await openReviewWithThreeChanges(api);
		await vscode.commands.executeCommand(Commands.keepOriginalChange, improved.uri, entry.changes.changes[2].key);
		await vscode.commands.executeCommand(Commands.keepOriginalChange, improved.uri, api.changes.of(improved)?.changes.changes[0].key);
		await vscode.commands.executeCommand(Commands.applyImprovement);
		assert.equal(source.document.getText(), SAMPLE_PROMPT.replace('Keep calls short.', REWRITE));
		assert.equal(api.reviewStatusText(), undefined, 'the status bar item stays after the review closed');
	});

	test('the per-change commands say what is missing: no review, or no change at the cursor', async () => {
		await vscode.commands.executeCommand(Commands.nextChange);
		await user.waitForMessage(/open the review of an improved prompt/);
		user.messages.length = 0;
		const { improved, editor } = await openReviewWithThreeChanges(api);
		editor.selection = new vscode.Selection(1, 0, 1, 0);
		const before = improved.getText();
		await vscode.commands.executeCommand(Commands.keepOriginalChange);
		const told = await user.waitForMessage(/the cursor is not on a change\./);
		assert.equal(told.text, 'Cekura: the cursor is not on a change. Move to one with Cekura: Go to Next Change or Cekura: Go to Previous Change.');
		assert.equal(improved.getText(), before);
	});

	test('the summary and the status bar name the commands, not keys; the tooltip links each to its keys in Keyboard Shortcuts, and may run nothing else', async () => {
		await openReviewWithThreeChanges(api);
		const summary = await user.waitForMessage(/^Proposal by /);
		assert.match(summary.text, /\) Keys: see Cekura: Apply Improved Prompt and Cekura: Discard Improved Prompt in Keyboard Shortcuts\./);
		assert.doesNotMatch(summary.text, KEY_NAME);
		await waitForStatus(api, '3 of 3 changes left');
		const tooltip = api.reviewStatusTooltip();
		assert.ok(tooltip, 'the status bar item has no Markdown tooltip');
		assert.doesNotMatch(tooltip.markdown, KEY_NAME);
		const links = [...tooltip.markdown.matchAll(/\[([^\]]+)\]\(command:([\w.]+)\?([^)]+)\)/g)].map(([, text, command, args]) => ({ text, command, args: JSON.parse(decodeURIComponent(args)) as unknown }));
		const keysOf = (command: string): unknown => ({ command: 'workbench.action.openGlobalKeybindings', args: [`@command:${command}`] });
		assert.deepEqual(
			links.filter((l) => l.command === 'workbench.action.openGlobalKeybindings').map((l) => [l.text, { command: l.command, args: l.args }]),
			[
				['Cekura: Apply Improved Prompt', keysOf(Commands.applyImprovement)],
				['Cekura: Discard Improved Prompt', keysOf(Commands.discardImprovement)],
				['Cekura: Go to Next Change', keysOf(Commands.nextChange)],
				['Cekura: Go to Previous Change', keysOf(Commands.previousChange)],
				['Cekura: Keep Original (This Change)', keysOf(Commands.keepOriginalChange)],
				['Cekura: Keep Proposal (This Change)', keysOf(Commands.keepProposedChange)],
			],
		);
		assert.deepEqual([...tooltip.enabledCommands].sort(), [...new Set(links.map((l) => l.command))].sort(), 'the tooltip trusts other commands than its links run');
	});
});
