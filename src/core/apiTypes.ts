/** The parts of Cekura's documented shapes that the extension reads. Everything else is passed over. */

export interface Paginated<T> {
	count: number;
	next: string | null;
	previous: string | null;
	results: T[];
}

export interface CriticalCategory {
	category_id: number;
	category: string;
	deviation?: number;
	wrongly_marked?: boolean;
	feedback?: string;
	priority?: string;
}

export interface EvalMetric {
	id: number;
	name: string;
	type?: string;
	eval_type?: string;
	score?: number | null;
	score_normalized?: number | null;
	passed?: boolean | null;
	explanation?: string[];
}

export interface OutcomeAlignment {
	outcome: string;
	/** The words of the prompt the outcome depends on. */
	prompt_part?: string | null;
	aligned: boolean;
}

export interface ExpectedOutcome {
	/** 100 when the expected outcome was met. */
	score?: number | null;
	explanation?: string[] | null;
	outcome_alignments?: OutcomeAlignment[] | null;
}

export interface TranscriptTurn {
	/** 'Testing Agent' (Cekura's simulated caller), 'Main Agent' (the agent under test), 'Function Call', 'Function Call Result'. */
	role: string;
	/** "MM:SS" from the start of the call. */
	time?: string | null;
	content?: string | null;
	start_time?: number | null;
	end_time?: number | null;
}

/** An item of `GET /test_framework/v2/runs/` (RunList). */
export interface RunListItem {
	id: number;
	scenario_name?: string | null;
	/** The result (test suite execution) the run belongs to; Cekura's dashboard shows runs inside their result. */
	result_id?: number | null;
	result_name?: string | null;
	agent?: number | null;
	agent_name?: string | null;
	/** The scenario (evaluator) the run played. */
	scenario?: number | null;
	status?: string | null;
	evaluation_status?: string | null;
	success?: boolean | null;
	timestamp?: string | null;
	duration?: string | null;
	error_message?: string | null;
}

/** A full Run, as `GET /test_framework/v2/runs/bulk/` returns them. */
export interface Run extends RunListItem {
	scenario_instructions?: string | null;
	expected_outcome_prompt?: string | null;
	expected_outcome?: ExpectedOutcome | null;
	/** Structured turns; when absent, `transcript` holds lines like `[00:01] Testing Agent: Hello.` */
	transcript_object?: TranscriptTurn[] | null;
	transcript?: string | null;
	critical_categories?: CriticalCategory[] | null;
	evaluation?: { metrics?: EvalMetric[] | null } | null;
}

export interface ImproveRequest {
	prompt: string;
	run_ids: number[];
	category_ids?: number[];
	workflow_metric_ids?: number[];
}

export interface ImproveResponse {
	improved_prompt: string;
	summary_of_changes: string;
}

export interface RunListFilters {
	agentId?: number | undefined;
	projectId?: number | undefined;
	/** Only the runs of this result. */
	resultId?: number | undefined;
	/** Only passed (true) or failed (false) runs. */
	success?: boolean | undefined;
	pageSize?: number;
}
