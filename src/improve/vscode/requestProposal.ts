import * as vscode from 'vscode';
import type { ImproveInput } from '../core/engines/engineTypes';
import type { DraftReview } from '../core/proposalDraft';
import type { Proposal } from '../../core/proposal';
import type { CekuraClient } from '../core/cekuraClient';
import { requestProposal as request } from '../core/proposalRequest';
import type { ApiKeyStore } from '../../vscode/apiKeyStore';
import { cekuraClient, type CekuraSession } from './cekuraSession';
import type { EngineSelection } from './engines/engineSelection';
import { errorNotifications } from './errorNotification';
import type { Log } from '../../vscode/log';
import { withCancellableProgress } from './progress';
import type { ReviewManager } from '../../vscode/review/reviewManager';
import { readSettings } from './settings';
import type { Ui } from '../../vscode/ui';

interface ProposalDeps {
	keys: ApiKeyStore;
	modelKeys: ApiKeyStore;
	engines: EngineSelection;
	log: Log;
	ui: Ui;
	version: string;
}

/** What the commands that end in a review (Improve Prompt from Runs…, Improve Again) work with. */
export interface ImproveFlowDeps extends ProposalDeps {
	reviews: ReviewManager;
	workspaceState: vscode.Memento;
}

/**
 * The request loop of `core/proposalRequest.ts` (engine, Retry, `auto`'s fallback, the steering note) in VS Code:
 * its progress notification, messages, key prompts and engines. Set API Key updates `session`'s key, and acting on an
 * error reads the settings again into it. With `drafts`, a proposal that arrives edit by edit streams into a draft
 * review, which `review` takes over.
 */
export function requestProposal<T, D extends DraftReview>(
	deps: ProposalDeps,
	session: CekuraSession,
	input: ImproveInput,
	review: (proposal: Proposal, draft: D | undefined) => Promise<T>,
	drafts?: (author: string) => D,
): Promise<T | undefined> {
	const { engines, keys, log, modelKeys, ui } = deps;
	const client = (): CekuraClient => cekuraClient(deps, session);
	return request(
		{
			log,
			engines: {
				configured: () => engines.configured(session.settings, client()),
				fallback: (status) => engines.fallback(session.settings, client(), status),
				choose: () => engines.choose(),
			},
			ui: {
				errors: errorNotifications(log, ui),
				improving: (author, task) => withCancellableProgress(vscode.l10n.t('Cekura: improving the prompt with {0}', author), task, ui),
				noteUnsendable: (note) => askNoteUnsendable(ui, note),
			},
			engineSetting: () => session.settings.engine,
			rereadSettings: () => {
				session.settings = readSettings();
			},
			secrets: async () => [session.apiKey, await modelKeys.get()],
			setApiKey: async () => {
				const key = await keys.prompt();
				if (key) session.apiKey = key;
				return !!key;
			},
			setModelApiKey: async () => (await modelKeys.prompt()) !== undefined,
		},
		input,
		review,
		drafts,
	);
}

async function askNoteUnsendable(ui: Ui, note: string): Promise<'without' | 'chooseEngine' | undefined> {
	const without = vscode.l10n.t('Improve Without the Note');
	const choose = vscode.l10n.t('Choose Improvement Engine…');
	const choice = await ui.message('warning', vscode.l10n.t("Cekura: Cekura's improve_prompt endpoint cannot take a steering note, so \"{0}\" cannot be sent with this request. A model engine can send it.", note), without, choose);
	return choice === without ? 'without' : choice === choose ? 'chooseEngine' : undefined;
}
