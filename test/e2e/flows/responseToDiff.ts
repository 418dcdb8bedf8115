import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';

/** Where UI flows leave the times from an improve answer to its review diff on screen, for `npm run bench`. */
export const RESPONSE_TO_DIFF_FILE = path.join('test-results', 'e2e', 'response-to-diff.json');

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
 * `title`, it notes when each stage's element first appears (`Date.now()`), and the time of the first frame painted
 * after the modified side has a line (`requestAnimationFrame` runs just before that paint, a task queued from it
 * just after): `window.cekuraReviewDiffShownAt`.
 */
const WATCH = (title: string): string => `(() => {
	window.cekuraReviewDiffShownAt = undefined;
	window.cekuraReviewDiffStages = {};
	const title = ${JSON.stringify(title)};
	const stages = ${JSON.stringify(STAGES)};
	const group = '.part.editor .editor-group-container.active';
	const ours = () => [...document.querySelectorAll(group + ' .tab.active')].some((tab) => (tab.textContent || '').includes(title));
	const observer = new MutationObserver(() => {
		if (!ours()) return;
		const now = Date.now();
		for (const [name, selector] of stages) {
			if (window.cekuraReviewDiffStages[name] === undefined && document.querySelector(selector.split(', ').map((s) => group + ' ' + s).join(', '))) window.cekuraReviewDiffStages[name] = now;
		}
		if (window.cekuraReviewDiffStages['modified lines'] !== undefined && !window.cekuraPaintQueued) {
			window.cekuraPaintQueued = true;
			requestAnimationFrame(() => setTimeout(() => { window.cekuraReviewDiffShownAt = Date.now(); }, 0));
		}
		if (Object.keys(window.cekuraReviewDiffStages).length === stages.length) observer.disconnect();
	});
	window.cekuraPaintQueued = false;
	observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
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
 * The page's mark of the review diff on screen (`Date.now()` there) once `markReviewDiffShown`'s watch saw it, and
 * the stages on the way, in ms after `since`: `tab +412, diff editor +415, …`.
 */
export async function diffShownAt(page: Page, since?: number): Promise<{ at: number | undefined; stages: string }> {
	let at: number | undefined;
	for (let i = 0; i < 50 && at === undefined; i++) {
		const value = await page.evaluate('window.cekuraReviewDiffShownAt');
		if (typeof value === 'number') at = value;
		else await new Promise((resolve) => setTimeout(resolve, 20));
	}
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
