import * as vscode from 'vscode';
import { SECRET_API_KEY } from '../constants';
import type { Log } from './log';
import type { Ui } from './userInterface';

/** The Cekura API key, kept only in VS Code's SecretStorage and read at request time. */
export class ApiKeyStore {
	constructor(
		private readonly secrets: vscode.SecretStorage,
		private readonly log: Log,
		private readonly ui: Ui,
	) {}

	async get(): Promise<string | undefined> {
		const key = await this.secrets.get(SECRET_API_KEY);
		if (key) this.log.addSecret(key);
		return key || undefined;
	}

	/** Asks for a key and stores it. Returns undefined when the user cancels. */
	async prompt(reason?: string): Promise<string | undefined> {
		const key = (
			await this.ui.window.showInputBox({
				title: 'Cekura: Set API Key',
				prompt: `${reason ? `${reason} ` : ''}Paste your Cekura API key (Cekura dashboard › Settings › API Keys). It is kept in VS Code's secret storage.`,
				placeHolder: 'Cekura API key',
				password: true,
				ignoreFocusOut: true,
				validateInput: (value) => {
					const trimmed = value.trim();
					if (!trimmed) return 'The API key cannot be empty.';
					if (/\s/.test(trimmed)) return 'An API key has no spaces or line breaks.';
					return undefined;
				},
			})
		)?.trim();
		if (!key) return undefined;
		this.log.addSecret(key);
		await this.secrets.store(SECRET_API_KEY, key);
		this.log.info('API key stored in secret storage.');
		return key;
	}

	async clear(): Promise<boolean> {
		const had = (await this.secrets.get(SECRET_API_KEY)) !== undefined;
		await this.secrets.delete(SECRET_API_KEY);
		this.log.info(had ? 'API key removed from secret storage.' : 'Clear API Key: no key was stored.');
		return had;
	}
}
