import * as fs from 'node:fs';
import * as path from 'node:path';
import { EDIT_TO_REVIEW_FILE } from '../e2e/flows/streamedEdits';

/**
 * The bench row of issue 19's goal for streamed edits: from the first complete edit in the model's stream (written
 * by the local model server at a model's pace, 50 tokens/s) to the review painted in the real VS Code, as the UI flow
 * `streamedEdits` measured it.
 */
export function editToReview(root: string): { what: string; goal: string; values: number[]; unit: 'ms'; judge: 'median'; limit: number; note?: string } {
	const file = path.join(root, EDIT_TO_REVIEW_FILE);
	const what = 'first complete edit in the stream (model at 50 tokens/s) → review painted, real VS Code (page mark, last UI run)';
	const row = { what, goal: '≤ 300 ms', unit: 'ms' as const, judge: 'median' as const, limit: 300 };
	if (!fs.existsSync(file)) return { ...row, values: [], note: `no figures: run E2E_FLOWS=streamedEdits npm run test:e2e, which writes ${EDIT_TO_REVIEW_FILE}` };
	const samples = JSON.parse(fs.readFileSync(file, 'utf8')) as { ms: number }[];
	return { ...row, what: `${what}, n=${samples.length}`, values: samples.map((s) => s.ms) };
}
