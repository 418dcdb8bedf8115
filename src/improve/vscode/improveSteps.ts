import { LAST_RUN_IDS_KEY, Settings } from '../../constants';
import { isBack } from '../../core/quickInputStep';
import type { FlowStep } from '../core/flowSteps';
import { engineStepShown, focusStepShown, runsStepShown, sameIds, type EngineQuestion, type ImproveChoices } from '../core/improveChoices';
import { openAiClient, pickServerModel } from './engines/openaiCompatibleEntry';
import { availableChatModels, pickChatModel } from './engines/vscodeLmEntry';
import { pickFocus } from './focusPicker';
import { cekuraClient, type CekuraSession } from './cekuraSession';
import type { ImproveFlowDeps } from './requestProposal';
import { pickRuns } from './runPicker';
import { readSettings, writeUserSetting, type CekuraSettings } from './settings';

/** The improve flow's steps that ask for runs, focus and a model (see `core/flowSteps.ts` for Back and the counter). */
export function runsStep(deps: ImproveFlowDeps, session: CekuraSession): FlowStep<ImproveChoices> {
	return {
		shown: runsStepShown,
		async run(choices, position) {
			const { agentId, projectId } = session.settings;
			const runIds = await pickRuns(deps.ui, cekuraClient(deps, session), { agentId, projectId }, choices.runIds, deps.log, position);
			if (runIds === undefined || isBack(runIds)) return runIds;
			await deps.workspaceState.update(LAST_RUN_IDS_KEY, runIds);
			return { state: { ...choices, runIds } };
		},
	};
}

export function focusStep(deps: ImproveFlowDeps, session: CekuraSession): FlowStep<ImproveChoices> {
	return {
		shown: focusStepShown,
		async run(choices, position) {
			const earlier = choices.focusFor && sameIds(choices.focusFor, choices.runIds) ? choices.focus : undefined;
			const answer = await pickFocus(deps.ui, cekuraClient(deps, session), choices.runIds, deps.log, position, earlier);
			if (answer === undefined || isBack(answer)) return answer;
			if (answer.skipped) return { state: { ...choices, focus: answer.focus, focusNames: answer.names, noFocusFor: choices.runIds }, skipped: true };
			return { state: { ...choices, focus: answer.focus, focusNames: answer.names, focusFor: choices.runIds, noFocusFor: undefined } };
		},
	};
}

/** The model of the engine the settings name, when they do not name one and there is a choice to make. */
export async function engineQuestion(settings: CekuraSettings): Promise<EngineQuestion | undefined> {
	if (settings.engine === 'vscodeLm' && !settings.vscodeLmModel) return (await availableChatModels()).length > 1 ? 'vscodeLm' : undefined;
	if (settings.engine === 'openaiCompatible' && settings.openai.baseUrl?.ok && !settings.openai.model) return 'openaiCompatible';
	return undefined;
}

export function engineStep(deps: ImproveFlowDeps, session: CekuraSession): FlowStep<ImproveChoices> {
	return {
		shown: engineStepShown,
		async run(choices, position) {
			const server = session.settings.openai.baseUrl;
			let model: string | undefined;
			if (choices.engineQuestion === 'vscodeLm') {
				const picked = await pickChatModel(deps.ui, await availableChatModels(), position);
				if (picked === undefined || isBack(picked)) return picked;
				model = picked.id;
			} else if (server?.ok) {
				const client = await openAiClient(deps, server.url, session.settings.improveTimeoutMs);
				const picked = await pickServerModel(deps, client(''), server.url, position);
				if (picked === undefined || isBack(picked)) return picked;
				model = picked;
			}
			return { state: { ...choices, model } };
		},
	};
}

/** The model chosen in the engine step, written to the settings (where the engine reads it) once the flow is done. */
export async function rememberModel(deps: ImproveFlowDeps, session: CekuraSession, choices: ImproveChoices): Promise<void> {
	if (!choices.model || !choices.engineQuestion) return;
	const setting = choices.engineQuestion === 'vscodeLm' ? Settings.vscodeLmModel : Settings.openaiModel;
	await writeUserSetting(setting, choices.model);
	deps.log.info(`Model chosen: ${choices.model}, remembered in ${Settings.section}.${setting}.`);
	session.settings = readSettings();
}
