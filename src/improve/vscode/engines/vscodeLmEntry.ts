import * as vscode from 'vscode';
import type { CekuraClient } from '../../core/cekuraClient';
import { languageModelAvailability } from '../../core/engines/engineAvailability';
import { ModelEngine } from '../../core/engines/modelEngine';
import { Settings } from '../../../constants';
import { writeUserSetting, type CekuraSettings } from '../settings';
import type { Ui } from '../../../vscode/ui';
import { QuickInputIds } from '../../../core/quickInputIds';
import { isBack, type Back, type StepPosition } from '../../../core/quickInputStep';
import { currentMark, type EngineDeps, type EngineEntry, type EngineItem } from './engineEntry';
import { VscodeLmChatModel } from './vscodeLmChatModel';

/** The language models VS Code offers this extension, in VS Code's order. */
export function availableChatModels(): Thenable<vscode.LanguageModelChat[]> {
	return vscode.lm.selectChatModels();
}

/** A language model of VS Code (GitHub Copilot's, or another extension's): `cekura.vscodeLm.model` names it. */
export const vscodeLmEntry: EngineEntry = {
	pickItems: async (settings) => {
		const models = await availableChatModels();
		const items: EngineItem[] = [{ label: vscode.l10n.t('Language models in VS Code'), kind: vscode.QuickPickItemKind.Separator }];
		if (models.length === 0) {
			items.push({ label: vscode.l10n.t('No language model is available in VS Code'), description: vscode.l10n.t('GitHub Copilot, or an extension that provides models, offers them here') });
		}
		for (const model of models) {
			const chosen = settings.engine === 'vscodeLm' && settings.vscodeLmModel === model.id;
			items.push({
				label: model.name,
				description: (chosen ? currentMark(settings, 'vscodeLm') : '') + vscode.l10n.t('{0} · {1} · {2} input tokens', model.vendor, model.family, model.maxInputTokens.toLocaleString(vscode.env.language)),
				detail: vscode.l10n.t('The prompt and the runs\' evidence go to {0} through VS Code.', model.vendor),
				engine: 'vscodeLm',
				lmModel: model,
			});
		}
		return items;
	},
	availability: async (settings) => languageModelAvailability(await availableChatModels(), settings.vscodeLmModel),
	create: vscodeLmEngine,
};

/**
 * The `vscodeLm` engine: the model `cekura.vscodeLm.model` names, or, when it is empty, the only model or the one the
 * user picks (remembered in the setting). Resolves undefined when the user cancels the pick.
 */
async function vscodeLmEngine(deps: EngineDeps, settings: CekuraSettings, cekura: CekuraClient): Promise<ModelEngine | undefined> {
	const model = await vscodeLmModel(deps, settings);
	return model && new ModelEngine('vscodeLm', model, (ids, signal) => cekura.bulkRuns(ids, signal), deps.log, (text) => deps.log.redact(text));
}

/** The language model the `vscodeLm` engine uses (asked for and remembered when none is named); undefined when the user cancels. */
export async function vscodeLmModel(deps: EngineDeps, settings: CekuraSettings): Promise<VscodeLmChatModel | undefined> {
	const models = await availableChatModels();
	const available = languageModelAvailability(models, settings.vscodeLmModel);
	if (!available.usable) throw available.error;
	let model = available.found;
	if (!settings.vscodeLmModel) {
		const picked = model ?? (await pickChatModel(deps.ui, models));
		if (!picked || isBack(picked)) return undefined;
		model = picked;
		await writeUserSetting(Settings.vscodeLmModel, model.id);
		deps.log.info(`Language model chosen: ${model.name} (${model.id}), remembered in ${Settings.section}.${Settings.vscodeLmModel}.`);
	}
	return model && new VscodeLmChatModel(model);
}

/** The language model to improve prompts with; as a step of the improve flow at `position`. */
export async function pickChatModel(ui: Ui, models: readonly vscode.LanguageModelChat[], position?: StepPosition): Promise<vscode.LanguageModelChat | Back | undefined> {
	const items = models.map((m) => ({ label: m.name, description: `${m.vendor} · ${m.family}`, detail: vscode.l10n.t('{0} input tokens', m.maxInputTokens.toLocaleString(vscode.env.language)), model: m }));
	const options = { id: QuickInputIds.chatModel, title: vscode.l10n.t('Cekura: Which language model should improve prompts?'), placeHolder: vscode.l10n.t('Your choice is remembered in cekura.vscodeLm.model'), ignoreFocusOut: true };
	const picked = await ui.pick(items, options, position);
	return isBack(picked) ? picked : picked?.model;
}
