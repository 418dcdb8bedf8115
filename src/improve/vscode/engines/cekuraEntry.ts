import * as vscode from 'vscode';
import { CekuraEngine } from '../../core/engines/cekuraEngine';
import { currentMark, type EngineEntry } from './engineEntry';

/** Cekura's improve_prompt: always set up once a Cekura request can start (the base URL and key are checked then). */
export const cekuraEntry: EngineEntry = {
	pickItems: async (settings) => {
		const host = settings.baseUrl.ok ? new URL(settings.baseUrl.url).host : 'cekura.apiBaseUrl';
		return [{ label: 'Cekura', description: currentMark(settings, 'cekura') + vscode.l10n.t('improve_prompt at {0}', host), detail: vscode.l10n.t('The prompt and run IDs go to Cekura, which rewrites the prompt.'), engine: 'cekura' }];
	},
	availability: async () => ({ usable: true, offer: 'Cekura', found: undefined }),
	create: async (_deps, _settings, cekura) => new CekuraEngine(cekura),
};
