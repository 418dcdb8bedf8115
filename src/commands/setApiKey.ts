import * as vscode from 'vscode';
import type { ApiKeyStore } from '../vscode/apiKeyStore';

export async function setApiKey(keys: ApiKeyStore): Promise<void> {
	if (await keys.prompt()) {
		vscode.window.setStatusBarMessage(vscode.l10n.t('$(key) Cekura: API key saved in secret storage.'), 5000);
	}
}
