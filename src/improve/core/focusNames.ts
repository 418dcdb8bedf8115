import type { Logger } from '../../core/logger';
import { errorMessage } from '../../core/errorMessage';
import type { CekuraClient } from './cekuraClient';
import { focusKey } from './checks/coverageCheck';
import { focusOptionsOf, type FocusOption } from './focusOptions';

/** The names of the runs' failures, as the coverage check reads them: 'metric:7' → 'Booking confirmed'. */
export function focusNamesOf(options: readonly FocusOption[]): Map<string, string> {
	return new Map(options.filter((o) => !o.unnamed).map((o) => [focusKey(o.kind === 'workflowMetric' ? 'metric' : 'category', o.id), o.name]));
}

/**
 * The names of the failures of `runIds`, read from Cekura (`runs/bulk`), for a flow that did not show the focus step
 * (Improve Again with the same runs). Never rejects: without names the coverage check names failures by number.
 */
export async function lookupFocusNames(client: CekuraClient, runIds: readonly number[], log: Logger): Promise<ReadonlyMap<string, string>> {
	try {
		return focusNamesOf(focusOptionsOf(await client.bulkRuns(runIds, new AbortController().signal)));
	} catch (err) {
		log.warn(`The names of the failures of runs ${runIds.join(', ')} could not be read, so the coverage check names them by number: ${errorMessage(err)}`);
		return new Map();
	}
}
