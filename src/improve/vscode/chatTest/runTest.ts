import * as vscode from 'vscode';
import type { Log } from '../../../vscode/log';
import type { Review } from '../../../vscode/review/review';
import type { Ui } from '../../../vscode/ui';
import { runChatTest } from '../../core/chatTest/chatTest';
import type { AgentModel, ChatTestOutcome, ChatTestPlan, ChatTestProgress } from '../../core/chatTest/chatTestTypes';
import { throttled } from '../../core/throttle';
import { cekuraClient, type CekuraSession } from '../cekuraSession';
import { withCancellableProgress } from '../progress';
import { progressText } from './chatTestProgress';
import { forChatTest } from './chatTestErrors';
import type { TestsInFlight } from './testsInFlight';

/** How often the progress notification may change: 20 chats in flight report many turns a second. */
const PROGRESS_INTERVAL_MS = 100;

/**
 * The test under one progress notification with Cancel. Cancel, the window closing or an error ends every chat the
 * test started (`runChatTest` does, before it settles); a cancelled test rejects with a cancellation.
 */
export function runTest(deps: { log: Log; ui: Ui; version: string; tests: TestsInFlight }, session: CekuraSession, agent: AgentModel, plan: ChatTestPlan, review: Review): Promise<ChatTestOutcome> {
	const api = cekuraClient(deps, session);
	const title = vscode.l10n.t('Cekura: testing the proposal of {0} with {1}', review.sourceName, agent.label);
	return Promise.resolve(
		withCancellableProgress(deps.ui, title, (cancel, report) =>
			deps.tests.run(cancel, async (signal) => {
				const progress = throttled((p: ChatTestProgress) => report(progressText(p)), PROGRESS_INTERVAL_MS);
				try {
					return await runChatTest(plan, { api, agent, log: deps.log, clean: (text) => deps.log.redact(text) }, signal, (p) => progress.push(p));
				} catch (err) {
					throw forChatTest(err);
				} finally {
					progress.stop();
				}
			}),
		),
	);
}
