import * as fs from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';

/**
 * A Chrome performance trace of the workbench page, for finding where a UI figure's time goes (`E2E_TRACE=1`):
 * `stop` writes the trace events to `file`, with a user-timing mark `cekura-clock:<Date.now()>` to align them.
 */
export async function startPageTrace(page: Page): Promise<{ stop(file: string): Promise<void> }> {
	const cdp: CDPSession = await page.context().newCDPSession(page);
	const events: unknown[] = [];
	cdp.on('Tracing.dataCollected', (e: { value: unknown[] }) => events.push(...e.value));
	await cdp.send('Tracing.start', {
		transferMode: 'ReportEvents',
		traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'toplevel', 'disabled-by-default-devtools.timeline.frame', 'disabled-by-default-v8.cpu_profiler'] },
	});
	await page.evaluate('performance.mark("cekura-clock:" + Date.now())');
	return {
		async stop(file) {
			const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
			await cdp.send('Tracing.end');
			await done;
			await cdp.detach();
			fs.writeFileSync(file, JSON.stringify({ traceEvents: events }));
		},
	};
}
