import * as vscode from 'vscode';
import type { CekuraClient } from '../../core/cekuraClient';
import type { Availability } from '../../core/engines/engineAvailability';
import type { EngineSetting } from '../../core/engines/engineCatalog';
import type { ImproveEngine } from '../../core/engines/engineTypes';
import type { ApiKeyStore } from '../../../vscode/apiKeyStore';
import type { Log } from '../../../vscode/log';
import type { Ui } from '../../../vscode/ui';
import type { CekuraSettings } from '../settings';

/** What setting an engine up may use: the log, the UI to ask for a model, the model server's key. */
export interface EngineDeps {
	log: Log;
	ui: Ui;
	modelKeys: ApiKeyStore;
	version: string;
}

/** A row of Choose Improvement Engine…. */
export interface EngineItem extends vscode.QuickPickItem {
	engine?: EngineSetting;
	lmModel?: vscode.LanguageModelChat;
	setUpServer?: boolean;
}

/** One engine in the registry (`engineRegistry.ts`): everything the extension does with it that needs VS Code. */
export interface EngineEntry {
	/** Its rows in Choose Improvement Engine…, in the order shown (a separator first when it has a section). */
	pickItems(settings: CekuraSettings): Promise<EngineItem[]>;
	/** Whether it can be used now with these settings: its offer when Cekura does not offer improve_prompt, or why not. */
	availability(settings: CekuraSettings): Promise<Availability<unknown>>;
	/**
	 * The engine, set up from the settings (asking for a model when none is named, and remembering it); undefined when
	 * the user cancels. Rejects with the error that says why it cannot be used.
	 */
	create(deps: EngineDeps, settings: CekuraSettings, cekura: CekuraClient): Promise<ImproveEngine | undefined>;
}

/**
 * "current · " before the description of the row of the engine the settings name. The current choice is said in
 * words, which screen readers read too (an icon in the label is read as "check").
 */
export function currentMark(settings: CekuraSettings, engine: EngineSetting): string {
	return settings.engine === engine ? vscode.l10n.t('current · ') : '';
}
