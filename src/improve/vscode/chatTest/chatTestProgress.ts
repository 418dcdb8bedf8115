import * as vscode from 'vscode';
import type { ChatTestProgress } from '../../core/chatTest/chatTestTypes';

/** "Testing proposal: 3 of 4 chats, turn 5", for the progress notification. */
export function progressText(progress: ChatTestProgress): string {
	switch (progress.phase) {
		case 'starting':
			return vscode.l10n.t('Testing proposal: starting {0} chats on Cekura…', progress.chatsTotal);
		case 'chatting':
			return vscode.l10n.t('Testing proposal: {0} of {1} chats, turn {2}', progress.chatsDone, progress.chatsTotal, progress.turn);
		case 'scoring':
			return vscode.l10n.t('Testing proposal: {0} chats ended, Cekura is scoring them…', progress.chatsTotal);
	}
}
