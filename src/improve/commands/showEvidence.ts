import * as vscode from 'vscode';
import type { Run } from '../../core/apiTypes';
import { isCancellation } from '../../core/cancellation';
import { CekuraError } from '../core/cekuraError';
import type { CekuraClient } from '../core/cekuraClient';
import { cekuraClient, startSession, type CekuraSession } from '../vscode/cekuraSession';
import { errorMessage } from '../../core/errorMessage';
import { retryOnError } from '../core/errorRecovery';
import { isCekuraApi, renderEvidenceMarkdown } from '../core/evidenceMarkdown';
import type { ApiKeyStore } from '../../vscode/apiKeyStore';
import { errorNotifications } from '../vscode/errorNotification';
import type { Log } from '../../vscode/log';
import { withCancellableProgress } from '../vscode/progress';
import type { EvidenceDocuments } from '../../vscode/review/evidenceDocuments';
import type { Review } from '../../vscode/review/review';
import type { ReviewManager } from '../../vscode/review/reviewManager';
import type { Ui } from '../../vscode/ui';

interface ShowEvidenceDeps {
	keys: ApiKeyStore;
	reviews: ReviewManager;
	evidence: EvidenceDocuments;
	log: Log;
	ui: Ui;
	version: string;
}

/** Show Evidence under way, per review. */
const pending = new WeakMap<Review, Promise<void>>();

/**
 * Cekura: Show Evidence. The evidence of the review's runs (read from Cekura once per review) as a read-only
 * Markdown page in VS Code's Markdown preview, beside the review's diff.
 */
export async function showEvidence(deps: ShowEvidenceDeps, uri?: unknown): Promise<void> {
	const review = await deps.reviews.choose(uri, vscode.l10n.t('Cekura: Show the evidence of which review?'));
	if (!review) return;
	// A second click while the evidence is being read and opened waits for the first rather than doing it again.
	let showing = pending.get(review);
	if (!showing) {
		showing = show(deps, review).finally(() => pending.delete(review));
		pending.set(review, showing);
	}
	await showing;
}

async function show(deps: ShowEvidenceDeps, review: Review): Promise<void> {
	if (!deps.evidence.has(review)) {
		const markdown = await readEvidence(deps, review);
		if (markdown === undefined) return;
		if (!deps.reviews.openReviews.includes(review)) {
			deps.ui.notify('info', vscode.l10n.t('Cekura: the review of {0} is already closed.', review.sourceName));
			return;
		}
		deps.evidence.set(review, markdown);
	}
	// The preview opens beside the active editor: make the review's diff the active one first.
	await vscode.commands.executeCommand('vscode.diff', review.originalUri, review.improvedUri, review.title, { preview: false });
	const page = deps.evidence.uriOf(review);
	try {
		await vscode.commands.executeCommand('markdown.showPreviewToSide', page);
	} catch (err) {
		// VS Code's Markdown extension (built in) can be disabled: then the page is shown as Markdown text.
		deps.log.warn(`The Markdown preview is not available (${errorMessage(err)}); showing the evidence as text.`);
		await vscode.window.showTextDocument(page, { viewColumn: vscode.ViewColumn.Beside, preview: false });
	}
	deps.log.info(`Review ${review.id}: evidence of runs ${review.runIds.join(', ')} shown.`);
}

/** The evidence page of `review`, read from Cekura under a cancellable progress; undefined when cancelled or given up. */
function readEvidence(deps: ShowEvidenceDeps, review: Review): Promise<string | undefined> {
	const { keys, log, ui } = deps;
	return retryOnError(
		async () => {
			// Read again on every attempt: Set API Key or a settings change may be what the last error asked for.
			const session = await startSession(deps);
			if (!session) return undefined;
			const { settings, baseUrl } = session;
			const { runs, projects } = await readRuns(deps, session, review);
			const missing = review.runIds.filter((id) => !runs.some((run: Run) => run.id === id));
			log.info(`Review ${review.id}: read ${runs.length} of ${review.runIds.length} runs for the evidence${missing.length ? `; Cekura sent none for ${missing.join(', ')}` : ''}.`);
			const projectId = settings.projectId;
			const projectIdOf = (run: Run): number | undefined => (typeof run.agent === 'number' ? projects.get(run.agent) : undefined) ?? projectId;
			return renderEvidenceMarkdown({
				sourceName: review.sourceName,
				author: review.author,
				runIds: review.runIds,
				runs,
				baseUrl,
				projectIdOf,
				clean: (text) => ui.redact(text),
			});
		},
		{
			errors: errorNotifications(log, ui),
			log,
			cancelled: 'Reading the evidence cancelled.',
			remedies: { setApiKey: async () => !!(await keys.prompt()) },
		},
	);
}

/** The review's runs and the projects of their agents, read under a cancellable progress. */
async function readRuns(deps: ShowEvidenceDeps, session: CekuraSession, review: Review): Promise<{ runs: Run[]; projects: Map<number, number> }> {
	const client = cekuraClient(deps, session);
	try {
		return await withCancellableProgress(vscode.l10n.t('Cekura: reading the evidence of runs {0}', review.runIds.join(', ')), async (signal) => {
			const runs = await client.bulkRuns(review.runIds, signal);
			// Only Cekura's own runs link to its web app, and a link needs the project of the run's agent.
			const projects = isCekuraApi(session.baseUrl) ? await agentProjects(client, runs, signal, deps.log) : new Map<number, number>();
			return { runs, projects };
		});
	} catch (err) {
		throw forEvidence(err, review.runIds);
	}
}

/** The project of each agent the runs belong to; an agent whose project cannot be read gets no link, nothing worse. */
async function agentProjects(client: CekuraClient, runs: readonly Run[], signal: AbortSignal, log: Log): Promise<Map<number, number>> {
	const projects = new Map<number, number>();
	const agents = [...new Set(runs.map((run) => run.agent).filter((id): id is number => typeof id === 'number'))];
	for (const agent of agents) {
		try {
			const project = await client.agentProject(agent, signal);
			if (project !== undefined) projects.set(agent, project);
		} catch (err) {
			if (isCancellation(err)) throw err;
			log.warn(`The project of agent ${agent} could not be read, so its runs are not linked to Cekura's dashboard: ${errorMessage(err)}`);
		}
	}
	return projects;
}

/**
 * A 404 to the run details means the server has no such endpoint or runs: choosing another improvement engine
 * would not help, checking the server setting may.
 */
function forEvidence(err: unknown, runIds: readonly number[]): unknown {
	if (err instanceof CekuraError && err.kind === 'notOffered') {
		return new CekuraError('invalidResponse', vscode.l10n.t('Cekura could not find the details of runs {0} (HTTP {1}): the runs may have been deleted, or cekura.apiBaseUrl points at another server.', runIds.join(', '), err.status ?? '?'), { status: err.status, cause: err });
	}
	return err;
}
