import * as vscode from 'vscode';
import type { ApiKeyStore } from '../vscode/apiKeyStore';
import type { Ui } from '../vscode/ui';

export async function clearApiKey(keys: ApiKeyStore, ui: Ui): Promise<void> {
	const had = await keys.clear();
	ui.notify('info', had ? vscode.l10n.t('Cekura: API key removed from this machine\'s secret storage.') : vscode.l10n.t('Cekura: no API key was stored.'));
}
