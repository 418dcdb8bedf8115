import * as vscode from 'vscode';
import { QuickInputIds } from '../../core/quickInputIds';
import { isBack } from '../../core/quickInputStep';
import { runSteps, type FlowStep } from '../core/flowSteps';
import { checkBaseUrl } from '../core/baseUrl';
import { FALLBACK_ENGINE_KEY, Settings } from '../../constants';
import { availableChatModels, openAiClient, pickServerModel, type ModelEngineDeps } from '../vscode/engines/modelEngines';
import { readSettings, writeUserSetting, type EngineSetting } from '../vscode/settings';

interface EngineItem extends vscode.QuickPickItem {
	engine?: EngineSetting;
	lmModel?: vscode.LanguageModelChat;
	setUpServer?: boolean;
}

const DEFAULT_SERVER = 'http://127.0.0.1:11434/v1';

/**
 * Cekura: Choose Improvement Engine…: the engines, with the language models VS Code actually offers and the
 * OpenAI-compatible server if one is set up. Writes the user settings. Resolves whether an engine was chosen.
 */
export async function chooseEngine(deps: ModelEngineDeps & { globalState: vscode.Memento }): Promise<boolean> {
	const { ui, log } = deps;
	const settings = readSettings();
	// The current choice is said in words, which screen readers read too (an icon in the label is read as "check").
	const current = (engine: EngineSetting): string => (settings.engine === engine ? vscode.l10n.t('current · ') : '');
	const cekuraHost = settings.baseUrl.ok ? new URL(settings.baseUrl.url).host : 'cekura.apiBaseUrl';
	const models = await availableChatModels();
	const items: EngineItem[] = [
		{ label: vscode.l10n.t('Automatic'), description: current('auto') + vscode.l10n.t('Cekura first; a model you have when Cekura does not offer improve_prompt'), engine: 'auto' },
		{ label: 'Cekura', description: current('cekura') + vscode.l10n.t('improve_prompt at {0}', cekuraHost), detail: vscode.l10n.t('The prompt and run IDs go to Cekura, which rewrites the prompt.'), engine: 'cekura' },
		{ label: vscode.l10n.t('Language models in VS Code'), kind: vscode.QuickPickItemKind.Separator },
	];
	if (models.length === 0) {
		items.push({ label: vscode.l10n.t('No language model is available in VS Code'), description: vscode.l10n.t('GitHub Copilot, or an extension that provides models, offers them here') });
	}
	for (const model of models) {
		const chosen = settings.engine === 'vscodeLm' && settings.vscodeLmModel === model.id;
		items.push({
			label: model.name,
			description: (chosen ? vscode.l10n.t('current · ') : '') + vscode.l10n.t('{0} · {1} · {2} input tokens', model.vendor, model.family, model.maxInputTokens.toLocaleString(vscode.env.language)),
			detail: vscode.l10n.t('The prompt and the runs\' evidence go to {0} through VS Code.', model.vendor),
			engine: 'vscodeLm',
			lmModel: model,
		});
	}
	items.push({ label: vscode.l10n.t('OpenAI-compatible server'), kind: vscode.QuickPickItemKind.Separator });
	const server = settings.openai.baseUrl;
	if (server?.ok && settings.openai.model) {
		items.push({
			label: vscode.l10n.t('{0} at {1}', settings.openai.model, new URL(server.url).host),
			description: current('openaiCompatible').replace(/ · $/, ''),
			detail: vscode.l10n.t('The prompt and the runs\' evidence go to {0}.', server.url),
			engine: 'openaiCompatible',
		});
	}
	items.push({ label: vscode.l10n.t('Set up an OpenAI-compatible server…'), description: 'OpenAI, Azure OpenAI, OpenRouter, Ollama, LM Studio', setUpServer: true });

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
	if (engine === 'vscodeLm' || engine === 'openaiCompatible') await deps.globalState.update(FALLBACK_ENGINE_KEY, engine);
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
 * (the key to the secret storage when its step is answered). Resolves "<model> at <host>".
 */
async function setUpServer(deps: ModelEngineDeps, current: string): Promise<string | undefined> {
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
	return vscode.l10n.t('{0} at {1}', chosen.model, new URL(chosen.url).host);
}
