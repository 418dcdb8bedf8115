import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';

/** Where UI flows leave the times from an improve answer to its review diff on screen, for `npm run bench`. */
export const RESPONSE_TO_DIFF_FILE = path.join('test-results', 'e2e', 'response-to-diff.json');

/**
 * How long the fake servers take to write a proposal in the flows that measure: a real one takes seconds, and one
 * that answered at once would have the workbench still opening the progress notification when the answer arrives.
 */
export const WRITING_TIME_MS = 1000;

/** What the page notes on the way to the painted diff, in order: `[name, selector within the active editor group]`. */
const STAGES: [string, string][] = [
	['tab', '.tab.active'],
	['diff editor', '.monaco-diff-editor'],
	['original lines', '.monaco-diff-editor .editor.original .view-line'],
	['modified lines', '.monaco-diff-editor .editor.modified .view-line'],
	['changes marked', '.monaco-diff-editor .editor.modified .line-insert, .monaco-diff-editor .editor.modified .char-insert'],
];

/**
 * Runs in the page (a string: the test code is compiled without the DOM's types). Once the active tab is titled with
 * `title`, it notes when each stage's element first appears (`Date.now()`), and when the first frame that holds the
 * modified side's lines is painted: `window.cekuraReviewDiffShownAt`.
 *
 * VS Code renders editors in animation-frame callbacks, and the frame paints right after them: lines that appear in
 * one are painted at the end of that frame, so a task queued from there runs just after the paint. Lines that appear
 * in an ordinary task are painted in the next frame: its callback queues the task. A callback of our own, registered
 * first in every frame, tells the two apart; when it cannot (VS Code's callback ran first), the next frame is taken,
 * which can only make the figure larger.
 */
const WATCH = (title: string): string => `(() => {
	window.cekuraStopWatching?.();
	window.cekuraReviewDiffShownAt = undefined;
	window.cekuraReviewDiffStages = {};
	const title = ${JSON.stringify(title)};
	const stages = ${JSON.stringify(STAGES)};
	const group = '.part.editor .editor-group-container.active';
	const ours = () => [...document.querySelectorAll(group + ' .tab.active')].some((tab) => (tab.textContent || '').includes(title));
	let inFrame = false;
	let watching = true;
	const frame = () => {
		if (!watching) return;
		inFrame = true;
		setTimeout(() => { inFrame = false; }, 0);
		requestAnimationFrame(frame);
	};
	requestAnimationFrame(frame);
	const painted = () => setTimeout(() => { window.cekuraReviewDiffShownAt = Date.now(); watching = false; }, 0);
	let paintQueued = false;
	const observer = new MutationObserver(() => {
		if (!ours()) return;
		const now = Date.now();
		for (const [name, selector] of stages) {
			if (window.cekuraReviewDiffStages[name] === undefined && document.querySelector(selector.split(', ').map((s) => group + ' ' + s).join(', '))) window.cekuraReviewDiffStages[name] = now;
		}
		if (window.cekuraReviewDiffStages['modified lines'] !== undefined && !paintQueued) {
			paintQueued = true;
			if (inFrame) painted();
			else requestAnimationFrame(painted);
		}
		if (Object.keys(window.cekuraReviewDiffStages).length === stages.length) observer.disconnect();
	});
	observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
	// A watch whose diff never came (a failed flow) stops when the next one starts.
	window.cekuraStopWatching = () => { watching = false; observer.disconnect(); };
})()`;

/**
 * Starts watching the workbench for the review diff titled with `titleSubstring`: the page itself notes when the
 * diff is painted (a performance mark, where Playwright's polling would add its intervals to the figure). Call it
 * before the request goes out; `diffShownAt` reads the mark once the diff is visible.
 */
export async function markReviewDiffShown(page: Page, titleSubstring: string): Promise<void> {
	await page.evaluate(WATCH(titleSubstring));
}

/**
 * Waits for the page's mark of the review diff painted. The page is only asked now and then: Playwright's own
 * waiting checks the page in every frame, work that would be counted in the figure.
 */
export async function waitForReviewDiffShown(page: Page, titleSubstring: string, timeoutMs = 30_000): Promise<void> {
	try {
		await page.waitForFunction('window.cekuraReviewDiffShownAt !== undefined', undefined, { polling: 200, timeout: timeoutMs });
	} catch (err) {
		throw new Error(`the review diff "${titleSubstring}" was not painted within ${timeoutMs / 1000} s: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
	}
}

/**
 * The page's mark of the review diff on screen (`Date.now()` there) once `markReviewDiffShown`'s watch saw it, and
 * the stages on the way, in ms after `since`: `tab +412, diff editor +415, …`. Call it after `waitForReviewDiffShown`.
 */
export async function diffShownAt(page: Page, since?: number): Promise<{ at: number | undefined; stages: string }> {
	const value = await page.evaluate('window.cekuraReviewDiffShownAt');
	const at = typeof value === 'number' ? value : undefined;
	const marks = (await page.evaluate('window.cekuraReviewDiffStages')) as Record<string, number> | undefined;
	const stages = STAGES.map(([name]) => `${name} ${marks?.[name] === undefined || since === undefined ? '–' : `+${marks[name] - since}`}`).join(', ');
	return { at, stages: `${stages}, painted ${at === undefined || since === undefined ? '–' : `+${at - since}`}` };
}

/**
 * Records how long the workbench took from the moment the server finished sending the proposal (`answeredAt`) to
 * the review diff being painted (`shownAt`, the page's mark): the servers run in this process and the browser on
 * the same machine, so both read the same clock.
 */
export function recordResponseToDiff(shotsDir: string, answeredAt: number | undefined, shownAt: number | undefined, flow: string): number | undefined {
	if (answeredAt === undefined || shownAt === undefined) return undefined;
	const file = path.join(shotsDir, path.basename(RESPONSE_TO_DIFF_FILE));
	const samples = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { flow: string; ms: number }[]) : [];
	const ms = shownAt - answeredAt;
	samples.push({ flow, ms });
	fs.writeFileSync(file, `${JSON.stringify(samples, null, '\t')}\n`);
	return ms;
}
