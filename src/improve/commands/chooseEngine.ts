import * as vscode from 'vscode';
import { QuickInputIds } from '../../core/quickInputIds';
import { isBack } from '../../core/quickInputStep';
import { runSteps, type FlowStep } from '../core/flowSteps';
import { checkBaseUrl } from '../core/baseUrl';
import { FALLBACK_ENGINE_KEY, Settings } from '../../constants';
import { isFallbackKind } from '../core/engines/engineCatalog';
import { modelOnServer } from '../core/engines/modelServerLabel';
import type { EngineDeps } from '../vscode/engines/engineEntry';
import { engineItems } from '../vscode/engines/engineRegistry';
import { openAiClient, pickServerModel } from '../vscode/engines/openaiCompatibleEntry';
import { readSettings, writeUserSetting } from '../vscode/settings';

const DEFAULT_SERVER = 'http://127.0.0.1:11434/v1';

/**
 * Cekura: Choose Improvement Engine…: the engines, with the language models VS Code actually offers and the
 * OpenAI-compatible server if one is set up. Writes the user settings. Resolves whether an engine was chosen.
 */
export async function chooseEngine(deps: EngineDeps & { globalState: vscode.Memento }): Promise<boolean> {
	const { ui, log } = deps;
	const settings = readSettings();
	const items = await engineItems(settings);
	const server = settings.openai.baseUrl;

	const picked = await ui.showQuickPick(items, { id: QuickInputIds.engine, title: vscode.l10n.t('Cekura: Choose Improvement Engine'), placeHolder: vscode.l10n.t('Who rewrites your prompts? Run evidence always comes from Cekura.'), ignoreFocusOut: true });
	if (!picked) return false;
	if (!picked.engine && !picked.setUpServer) {
		ui.notify('info', vscode.l10n.t('Cekura: no language model is available in VS Code. Install and sign in to GitHub Copilot (or an extension that provides models), or set up an OpenAI-compatible server.'));
		return false;
	}
	let name = picked.label;
	if (picked.setUpServer) {
		const set = await setUpServer(deps, server?.ok ? server.url : '');
		if (!set) return false;
		name = set;
	}
	if (picked.lmModel) await writeUserSetting(Settings.vscodeLmModel, picked.lmModel.id);
	const engine = picked.engine ?? 'openaiCompatible';
	await writeUserSetting(Settings.improveEngine, engine);
	// An explicit choice replaces the one remembered for when Cekura does not offer improve_prompt.
	if (isFallbackKind(engine)) await deps.globalState.update(FALLBACK_ENGINE_KEY, engine);
	log.info(`Improvement engine: ${engine}${picked.lmModel ? ` (${picked.lmModel.id})` : ''}.`);
	vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Cekura: prompts are improved by {0}.', name), 5000);
	return true;
}

interface ServerChoices {
	url: string;
	model?: string;
}

/**
 * Base URL, optional key and model of an OpenAI-compatible server, as three steps with Back; written to the settings
 * (the key to the secret storage when its step is answered). Resolves the model's label (`modelOnServer`).
 */
async function setUpServer(deps: EngineDeps, current: string): Promise<string | undefined> {
	const setting = `${Settings.section}.${Settings.openaiBaseUrl}`;
	const urlStep: FlowStep<ServerChoices> = {
		async run(choices, position) {
			const typed = await deps.ui.inputStep({
				id: QuickInputIds.serverBaseUrl,
				title: vscode.l10n.t('Cekura: OpenAI-compatible server: base URL'),
				prompt: vscode.l10n.t('e.g. https://api.openai.com/v1, https://openrouter.ai/api/v1, http://127.0.0.1:11434/v1 (Ollama), http://127.0.0.1:1234/v1 (LM Studio)'),
				value: choices.url,
				ignoreFocusOut: true,
				validateInput: (value) => {
					const check = checkBaseUrl(value, setting);
					return check.ok ? undefined : check.message;
				},
			}, position);
			if (typed === undefined || isBack(typed)) return typed;
			const check = checkBaseUrl(typed, setting);
			return check.ok ? { state: { ...choices, url: check.url } } : undefined;
		},
	};
	const keyStep: FlowStep<ServerChoices> = {
		async run(choices, position) {
			const key = await deps.modelKeys.prompt(undefined, position);
			return key === undefined || isBack(key) ? key : { state: choices };
		},
	};
	const modelStep: FlowStep<ServerChoices> = {
		async run(choices, position) {
			const client = await openAiClient(deps, choices.url, 30_000);
			const model = await pickServerModel(deps, client(''), choices.url, position);
			return model === undefined || isBack(model) ? model : { state: { ...choices, model } };
		},
	};
	const chosen = await runSteps([urlStep, keyStep, modelStep], { url: current || DEFAULT_SERVER });
	if (!chosen?.model) return undefined;
	await writeUserSetting(Settings.openaiBaseUrl, chosen.url);
	await writeUserSetting(Settings.openaiModel, chosen.model);
	return modelOnServer(chosen.model, chosen.url);
}
