import * as vscode from 'vscode';
import type { ChatModel, ConversationTurn } from '../../core/engines/chatModel';
import { errorMessage } from '../../../core/errorMessage';
import { ModelError } from '../../core/modelError';

const JUSTIFICATION = (): string => vscode.l10n.t('Cekura Prompt Improver sends the prompt you selected and the evidence of the test runs you chose, to propose an improved prompt.');

const TEST_JUSTIFICATION = (): string => vscode.l10n.t('Cekura Prompt Improver tests a proposed prompt in simulated chats: the model plays the agent with the prompt under test, and Cekura plays the caller.');

/** A model of VS Code's Language Model API (GitHub Copilot's, or another extension's), as the model engine sees it. */
export class VscodeLmChatModel implements ChatModel {
	readonly label: string;
	readonly maxInputTokens: number;
	/** VS Code reports the input limit alone. */
	readonly sharedWithOutput = false;

	constructor(private readonly model: vscode.LanguageModelChat) {
		this.label = `${model.name} via VS Code`;
		this.maxInputTokens = model.maxInputTokens;
	}

	async countTokens(text: string, signal: AbortSignal): Promise<number> {
		const cancellation = cancellationOf(signal);
		try {
			return await this.model.countTokens(text, cancellation.token);
		} finally {
			cancellation.dispose();
		}
	}

	async complete(instructions: string, request: string, signal: AbortSignal, onText: (receivedChars: number, piece?: string) => void): Promise<{ text: string }> {
		// The API has no system role: the instructions open the one user message.
		const messages = [vscode.LanguageModelChatMessage.User(`${instructions}\n\n${request}`)];
		return { text: await this.send(messages, JUSTIFICATION(), signal, onText) };
	}

	converse(system: string, messages: readonly ConversationTurn[], signal: AbortSignal): Promise<string> {
		// No system role here either: the system prompt is the first User message, then the conversation's turns.
		const chat = [
			vscode.LanguageModelChatMessage.User(system),
			...messages.map((m) => (m.role === 'user' ? vscode.LanguageModelChatMessage.User(m.content) : vscode.LanguageModelChatMessage.Assistant(m.content))),
		];
		return this.send(chat, TEST_JUSTIFICATION(), signal, () => undefined);
	}

	private async send(messages: vscode.LanguageModelChatMessage[], justification: string, signal: AbortSignal, onText: (receivedChars: number, piece?: string) => void): Promise<string> {
		const cancellation = cancellationOf(signal);
		let text = '';
		try {
			const response = await this.model.sendRequest(messages, { justification }, cancellation.token);
			for await (const part of response.text) {
				if (signal.aborted) break;
				text += part;
				onText(text.length, part);
			}
		} catch (err) {
			throw this.modelError(err, signal);
		} finally {
			cancellation.dispose();
		}
		if (signal.aborted) throw new ModelError('cancelled', 'Cancelled.');
		return text;
	}

	private modelError(err: unknown, signal: AbortSignal): ModelError {
		if (signal.aborted || err instanceof vscode.CancellationError) return new ModelError('cancelled', 'Cancelled.', { cause: err });
		const name = this.label;
		if (err instanceof vscode.LanguageModelError) {
			switch (err.code) {
				case vscode.LanguageModelError.NoPermissions.name:
					return new ModelError('forbidden', vscode.l10n.t('VS Code did not let Cekura Prompt Improver use {0} ({1}). Allow it when VS Code asks, or choose another engine.', name, err.message || vscode.l10n.t('permission not given')), { cause: err });
				case vscode.LanguageModelError.Blocked.name:
					return new ModelError('throttled', vscode.l10n.t('{0} refused the request: the quota is used up or a policy blocks it ({1}). Try again later, or choose another engine.', name, err.message || vscode.l10n.t('blocked')), { cause: err });
				case vscode.LanguageModelError.NotFound.name:
					return new ModelError('noModel', vscode.l10n.t('{0} is no longer available ({1}). Choose another engine or model.', name, err.message || vscode.l10n.t('not found')), { cause: err });
			}
		}
		return new ModelError('server', `${name} failed: ${errorMessage(err)}`, { cause: err });
	}
}

function cancellationOf(signal: AbortSignal): vscode.CancellationTokenSource {
	const source = new vscode.CancellationTokenSource();
	if (signal.aborted) source.cancel();
	else signal.addEventListener('abort', () => source.cancel(), { once: true });
	return source;
}
