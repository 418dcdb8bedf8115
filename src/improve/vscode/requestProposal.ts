import * as vscode from 'vscode';
import { isCancellation } from '../../core/cancellation';
import { CekuraError } from '../core/cekuraError';
import { AUTO_FIRST, takesNote, usesModelKey } from '../core/engines/engineCatalog';
import type { ImproveEngine, ImproveInput } from '../core/engines/engineTypes';
import type { Proposal } from '../../core/proposal';
import { withoutSecrets } from '../core/engines/proposalSecrets';
import type { ApiKeyStore } from '../../vscode/apiKeyStore';
import { createCekuraClient } from './cekuraClientFactory';
import type { EngineSelection } from './engines/engineSelection';
import { showError } from './errorNotification';
import type { Log } from '../../vscode/log';
import { withCancellableProgress } from './progress';
import type { ReviewManager } from '../../vscode/review/reviewManager';
import { openSettings, readSettings, type CekuraSettings } from './settings';
import type { Ui } from '../../vscode/userInterface';

export interface ProposalDeps {
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

/** Where requests go and with which key; Set API Key during a request updates it. */
export interface CekuraSession {
	settings: CekuraSettings;
	baseUrl: string;
	apiKey: string;
}

/** The settings and the Cekura key to start a request with; undefined (after saying why) when there are none. */
export async function startSession(deps: Pick<ProposalDeps, 'keys' | 'log' | 'ui'>): Promise<CekuraSession | undefined> {
	const { keys, log, ui } = deps;
	const settings = readSettings();
	if (!settings.baseUrl.ok) {
		log.error(settings.baseUrl.message);
		const open = vscode.l10n.t('Open Settings');
		if ((await ui.message('error', vscode.l10n.t('Cekura: {0}', settings.baseUrl.message), open)) === open) await openSettings();
		return undefined;
	}
	const apiKey = (await keys.get()) ?? (await keys.prompt(vscode.l10n.t('No Cekura API key is set yet.')));
	return apiKey ? { settings, baseUrl: settings.baseUrl.url, apiKey } : undefined;
}

export function cekuraClient(deps: Pick<ProposalDeps, 'log' | 'version'>, session: CekuraSession): ReturnType<typeof createCekuraClient> {
	return createCekuraClient(session.baseUrl, session.apiKey, session.settings.improveTimeoutMs, deps.log, deps.version);
}

/**
 * Has the configured engine rewrite `input` under a cancellable progress notification, and hands the proposal to
 * `review`. Under `auto`, falls back to a model when Cekura does not offer improve_prompt; errors offer what helps
 * (Set API Key, Retry, Choose Engine…) and the request is made again after the user acted. Resolves what `review`
 * resolved (its errors are not the engine's: they are thrown as they are), or undefined when the user cancelled or
 * gave up.
 *
 * `review` runs while the notification is still up, which closes when `review` is done: closed first, the workbench
 * would close it before it opens the review diff, and closed while the diff opens, it would take the diff's frames.
 */
export async function requestProposal<T>(deps: ProposalDeps, session: CekuraSession, input: ImproveInput, review: (proposal: Proposal) => Promise<T>): Promise<T | undefined> {
	const { log, ui } = deps;
	const client = (): ReturnType<typeof createCekuraClient> => cekuraClient(deps, session);
	// Setting an engine up can ask the user, or fail with an error that offers what helps: it happens in the loop.
	let nextEngine = (): Promise<ImproveEngine | undefined> => deps.engines.configured(session.settings, client());
	let engine: ImproveEngine | undefined;
	for (;;) {
		let reviewed: PromiseSettledResult<T> | undefined;
		try {
			engine ??= await nextEngine();
			if (!engine) return undefined;
			const current = engine;
			const sent = await withNoteSendable(deps, session, current, input);
			if (sent === 'chooseEngine') {
				nextEngine = () => deps.engines.configured(session.settings, client());
				engine = undefined;
				continue;
			}
			if (!sent) return undefined;
			log.info(`Engine: ${current.author} (${current.kind}).`);
			reviewed = await withCancellableProgress(vscode.l10n.t('Cekura: improving the prompt with {0}', current.author), async (signal, report) => {
				const proposal = withoutSecrets(await current.improve(sent, signal, report), [session.apiKey, await deps.modelKeys.get()]);
				const [settled] = await Promise.allSettled([review(!takesNote(current.kind) && input.note ? { ...proposal, warnings: [...proposal.warnings, noteNotSent()] } : proposal)]);
				return settled;
			});
		} catch (err) {
			if (isCancellation(err)) {
				log.info('Improvement cancelled; nothing was changed.');
				return undefined;
			}
			if (session.settings.engine === 'auto' && engine?.kind === AUTO_FIRST && err instanceof CekuraError && err.kind === 'notOffered') {
				const status = err.status;
				const asked = session.settings;
				nextEngine = () => deps.engines.fallback(asked, client(), status);
				engine = undefined;
				continue;
			}
			const action = await showError(err, log, ui, usesModelKey(engine?.kind ?? session.settings.engine));
			if (action === 'setApiKey') {
				const key = await deps.keys.prompt();
				if (!key) return undefined;
				session.apiKey = key;
			} else if (action === 'setModelApiKey') {
				if ((await deps.modelKeys.prompt()) === undefined) return undefined;
			} else if (action === 'chooseEngine') {
				if (!(await deps.engines.choose())) return undefined;
			} else if (action !== 'retry') {
				return undefined;
			}
			session.settings = readSettings();
			nextEngine = () => deps.engines.configured(session.settings, client());
			engine = undefined;
			continue;
		}
		if (reviewed.status === 'rejected') throw reviewed.reason;
		return reviewed.value;
	}
}

const noteNotSent = (): string => vscode.l10n.t("Your note was not sent: Cekura's improve_prompt endpoint cannot take one. Choose a model engine to steer proposals with a note.");

/**
 * Cekura's endpoint has no field for a steering note. When the user chose Cekura's engine, ask before sending without
 * it; under `auto` the request goes ahead (a model that takes over after a 404 gets the note) and the review warns.
 * Resolves the input to send, 'chooseEngine' after the user picked another engine, or undefined to stop.
 */
async function withNoteSendable(deps: ProposalDeps, session: CekuraSession, engine: ImproveEngine, input: ImproveInput): Promise<ImproveInput | 'chooseEngine' | undefined> {
	if (!input.note || takesNote(engine.kind) || session.settings.engine === 'auto') return input;
	const without = vscode.l10n.t('Improve Without the Note');
	const choose = vscode.l10n.t('Choose Improvement Engine…');
	const choice = await deps.ui.message('warning', vscode.l10n.t("Cekura: Cekura's improve_prompt endpoint cannot take a steering note, so \"{0}\" cannot be sent with this request. A model engine can send it.", input.note), without, choose);
	if (choice === without) {
		deps.log.info('The steering note is dropped: Cekura\'s improve_prompt cannot take one.');
		return { ...input, note: undefined };
	}
	if (choice === choose && (await deps.engines.choose())) {
		session.settings = readSettings();
		return 'chooseEngine';
	}
	return undefined;
}
