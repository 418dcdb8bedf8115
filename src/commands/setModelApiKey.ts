import * as vscode from 'vscode';
import type { ApiKeyStore } from '../vscode/apiKeyStore';

export async function setModelApiKey(modelKeys: ApiKeyStore): Promise<void> {
	const key = await modelKeys.prompt();
	if (key === undefined) return;
	vscode.window.setStatusBarMessage(key ? vscode.l10n.t('$(key) Cekura: model API key saved in secret storage.') : vscode.l10n.t('$(key) Cekura: no model API key will be sent.'), 5000);
}
