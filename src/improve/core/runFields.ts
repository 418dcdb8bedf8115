import type { CriticalCategory, EvalMetric, ExpectedOutcome, OutcomeAlignment, Run, TranscriptTurn } from '../../core/apiTypes';

/** What a field should have held. */
type FieldKind = 'text' | 'number' | 'list' | 'object' | 'true or false';

/** A field of a run that Cekura sent in the wrong shape, or left out although it is needed; it is left out. */
export interface FieldProblem {
	/** Where, in Cekura's names: `evaluation.metrics[2].name`. Written by the reader, never taken from the server. */
	field: string;
	expected: FieldKind;
	/** What came instead: 'missing', 'text', 'a number', 'true or false', 'a list' or 'an object'. */
	got: string;
}

/** A run read defensively: every field has the type `Run` declares, and what had not is listed. */
interface ReadRun {
	run: Run;
	problems: FieldProblem[];
}

type Fields = Record<string, unknown>;

function kindOf(value: unknown): string {
	if (value === null || value === undefined) return 'missing';
	if (Array.isArray(value)) return 'a list';
	switch (typeof value) {
		case 'string':
			return 'text';
		case 'number':
			return 'a number';
		case 'boolean':
			return 'true or false';
		default:
			return 'an object';
	}
}

function isFields(value: unknown): value is Fields {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads values that should have a given type and never throws: a value of another type is left out and noted.
 * Absent values (null or undefined) are noted only where they are required. Every text passes through `clean`.
 */
class FieldReader {
	readonly problems: FieldProblem[] = [];

	constructor(private readonly clean: (text: string) => string = (text) => text) {}

	private wrong(field: string, expected: FieldKind, value: unknown, required: boolean): undefined {
		if (required || (value !== null && value !== undefined)) this.problems.push({ field, expected, got: kindOf(value) });
		return undefined;
	}

	text(value: unknown, field: string, required = false): string | undefined {
		return typeof value === 'string' ? this.clean(value) : this.wrong(field, 'text', value, required);
	}

	number(value: unknown, field: string, required = false): number | undefined {
		return typeof value === 'number' && Number.isFinite(value) ? value : this.wrong(field, 'number', value, required);
	}

	flag(value: unknown, field: string): boolean | undefined {
		return typeof value === 'boolean' ? value : this.wrong(field, 'true or false', value, false);
	}

	object(value: unknown, field: string): Fields | undefined {
		return isFields(value) ? value : this.wrong(field, 'object', value, false);
	}

	/** The items of a list, each with its field name; an absent list is empty. */
	list(value: unknown, field: string): { item: unknown; field: string }[] {
		if (!Array.isArray(value)) return (this.wrong(field, 'list', value, false), []);
		return value.map((item, i) => ({ item, field: `${field}[${i}]` }));
	}

	/** The text items of a list; others are noted and left out. */
	texts(value: unknown, field: string): string[] {
		return this.list(value, field).flatMap(({ item, field: at }) => {
			const line = this.text(item, at, true);
			return line === undefined ? [] : [line];
		});
	}

	/** The object items of a list, read by `read`; others are noted and left out. */
	objects<T>(value: unknown, field: string, read: (item: Fields, field: string) => T | undefined): T[] {
		return this.list(value, field).flatMap(({ item, field: at }) => {
			if (!isFields(item)) return (this.wrong(at, 'object', item, true), []);
			const value = read(item, at);
			return value === undefined ? [] : [value];
		});
	}
}

function metric(r: FieldReader, m: Fields, at: string): EvalMetric | undefined {
	const id = r.number(m.id, `${at}.id`, true);
	if (id === undefined) return undefined;
	const score = r.number(m.score, `${at}.score`);
	const normalized = r.number(m.score_normalized, `${at}.score_normalized`);
	const passed = r.flag(m.passed, `${at}.passed`);
	return {
		id,
		name: r.text(m.name, `${at}.name`, true) ?? '',
		type: r.text(m.type, `${at}.type`),
		eval_type: r.text(m.eval_type, `${at}.eval_type`),
		...(score === undefined ? {} : { score }),
		...(normalized === undefined ? {} : { score_normalized: normalized }),
		...(passed === undefined ? {} : { passed }),
		explanation: r.texts(m.explanation, `${at}.explanation`),
	};
}

function category(r: FieldReader, c: Fields, at: string): CriticalCategory | undefined {
	const id = r.number(c.category_id, `${at}.category_id`, true);
	if (id === undefined) return undefined;
	return {
		category_id: id,
		category: r.text(c.category, `${at}.category`, true) ?? '',
		wrongly_marked: r.flag(c.wrongly_marked, `${at}.wrongly_marked`),
		feedback: r.text(c.feedback, `${at}.feedback`),
		priority: r.text(c.priority, `${at}.priority`),
	};
}

function alignment(r: FieldReader, a: Fields, at: string): OutcomeAlignment | undefined {
	const aligned = r.flag(a.aligned, `${at}.aligned`);
	if (aligned === undefined) return undefined;
	return { outcome: r.text(a.outcome, `${at}.outcome`, true) ?? '', prompt_part: r.text(a.prompt_part, `${at}.prompt_part`), aligned };
}

function outcome(r: FieldReader, value: unknown): ExpectedOutcome | undefined {
	const o = r.object(value, 'expected_outcome');
	if (!o) return undefined;
	return {
		score: r.number(o.score, 'expected_outcome.score'),
		explanation: r.texts(o.explanation, 'expected_outcome.explanation'),
		outcome_alignments: r.objects(o.outcome_alignments, 'expected_outcome.outcome_alignments', (a, at) => alignment(r, a, at)),
	};
}

function turn(r: FieldReader, t: Fields, at: string): TranscriptTurn {
	return {
		role: r.text(t.role, `${at}.role`, true) ?? '',
		time: r.text(t.time, `${at}.time`),
		content: r.text(t.content, `${at}.content`),
		start_time: r.number(t.start_time, `${at}.start_time`),
	};
}

/**
 * A run of `runs/bulk` read field by field: what has the documented type is kept (texts through `clean`), what has
 * not is left out and listed in `problems`. Undefined, with no run, when it is not an object with a numeric `id`.
 */
export function readRun(raw: unknown, clean?: (text: string) => string): ReadRun | undefined {
	if (!isFields(raw) || typeof raw.id !== 'number' || !Number.isFinite(raw.id)) return undefined;
	const r = new FieldReader(clean);
	const evaluation = r.object(raw.evaluation, 'evaluation');
	const run: Run = {
		id: raw.id,
		scenario_name: r.text(raw.scenario_name, 'scenario_name'),
		result_id: r.number(raw.result_id, 'result_id'),
		result_name: r.text(raw.result_name, 'result_name'),
		agent: r.number(raw.agent, 'agent'),
		agent_name: r.text(raw.agent_name, 'agent_name'),
		status: r.text(raw.status, 'status'),
		evaluation_status: r.text(raw.evaluation_status, 'evaluation_status'),
		success: r.flag(raw.success, 'success'),
		timestamp: r.text(raw.timestamp, 'timestamp'),
		duration: r.text(raw.duration, 'duration'),
		error_message: r.text(raw.error_message, 'error_message'),
		scenario_instructions: r.text(raw.scenario_instructions, 'scenario_instructions'),
		expected_outcome_prompt: r.text(raw.expected_outcome_prompt, 'expected_outcome_prompt'),
		expected_outcome: outcome(r, raw.expected_outcome),
		transcript_object: r.objects(raw.transcript_object, 'transcript_object', (t, at) => turn(r, t, at)),
		transcript: r.text(raw.transcript, 'transcript'),
		critical_categories: r.objects(raw.critical_categories, 'critical_categories', (c, at) => category(r, c, at)),
		evaluation: { metrics: evaluation ? r.objects(evaluation.metrics, 'evaluation.metrics', (m, at) => metric(r, m, at)) : [] },
	};
	return { run, problems: r.problems };
}

/** The runs that can be read at all (an object with a numeric `id`), each read defensively. */
export function readRuns(runs: unknown, clean?: (text: string) => string): ReadRun[] {
	return (Array.isArray(runs) ? runs : []).flatMap((raw) => readRun(raw, clean) ?? []);
}

/** A problem in English, for the model and the log: `evaluation.metrics[2].name (a number, expected text)`. */
export function describeProblem(problem: FieldProblem): string {
	return problem.got === 'missing' ? `${problem.field} (missing, expected ${problem.expected})` : `${problem.field} (${problem.got}, expected ${problem.expected})`;
}
