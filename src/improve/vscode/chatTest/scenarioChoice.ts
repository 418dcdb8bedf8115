import * as vscode from 'vscode';
import type { RunListItem } from '../../../core/apiTypes';
import { QuickInputIds } from '../../../core/quickInputIds';
import type { Review } from '../../../vscode/review/review';
import type { Ui } from '../../../vscode/ui';
import type { CekuraClient } from '../../core/cekuraClient';
import type { TestScenario } from '../../core/chatTest/chatTestTypes';
import { chatCount, planScenarios } from '../../core/chatTest/scenarioPlan';
import { withCancellableProgress } from '../progress';

/** How many passing runs of one result are read for the guard: enough for any test suite, bounded for a huge one. */
const MAX_GUARD_RUNS = 500;

type Plan = ReturnType<typeof planScenarios>;

/**
 * The scenarios the review's runs played and, for the guard, the passing scenarios of the same results, read from
 * Cekura under a cancellable progress.
 */
export function readScenarios(ui: Ui, client: CekuraClient, review: Review): Thenable<Plan> {
	return withCancellableProgress(ui, vscode.l10n.t('Cekura: reading the scenarios of runs {0}', review.runIds.join(', ')), async (signal) => {
		const runs = await client.bulkRuns(review.runIds, signal);
		const resultIds = [...new Set(runs.map((run) => run.result_id).filter((id): id is number => typeof id === 'number'))];
		const passing: RunListItem[] = [];
		for (const resultId of resultIds) passing.push(...(await passingRuns(client, resultId, signal)));
		return planScenarios(runs, passing);
	});
}

async function passingRuns(client: CekuraClient, resultId: number, signal: AbortSignal): Promise<RunListItem[]> {
	let page = await client.listRuns({ resultId, success: true, pageSize: 100 }, signal);
	const runs = [...page.results];
	while (page.next && runs.length < MAX_GUARD_RUNS) {
		page = await client.nextRunsPage(page.next, signal);
		runs.push(...page.results);
	}
	return runs;
}

interface ScenarioItem extends vscode.QuickPickItem {
	scenarios: TestScenario[];
}

/** Which scenarios to test, each choice with the number of chats it starts; undefined when the user cancels. */
export async function pickScenarios(ui: Ui, plan: Plan, frequency: number): Promise<TestScenario[] | undefined> {
	const { failed, guard } = plan;
	// What each choice starts leads its detail line: the labels are long, and a description would be cut off.
	const billed = (count: number): string => vscode.l10n.t('{0} chats, each billed by Cekura as a simulation', chatCount(count, frequency));
	const items: ScenarioItem[] = [
		{
			label: failed.length === 1 ? vscode.l10n.t('$(error) The failed scenario') : vscode.l10n.t('$(error) The {0} failed scenarios', failed.length),
			detail: [billed(failed.length), ...failed.map((s) => s.name)].join(' · '),
			scenarios: failed,
		},
	];
	if (guard.length > 0) {
		items.push({
			label: guard.length === 1
				? vscode.l10n.t('$(shield) …plus the passed scenario of the same results (guards against regressions)')
				: vscode.l10n.t('$(shield) …plus the {0} passed scenarios of the same results (guards against regressions)', guard.length),
			detail: [billed(failed.length + guard.length), ...guard.map((s) => s.name)].join(' · '),
			scenarios: [...failed, ...guard],
		});
	}
	const title = frequency === 1
		? vscode.l10n.t('Cekura: Test the original and the proposal on which scenarios? (1 chat per scenario and prompt)')
		: vscode.l10n.t('Cekura: Test the original and the proposal on which scenarios? ({0} chats per scenario and prompt)', frequency);
	const picked = await ui.showQuickPick(items, { id: QuickInputIds.testScenarios, title, placeHolder: vscode.l10n.t('Nothing is sent to Cekura before you choose'), ignoreFocusOut: true });
	return picked?.scenarios;
}
