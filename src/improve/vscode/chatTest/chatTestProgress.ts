import * as vscode from 'vscode';
import type { ChatTestProgress } from '../../core/chatTest/chatTestTypes';

/** "3 of 4 chats, turn 5", after the progress notification's title ("Cekura: testing the proposal of prompt.md with gpt-4.1 via VS Code"). */
export function progressText(progress: ChatTestProgress): string {
	switch (progress.phase) {
		case 'starting':
			return vscode.l10n.t('starting {0} chats on Cekura…', progress.chatsTotal);
		case 'chatting':
			return vscode.l10n.t('{0} of {1} chats, turn {2}', progress.chatsDone, progress.chatsTotal, progress.turn);
		case 'scoring':
			return vscode.l10n.t('{0} chats ended, Cekura is scoring them…', progress.chatsTotal);
	}
}
