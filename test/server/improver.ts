import { isFailedBinaryMetric, type SeedRun } from './seedData';

export interface ImproveResult {
	improved_prompt: string;
	summary_of_changes: string;
}

export const RULES_HEADING = '## Rules learned from test runs';
export const NO_CHANGES_SUMMARY = 'No changes needed: the selected runs show no failures this prompt can address.';

/** Rewrites a sentence in place when the prompt contains `find`. */
interface Rewrite {
	find: string;
	replace: string;
}

interface Fix {
	rule: string;
	rewrite?: Rewrite;
}

const KEEP_CALLS_SHORT: Rewrite = {
	find: 'Keep calls short.',
	replace: 'Keep calls short, but never end the call before the caller has confirmed the booking.',
};
const EXISTING_APPOINTMENT: Rewrite = {
	find: 'If the caller asks about an existing appointment, look it up and tell them the time.',
	replace: 'If the caller asks about an existing appointment, first verify their full name and date of birth, then look it up and tell them the time.',
};
const TAKE_ORDER: Rewrite = {
	find: 'Take the order quickly.',
	replace: 'Take the order quickly, then read the whole order back item by item and wait for the caller to confirm it.',
};
const DELIVERY_TIME: Rewrite = {
	find: 'Tell callers their pizza will arrive in 30 minutes.',
	replace: 'Tell callers the delivery estimate that `create_order` returns, and never promise a time it did not return.',
};
const ADD_ON: Rewrite = {
	find: 'Suggest one add-on (garlic knots, a two-liter soda or tiramisu) when the order is complete.',
	replace: 'Suggest one add-on (garlic knots, a two-liter soda or tiramisu) when the order is complete, and never repeat the offer after the caller declines.',
};
const REASSURE: Rewrite = {
	find: 'Reassure the caller that most symptoms can wait until the morning.',
	replace: 'Reassure the caller only after you have asked about red-flag symptoms; never suggest waiting until the morning before that check.',
};
const CLOSING_SUMMARY: Rewrite = {
	find: 'Summarise what will happen next.',
	replace: 'Summarise what will happen next, and read back the callback number you were given.',
};

/** Fixed phrasing per seeded binary workflow metric. */
const METRIC_FIXES: Record<number, Fix> = {
	7: { rule: 'Before ending any call in which an appointment was booked or moved, read back the date and time and wait for the caller to confirm.', rewrite: KEEP_CALLS_SHORT },
	8: { rule: "Before sharing or changing any appointment, verify the caller's full name and date of birth against the patient record.", rewrite: EXISTING_APPOINTMENT },
	9: { rule: 'When the requested time is not available, offer at least two alternative slots before suggesting that the caller call back.' },
	10: { rule: "Before quoting any price, ask for the caller's insurance provider and member ID, and say the quote is an estimate until coverage is checked." },
	14: { rule: 'Before placing an order, read the full order back item by item, including sizes, crusts and toppings, and wait for the caller to confirm.', rewrite: TAKE_ORDER },
	15: { rule: 'For delivery orders, collect the street address, apartment number and cross street, and repeat the address back before placing the order.' },
	16: { rule: 'Before ending the call, state the order total including tax and the delivery fee.' },
	17: { rule: 'Give delivery or pickup times only from the order system, and say they are estimates.', rewrite: DELIVERY_TIME },
	20: { rule: "At the start of every symptom call, ask about red-flag symptoms (chest pain, trouble breathing, heavy bleeding, confusion, a child's fever above 104 °F) before giving any other guidance.", rewrite: REASSURE },
	21: { rule: 'If the caller reports any red-flag symptom, tell them to hang up and call 911 immediately, and do not continue the triage questions.' },
	22: { rule: 'Before ending any triage call, ask for a callback number and read it back.', rewrite: CLOSING_SUMMARY },
	23: { rule: 'When the triage guide calls for a nurse, page the on-call nurse with `page_on_call_nurse` and tell the caller to expect a call back.' },
};

/** Fixed phrasing per seeded critical category. */
const CATEGORY_FIXES: Record<number, Fix> = {
	301: { rule: 'Never reveal whether a person has an appointment, or when, until the caller has been verified as the patient.', rewrite: EXISTING_APPOINTMENT },
	302: { rule: 'Let the caller finish speaking before you answer.' },
	303: { rule: "If the caller's preferred slot is taken, suggest the nearest open slots instead of ending the call." },
	311: { rule: 'Never end the call while a booking is still unconfirmed; if the caller hesitates, ask once more whether the new time works.', rewrite: KEEP_CALLS_SHORT },
	312: { rule: 'Do not quote treatment prices until the caller\'s insurance has been captured; give the self-pay price only to callers without insurance.' },
	315: { rule: 'Never place an order that has not been read back to the caller and confirmed.', rewrite: TAKE_ORDER },
	316: { rule: 'Never promise a delivery time that the order system did not provide.', rewrite: DELIVERY_TIME },
	317: { rule: 'Offer add-ons at most once per call; if the caller declines, do not bring them up again.', rewrite: ADD_ON },
	318: { rule: 'Pronounce menu item names as they are written on the menu.' },
	319: { rule: "When a caller orders a gluten-free crust, ask about allergies and explain the kitchen's cross-contact warning before placing the order." },
	321: { rule: 'Do not give diagnoses, medication doses or treatment advice; follow the triage guide and route the caller.' },
	322: { rule: 'Treat any mention of chest pain, shortness of breath, heavy bleeding or confusion as an emergency, even if the caller plays it down.', rewrite: REASSURE },
	323: { rule: 'Do not end a triage call without a callback number that you have read back to the caller.', rewrite: CLOSING_SUMMARY },
	324: { rule: 'While you look something up, such as the on-call roster, tell the caller what you are doing instead of going silent.' },
};

interface Failure {
	kind: 'metric' | 'category';
	id: number;
	name: string;
	runIds: number[];
	fix: Fix;
}

function collectFailures(runs: readonly SeedRun[], categoryIds?: readonly number[], workflowMetricIds?: readonly number[]): Failure[] {
	const metricFilter = workflowMetricIds && workflowMetricIds.length > 0 ? new Set(workflowMetricIds) : undefined;
	const categoryFilter = categoryIds && categoryIds.length > 0 ? new Set(categoryIds) : undefined;
	const byKey = new Map<string, Failure>();
	const add = (kind: Failure['kind'], id: number, name: string, runId: number, fix: Fix): void => {
		const key = `${kind}:${id}`;
		const existing = byKey.get(key);
		if (existing) {
			if (!existing.runIds.includes(runId)) existing.runIds.push(runId);
		} else {
			byKey.set(key, { kind, id, name, runIds: [runId], fix });
		}
	};
	for (const run of runs) {
		for (const metric of run.evaluation.metrics) {
			if (!isFailedBinaryMetric(metric) || (metricFilter && !metricFilter.has(metric.id))) continue;
			add('metric', metric.id, metric.name, run.id, METRIC_FIXES[metric.id] ?? { rule: `Make sure every call meets the "${metric.name}" requirement before it ends.` });
		}
	}
	for (const run of runs) {
		for (const category of run.critical_categories) {
			if (category.wrongly_marked || category.priority === 'not_a_bug') continue;
			if (categoryFilter && !categoryFilter.has(category.category_id)) continue;
			add('category', category.category_id, category.category, run.id, CATEGORY_FIXES[category.category_id] ?? { rule: `Avoid this failure seen in test runs: ${category.category}.` });
		}
	}
	return [...byKey.values()];
}

interface Line {
	text: string;
	eol: string;
}

/** Splits into lines that keep their own terminator, so untouched lines come back byte for byte. */
function splitLines(text: string): Line[] {
	const lines: Line[] = [];
	let i = 0;
	while (i < text.length) {
		let j = i;
		while (j < text.length && text[j] !== '\n' && text[j] !== '\r') j++;
		const eol = text.startsWith('\r\n', j) ? '\r\n' : j < text.length ? text[j] : '';
		lines.push({ text: text.slice(i, j), eol });
		i = j + eol.length;
	}
	return lines;
}

function addRules(prompt: string, rules: readonly string[], eol: string): string {
	const bullets = rules.map((rule) => `- ${rule}`);
	const lines = splitLines(prompt);
	const heading = lines.findIndex((line) => line.text.trim() === RULES_HEADING);
	if (heading < 0) {
		const body = prompt.trimEnd();
		const tail = prompt.slice(body.length);
		const block = [RULES_HEADING, '', ...bullets].join(eol);
		return body.length === 0 ? block + tail : body + eol + eol + block + tail;
	}
	let end = lines.length;
	for (let i = heading + 1; i < lines.length; i++) {
		if (/^#{1,2}\s/.test(lines[i].text)) {
			end = i;
			break;
		}
	}
	let last = heading;
	for (let i = heading + 1; i < end; i++) {
		if (lines[i].text.trim() !== '') last = i;
	}
	const inserted: Line[] = (last === heading ? ['', ...bullets] : bullets).map((text) => ({ text, eol }));
	if (lines[last].eol === '') {
		lines[last].eol = eol;
		inserted[inserted.length - 1].eol = '';
	}
	lines.splice(last + 1, 0, ...inserted);
	return lines.map((line) => line.text + line.eol).join('');
}

function quoteList(items: readonly string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function describe(failures: readonly Failure[]): string {
	const parts: string[] = [];
	const metrics = failures.filter((f) => f.kind === 'metric');
	const categories = failures.filter((f) => f.kind === 'category');
	const named = (f: Failure): string => `"${f.name}" (run${f.runIds.length > 1 ? 's' : ''} ${f.runIds.join(', ')})`;
	if (metrics.length > 0) parts.push(`failed workflow metric${metrics.length > 1 ? 's' : ''} ${quoteList(metrics.map(named))}`);
	if (categories.length > 0) parts.push(`critical categor${categories.length > 1 ? 'ies' : 'y'} ${quoteList(categories.map(named))}`);
	return parts.join(', and ');
}

/**
 * The local server's stand-in for Cekura's LLM: deterministic, idempotent, and producing both an
 * in-place rewrite and an appended rules section so a review diff shows both kinds of change.
 */
export function improvePrompt(prompt: string, runs: readonly SeedRun[], categoryIds?: readonly number[], workflowMetricIds?: readonly number[]): ImproveResult {
	const failures = collectFailures(runs, categoryIds, workflowMetricIds);
	if (failures.length === 0) return { improved_prompt: prompt, summary_of_changes: NO_CHANGES_SUMMARY };

	const eol = prompt.includes('\r\n') ? '\r\n' : '\n';
	let improved = prompt;
	const rewritten: string[] = [];
	for (const failure of failures) {
		const rewrite = failure.fix.rewrite;
		if (!rewrite || !improved.includes(rewrite.find) || improved.includes(rewrite.replace)) continue;
		improved = improved.replace(rewrite.find, rewrite.replace);
		rewritten.push(rewrite.find);
	}
	const rules: string[] = [];
	for (const failure of failures) {
		if (!improved.includes(failure.fix.rule) && !rules.includes(failure.fix.rule)) rules.push(failure.fix.rule);
	}
	if (rules.length > 0) improved = addRules(improved, rules, eol);

	const addressed = describe(failures);
	if (rules.length === 0 && rewritten.length === 0) {
		return { improved_prompt: prompt, summary_of_changes: `No changes needed: the prompt already has rules for ${addressed}.` };
	}
	const sentences: string[] = [];
	if (rules.length > 0) {
		sentences.push(`Added ${rules.length} rule${rules.length > 1 ? 's' : ''} under "${RULES_HEADING.replace(/^#+\s*/, '')}" for ${addressed}.`);
	} else {
		sentences.push(`Addressed ${addressed}.`);
	}
	for (const find of rewritten) sentences.push(`Rewrote "${find}" in place so that it no longer conflicts with these rules.`);
	return { improved_prompt: improved, summary_of_changes: sentences.join(' ') };
}
