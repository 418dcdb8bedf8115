import * as vscode from 'vscode';
import { FALLBACK_ENGINE_KEY } from '../../../constants';
import type { AgentModel } from '../../core/chatTest/chatTestTypes';
import { agentOfModel } from '../../core/engines/agentOfModel';
import type { ChatModel } from '../../core/engines/chatModel';
import type { EngineKind } from '../../core/engines/engineCatalog';
import type { EngineDeps } from '../engines/engineEntry';
import { openAiModel } from '../engines/openaiCompatibleEntry';
import { vscodeLmModel } from '../engines/vscodeLmEntry';
import { readSettings, type CekuraSettings } from '../settings';

export interface AgentChoiceDeps extends EngineDeps {
	globalState: vscode.Memento;
	/** Runs Choose Improvement Engine…; resolves whether the user chose one. */
	chooseEngine(): Promise<boolean>;
}

/**
 * The model that plays the agent in the simulated chats: the model engine the user chose (under `auto`, the one
 * remembered for when Cekura does not offer improve_prompt), with the same model and settings for both prompts.
 * Cekura's own engine cannot play an agent: then the user is asked to choose a model. Undefined when cancelled.
 * Rejects with the `ModelError` that says why the chosen model cannot be used.
 */
export async function chooseAgent(deps: AgentChoiceDeps): Promise<{ agent: AgentModel; kind: ModelKind } | undefined> {
	for (;;) {
		const settings = readSettings();
		const kind: EngineKind | undefined = settings.engine === 'auto' ? deps.globalState.get<EngineKind>(FALLBACK_ENGINE_KEY) : settings.engine;
		if (kind === 'vscodeLm' || kind === 'openaiCompatible') {
			const model = await chatModelOf(deps, settings, kind);
			if (!model) return undefined;
			deps.log.info(`Test Proposal: ${model.label} plays the agent.`);
			return { agent: agentOfModel(model), kind };
		}
		const choose = vscode.l10n.t('Choose Improvement Engine…');
		deps.log.warn(`Test Proposal: the improvement engine (${settings.engine}) is Cekura's, which cannot play the agent in a simulated chat.`);
		const choice = await deps.ui.message(
			'warning',
			vscode.l10n.t('Cekura: testing a proposal needs a model to play the agent, and Cekura\'s improvement engine cannot. Choose a language model in VS Code (such as GitHub Copilot\'s) or an OpenAI-compatible server; it then plays the agent for both the original and the proposal.'),
			choose,
		);
		if (choice !== choose || !(await deps.chooseEngine())) return undefined;
	}
}

type ModelKind = 'vscodeLm' | 'openaiCompatible';

function chatModelOf(deps: EngineDeps, settings: CekuraSettings, kind: ModelKind): Promise<ChatModel | undefined> {
	return kind === 'vscodeLm' ? vscodeLmModel(deps, settings) : openAiModel(deps, settings);
}
