import * as l10n from '@vscode/l10n';
import { CekuraError } from './cekuraError';
import type { Proposal } from '../../core/proposal';
import { AUTO_FIRST, takesNote, usesModelKey, type EngineKind } from './engines/engineCatalog';
import type { ImproveEngine, ImproveInput } from './engines/engineTypes';
import { AGAIN, retryOnError, type ErrorPrompt } from './errorRecovery';
import type { Logger } from '../../core/logger';
import { withoutSecrets } from './engines/proposalSecrets';
import { draftFeed, type DraftReview } from './proposalDraft';

/** The engines a request can use; each reads the settings as they are when it is called. */
interface ProposalEngines {
	/** The engine the settings name (Cekura's under `auto`); undefined when the user cancels setting it up. */
	configured(): Promise<ImproveEngine | undefined>;
	/** Under `auto`, the model engine to use after Cekura answered `status` (404, 405, 410) to improve_prompt. */
	fallback(status: number | undefined): Promise<ImproveEngine | undefined>;
	/** Choose Improvement Engine…; resolves whether the user chose one. */
	choose(): Promise<boolean>;
}

/** What the request shows and asks. */
interface ProposalUi {
	errors: ErrorPrompt;
	/** Runs `task` under a cancellable progress notification that names `author`. */
	improving<R>(author: string, task: (signal: AbortSignal, report: (message: string) => void) => Promise<R>): PromiseLike<R>;
	/** The chosen engine cannot take the steering note: send without it ('without'), choose another engine, or stop. */
	noteUnsendable(note: string): PromiseLike<'without' | 'chooseEngine' | undefined>;
}

export interface ProposalRequestDeps {
	log: Logger;
	engines: ProposalEngines;
	ui: ProposalUi;
	/** The engine setting (`cekura.improve.engine`) as the request runs under it now. */
	engineSetting(): 'auto' | EngineKind;
	/** Reads the settings again: after the user acted on an error or chose another engine. */
	rereadSettings(): void;
	/** Every key a proposal must not hold (Cekura's as it is now, the model server's). */
	secrets(): Promise<readonly (string | undefined)[]>;
	/** Set API Key and Set Model API Key, asked by an error; each resolves whether a key was set. */
	setApiKey(): Promise<boolean>;
	setModelApiKey(): Promise<boolean>;
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
 *
 * With `drafts`, each attempt makes a draft review that an engine answering with edits fills as they arrive; `review`
 * gets it, to take it over. An attempt that ends otherwise (cancelled, failed, retried, fallen back, or a review
 * that did not take it over) closes its draft, so no stale draft stays open.
 */
export async function requestProposal<T, D extends DraftReview = DraftReview>(
	deps: ProposalRequestDeps,
	input: ImproveInput,
	review: (proposal: Proposal, draft: D | undefined) => Promise<T>,
	drafts?: (author: string) => D,
): Promise<T | undefined> {
	const { engines, log } = deps;
	// Setting an engine up can ask the user, or fail with an error that offers what helps: it happens in the loop.
	let nextEngine = (): Promise<ImproveEngine | undefined> => engines.configured();
	let engine: ImproveEngine | undefined;
	const reviewed = await retryOnError<PromiseSettledResult<T> | undefined>(
		async () => {
			engine ??= await nextEngine();
			if (!engine) return undefined;
			const current = engine;
			const sent = await withNoteSendable(deps, current, input);
			if (sent === AGAIN) {
				nextEngine = () => engines.configured();
				engine = undefined;
				return AGAIN;
			}
			if (!sent) return undefined;
			log.info(`Engine: ${current.author} (${current.kind}).`);
			return await deps.ui.improving(current.author, async (signal, report) => {
				const draft = drafts?.(current.author);
				try {
					const feed = draft && draftFeed(draft, report, await deps.secrets());
					const improved = feed ? current.improve(sent, AbortSignal.any([signal, draft.closed]), feed.report, feed.onDraft) : current.improve(sent, signal, report);
					const proposal = withoutSecrets(await improved, await deps.secrets());
					const [settled] = await Promise.allSettled([review(!takesNote(current.kind) && input.note ? { ...proposal, warnings: [...proposal.warnings, noteNotSent()] } : proposal, draft)]);
					return settled;
				} finally {
					await draft?.dispose();
				}
			});
		},
		{
			errors: deps.ui.errors,
			log,
			cancelled: 'Improvement cancelled; nothing was changed.',
			remedies: { setApiKey: deps.setApiKey, setModelApiKey: deps.setModelApiKey, chooseEngine: () => engines.choose() },
			keyedModel: () => usesModelKey(engine?.kind ?? deps.engineSetting()),
			handled: (err) => {
				if (deps.engineSetting() !== 'auto' || engine?.kind !== AUTO_FIRST || !(err instanceof CekuraError) || err.kind !== 'notOffered') return false;
				const status = err.status;
				nextEngine = () => engines.fallback(status);
				engine = undefined;
				return true;
			},
			beforeRetry: () => {
				deps.rereadSettings();
				nextEngine = () => engines.configured();
				engine = undefined;
			},
		},
	);
	if (reviewed?.status === 'rejected') throw reviewed.reason;
	return reviewed?.value;
}

const noteNotSent = (): string => l10n.t("Your note was not sent: Cekura's improve_prompt endpoint cannot take one. Choose a model engine to steer proposals with a note.");

/**
 * Cekura's endpoint has no field for a steering note. When the user chose Cekura's engine, ask before sending without
 * it; under `auto` the request goes ahead (a model that takes over after a 404 gets the note) and the review warns.
 * Resolves the input to send, AGAIN after the user chose another engine, or undefined to stop.
 */
async function withNoteSendable(deps: ProposalRequestDeps, engine: ImproveEngine, input: ImproveInput): Promise<ImproveInput | typeof AGAIN | undefined> {
	if (!input.note || takesNote(engine.kind) || deps.engineSetting() === 'auto') return input;
	const choice = await deps.ui.noteUnsendable(input.note);
	if (choice === 'without') {
		deps.log.info('The steering note is dropped: Cekura\'s improve_prompt cannot take one.');
		return { ...input, note: undefined };
	}
	if (choice === 'chooseEngine' && (await deps.engines.choose())) {
		deps.rereadSettings();
		return AGAIN;
	}
	return undefined;
}
