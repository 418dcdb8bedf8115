import * as vscode from 'vscode';
import { QuickInputIds, type QuickInputId } from '../core/quickInputIds';
import { SECRET_API_KEY, SECRET_MODEL_API_KEY } from '../constants';
import type { Log } from './log';
import { isBack, type Back, type StepPosition } from '../core/quickInputStep';
import type { InputBoxSpec } from './userInterface';
import type { Ui } from './ui';

/** Which key a store keeps, and how it asks for it. */
interface KeySpec {
	secret: string;
	/** "Cekura API key": for messages. */
	name: string;
	/** The id tests know its input box by. */
	inputId: QuickInputId;
	title: string;
	prompt: string;
	/** An empty answer removes the key (a local model server needs none) instead of being refused. */
	emptyAllowed: boolean;
}

export const CEKURA_KEY: KeySpec = {
	secret: SECRET_API_KEY,
	name: 'Cekura API key',
	inputId: QuickInputIds.apiKey,
	// Getters: a message is translated when it is shown, after VS Code has loaded the extension's l10n bundle.
	get title() { return vscode.l10n.t('Cekura: Set API Key'); },
	get prompt() { return vscode.l10n.t('Paste your Cekura API key (Cekura dashboard › Settings › API Keys). It is kept in VS Code\'s secret storage.'); },
	emptyAllowed: false,
};

export const MODEL_KEY: KeySpec = {
	secret: SECRET_MODEL_API_KEY,
	name: 'model API key',
	inputId: QuickInputIds.modelApiKey,
	get title() { return vscode.l10n.t('Cekura: Set Model API Key'); },
	get prompt() { return vscode.l10n.t('Paste the API key of your OpenAI-compatible server (sent as "Authorization: Bearer …" to cekura.openaiCompatible.baseUrl only). Leave it empty for a local server that needs none. It is kept in VS Code\'s secret storage.'); },
	emptyAllowed: true,
};

/** One API key, kept only in VS Code's SecretStorage and read at request time. */
export class ApiKeyStore {
	constructor(
		private readonly secrets: vscode.SecretStorage,
		private readonly log: Log,
		private readonly ui: Ui,
		readonly spec: KeySpec,
	) {}

	async get(): Promise<string | undefined> {
		const key = await this.secrets.get(this.spec.secret);
		if (key) this.log.addSecret(key);
		return key || undefined;
	}

	/**
	 * Asks for the key and stores it (an allowed empty answer removes it). Resolves undefined when the user cancels;
	 * as a step of a flow (`position`), BACK when they press Back.
	 */
	prompt(reason?: string): Promise<string | undefined>;
	prompt(reason: string | undefined, position: StepPosition): Promise<string | Back | undefined>;
	async prompt(reason?: string, position?: StepPosition): Promise<string | Back | undefined> {
		const box: InputBoxSpec = {
			id: this.spec.inputId,
			title: this.spec.title,
			prompt: `${reason ? `${reason} ` : ''}${this.spec.prompt}`,
			placeHolder: this.spec.emptyAllowed ? vscode.l10n.t('API key (optional)') : vscode.l10n.t('API key'),
			password: true,
			ignoreFocusOut: true,
			validateInput: (value) => {
				const trimmed = value.trim();
				if (!trimmed && !this.spec.emptyAllowed) return vscode.l10n.t('The API key cannot be empty.');
				if (/\s/.test(trimmed)) return vscode.l10n.t('An API key has no spaces or line breaks.');
				return undefined;
			},
		};
		const answer = await this.ui.ask(box, position);
		if (answer === undefined || isBack(answer)) return answer;
		const key = answer.trim();
		if (!key) {
			if (!this.spec.emptyAllowed) return undefined;
			await this.secrets.delete(this.spec.secret);
			this.log.info(`No ${this.spec.name}: none will be sent.`);
			return '';
		}
		this.log.addSecret(key);
		await this.secrets.store(this.spec.secret, key);
		this.log.info(`${capitalized(this.spec.name)} stored in secret storage.`);
		return key;
	}

	async clear(): Promise<boolean> {
		const had = (await this.secrets.get(this.spec.secret)) !== undefined;
		await this.secrets.delete(this.spec.secret);
		this.log.info(had ? `${capitalized(this.spec.name)} removed from secret storage.` : `No ${this.spec.name} was stored.`);
		return had;
	}
}

function capitalized(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
