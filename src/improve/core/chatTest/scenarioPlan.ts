import * as l10n from '@vscode/l10n';
import type { Run, RunListItem } from '../../../core/apiTypes';
import type { TestScenario } from './chatTestTypes';

function positiveId(value: unknown): value is number {
	return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

const keyOf = (agentId: number, scenarioId: number): string => `${agentId}/${scenarioId}`;

/** Adds `run` to the scenario it played (agent and scenario both known), creating it on first sight. */
function collect(into: Map<string, TestScenario>, run: RunListItem, kind: TestScenario['kind']): void {
	if (!positiveId(run.agent) || !positiveId(run.scenario)) return;
	const key = keyOf(run.agent, run.scenario);
	const found = into.get(key);
	if (found) {
		if (!found.fromRunIds.includes(run.id)) found.fromRunIds.push(run.id);
		return;
	}
	const name = typeof run.scenario_name === 'string' && run.scenario_name.trim() !== '' ? run.scenario_name.trim() : l10n.t('Scenario {0}', run.scenario);
	into.set(key, { id: run.scenario, name, agentId: run.agent, kind, fromRunIds: [run.id] });
}

/**
 * The scenarios to test. `failed`: the scenarios the review's runs played (`run.scenario`, by `run.agent`), once
 * each. `guard`: the other scenarios of those runs' results (`resultRuns`) that passed there, and failed in no run
 * of them: a regression there is what the guard should catch. Runs without an agent or scenario are left out.
 */
export function planScenarios(reviewRuns: readonly Run[], resultRuns: readonly RunListItem[]): { failed: TestScenario[]; guard: TestScenario[] } {
	const failed = new Map<string, TestScenario>();
	for (const run of reviewRuns) collect(failed, run, 'failed');
	const failing = new Set(resultRuns.filter((run) => run.success === false && positiveId(run.agent) && positiveId(run.scenario)).map((run) => keyOf(run.agent as number, run.scenario as number)));
	const guard = new Map<string, TestScenario>();
	for (const run of resultRuns) {
		if (run.success !== true || !positiveId(run.agent) || !positiveId(run.scenario)) continue;
		const key = keyOf(run.agent, run.scenario);
		if (failed.has(key) || failing.has(key)) continue;
		collect(guard, run, 'guard');
	}
	return { failed: [...failed.values()], guard: [...guard.values()] };
}

/** The chats a test starts, each billed by Cekura as a simulation: both prompts play every scenario `frequency` times. */
export function chatCount(scenarios: number, frequency: number): number {
	return scenarios * frequency * 2;
}
