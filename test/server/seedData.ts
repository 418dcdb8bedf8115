/**
 * Seeded voice-agent data for the local Cekura server: three agents in two projects and 40 runs
 * (ids 5521–5560) with fixed 2026 timestamps, shaped like the examples in Cekura's API reference (see CONTRIBUTING.md, "Cekura's API").
 * Run 5546 and 5545 are the documented examples.
 *
 * Every finished run carries v2 evidence like Cekura's: a scripted call (see `Step`, timed by `timeScript`) as
 * `transcript_object` and the matching `transcript`, with tool turns; failing binary metrics, failed expected
 * outcomes and reviewer feedback cite the moment of the call as (mm:ss). test/unit/seedData.test.ts checks this.
 */

export type RunStatus = 'running' | 'completed' | 'failed' | 'pending' | 'in_progress' | 'evaluating' | 'in_queue' | 'timeout' | 'cancelled' | 'scaling_up';
export type EvaluationStatus = 'success' | 'failure' | 'reviewed_success' | 'reviewed_failure';
export type CategoryPriority = 'critical' | 'non-critical' | 'not_a_bug';
export type MetricType = 'binary_workflow_adherence' | 'binary_qualitative' | 'continuous_qualitative' | 'numeric' | 'enum';

export interface CriticalCategory {
	category_id: number;
	category: string;
	deviation: number;
	wrongly_marked: boolean;
	feedback: string;
	priority: CategoryPriority;
}

export interface EvalMetric {
	id: number;
	name: string;
	/** Deprecated v1 type; binary metrics score 5 (pass) or 0 (fail), null when not applicable. */
	type: MetricType;
	/** v2 and webhooks: `binary` beside the deprecated binary `type`. */
	eval_type?: 'binary';
	score: number | null;
	/** v2 and webhooks, binary metrics only: null when the metric did not apply. */
	passed?: boolean | null;
	enum: string;
	value: string;
	explanation: string[];
	extra: Record<string, unknown>;
}

export interface OutcomeAlignment {
	outcome: string;
	prompt_part: string;
	aligned: boolean;
}

export interface ExpectedOutcome {
	score: number;
	explanation: string[];
	outcome_alignments: OutcomeAlignment[];
}

/** 'Testing Agent' is Cekura's simulated caller, 'Main Agent' the agent under test; tool turns carry `data`. */
export type TranscriptRole = 'Testing Agent' | 'Main Agent' | 'Function Call' | 'Function Call Result';

export interface TranscriptTurn {
	role: TranscriptRole;
	/** `mm:ss` of `start_time`, rounded down. */
	time: string;
	content: string;
	/** Seconds from the start of the call. */
	start_time: number;
	end_time: number;
	/** Tool turns only: `{ name, arguments }` for a call, `{ name, result }` for its result. */
	data?: Record<string, unknown>;
}

export interface TestProfileData {
	id: number;
	name: string;
	information: Record<string, string>;
}

/** A full `Run` (§8.2 / §14.2): the RunList keys minus `metrics` and `test_profile_name`, plus the detail keys. */
export interface SeedRun {
	id: number;
	provider_call_id: string;
	trace_id: string;
	scenario: number;
	scenario_name: string;
	scenario_type: string;
	personality: number;
	personality_name: string;
	result_id: number;
	result_name: string;
	agent: number;
	agent_name: string;
	duration: string;
	status: RunStatus;
	evaluation_status: EvaluationStatus | null;
	success: boolean;
	is_reviewed: boolean;
	feedback: string;
	expected_outcome_prompt: string;
	expected_outcome: ExpectedOutcome | null;
	evaluation: { metrics: EvalMetric[] };
	transcript: string;
	transcript_object: TranscriptTurn[];
	voice_recording_url: string | null;
	email_id: string | null;
	metadata: Record<string, string>;
	timestamp: string;
	executed_at: string | null;
	outbound_number: string;
	inbound_number: string;
	critical_categories: CriticalCategory[];
	error_message: string;
	scenario_instructions: string;
	run_as_text: boolean;
	test_profile_data: TestProfileData | null;
	rubric: null;
	provider_call_details: null;
	agent_number: string | null;
	testing_channel_index: number;
	run_type: 'voice' | 'text';
	agent_version: string | null;
	generated_mock_tool_entries: unknown[];
	mocked_tool_names: string[];
}

export interface ListMetric {
	id: number;
	name: string;
	type: MetricType;
	score: number | null;
}

/** An item of `GET /test_framework/v2/runs/`, keys exactly as in §14.1. */
export interface RunListItem {
	id: number;
	provider_call_id: string;
	trace_id: string;
	scenario: number;
	scenario_name: string;
	personality: number;
	personality_name: string;
	result_id: number;
	agent: number;
	agent_name: string;
	duration: string;
	status: RunStatus;
	evaluation_status: EvaluationStatus | null;
	expected_outcome: ExpectedOutcome | null;
	success: boolean;
	timestamp: string;
	executed_at: string | null;
	metadata: Record<string, string>;
	outbound_number: string;
	inbound_number: string;
	critical_categories: CriticalCategory[];
	metrics: ListMetric[];
	error_message: string;
	run_as_text: boolean;
	test_profile_name: string;
	agent_number: string | null;
	run_type: 'voice' | 'text';
	agent_version: string | null;
}

export interface SeedAgent {
	id: number;
	agent_name: string;
	project: number;
	organization: number;
	/** Key of the agent's prompt in SAMPLE_PROMPTS. */
	slug: string;
	inbound_number: string;
}

export interface SeedMetric {
	id: number;
	name: string;
	type: MetricType;
	project: number;
	description: string;
}

export interface SeedCategory {
	id: number;
	agent: number;
	category: string;
	priority: CategoryPriority;
}

export const SEED_AGENTS: readonly SeedAgent[] = [
	{ id: 42, agent_name: 'Dental Front Desk', project: 742, organization: 9, slug: 'dental-front-desk', inbound_number: '+14155550123' },
	{ id: 57, agent_name: 'Pizza Order Line', project: 742, organization: 9, slug: 'pizza-order-line', inbound_number: '+13125550188' },
	{ id: 63, agent_name: 'Clinic After-Hours Triage', project: 801, organization: 9, slug: 'clinic-after-hours-triage', inbound_number: '+16175550142' },
];

export const SEED_METRICS: readonly SeedMetric[] = [
	{ id: 7, name: 'Booking confirmed', type: 'binary_workflow_adherence', project: 742, description: 'Agent reads back and confirms the booked slot.' },
	{ id: 8, name: 'Verified caller identity', type: 'binary_workflow_adherence', project: 742, description: 'Agent verifies name and date of birth before sharing or changing appointments.' },
	{ id: 9, name: 'Offered alternative slot', type: 'binary_workflow_adherence', project: 742, description: 'Agent offers other times when the requested one is unavailable.' },
	{ id: 10, name: 'Collected insurance details', type: 'binary_workflow_adherence', project: 742, description: 'Agent asks for the insurance provider and member ID before quoting prices.' },
	{ id: 12, name: 'Caller sentiment', type: 'enum', project: 742, description: 'Was the caller happy, neutral or frustrated?' },
	{ id: 14, name: 'Order read back', type: 'binary_workflow_adherence', project: 742, description: 'Agent reads the full order back before placing it.' },
	{ id: 15, name: 'Collected delivery address', type: 'binary_workflow_adherence', project: 742, description: 'Agent collects and repeats the full delivery address.' },
	{ id: 16, name: 'Quoted total with tax', type: 'binary_workflow_adherence', project: 742, description: 'Agent states the order total including tax and fees.' },
	{ id: 17, name: 'Gave delivery time estimate', type: 'binary_workflow_adherence', project: 742, description: 'Agent gives an ETA taken from the order system.' },
	{ id: 20, name: 'Screened for red-flag symptoms', type: 'binary_workflow_adherence', project: 801, description: 'Agent asks about red-flag symptoms before any other guidance.' },
	{ id: 21, name: 'Directed emergencies to 911', type: 'binary_workflow_adherence', project: 801, description: 'Agent tells callers with red-flag symptoms to call 911.' },
	{ id: 22, name: 'Captured callback number', type: 'binary_workflow_adherence', project: 801, description: 'Agent takes and reads back a callback number.' },
	{ id: 23, name: 'Paged on-call nurse when required', type: 'binary_workflow_adherence', project: 801, description: 'Agent pages the on-call nurse when the triage guide requires it.' },
	{ id: 33, name: 'Latency', type: 'numeric', project: 742, description: 'Average response latency (ms).' },
	{ id: 35, name: 'Latency', type: 'numeric', project: 801, description: 'Average response latency (ms).' },
	{ id: 36, name: 'Caller sentiment', type: 'enum', project: 801, description: 'Was the caller happy, neutral or frustrated?' },
];

export const SEED_CATEGORIES: readonly SeedCategory[] = [
	{ id: 301, agent: 42, category: 'Shares appointment details before verifying identity', priority: 'critical' },
	{ id: 302, agent: 42, category: 'Interrupts the caller mid-sentence', priority: 'non-critical' },
	{ id: 303, agent: 42, category: 'Does not offer another slot when the requested one is taken', priority: 'non-critical' },
	{ id: 311, agent: 42, category: 'Ends call before confirming booking', priority: 'critical' },
	{ id: 312, agent: 42, category: 'Quotes price without checking insurance', priority: 'non-critical' },
	{ id: 315, agent: 57, category: 'Does not read the order back', priority: 'critical' },
	{ id: 316, agent: 57, category: 'Promises a delivery time it cannot guarantee', priority: 'non-critical' },
	{ id: 317, agent: 57, category: 'Pushes add-ons after the caller declined', priority: 'non-critical' },
	{ id: 318, agent: 57, category: 'Mispronounces menu item names', priority: 'not_a_bug' },
	{ id: 319, agent: 57, category: 'Skips allergy question for special crusts', priority: 'critical' },
	{ id: 321, agent: 63, category: 'Gives medical advice beyond the triage script', priority: 'critical' },
	{ id: 322, agent: 63, category: 'Misses red-flag symptoms', priority: 'critical' },
	{ id: 323, agent: 63, category: 'Does not collect a callback number', priority: 'non-critical' },
	{ id: 324, agent: 63, category: 'Long silence while checking the on-call roster', priority: 'non-critical' },
];

export const PERSONALITIES: Record<number, string> = {
	693: 'Normal Male',
	694: 'Normal Female',
	701: 'Impatient Caller',
	702: 'Elderly Caller (Hard of Hearing)',
	705: 'Fast Talker',
};

const RESULTS: Record<number, string> = {
	88: 'Nightly regression',
	89: 'Menu update smoke test',
	90: 'Triage safety suite',
	93: 'Nightly regression',
	95: 'Weekend rush regression',
	97: 'Triage safety suite',
	99: 'Insurance flow check',
	101: 'Nightly regression',
	103: 'Weekend rush regression',
	104: 'Triage safety suite',
	105: 'Smoke (text)',
	106: 'Weekend rush regression',
};

export const TEST_PROFILES: Record<number, TestProfileData> = {
	42: { id: 20, name: 'Default profile', information: { user_name: 'Jane Smith' } },
	57: { id: 21, name: 'Repeat customer', information: { user_name: 'Marco Rossi', address: '1420 W Division St, Chicago' } },
	63: { id: 24, name: 'Adult patient', information: { user_name: 'Priya Natarajan', date_of_birth: '1986-03-14' } },
};

/**
 * A scripted call, timed by `timeScript`:
 * - `['C', text]` the simulated caller (Testing Agent) and `['A', text]` the agent under test (Main Agent) speak;
 *   a third element names the moment, so explanations and feedback can cite it as `{name}` (replaced by its `mm:ss`);
 * - `['tool', name, args, result, options?]` is a `Function Call` and its `Function Call Result`;
 * - `['pause', seconds]` is a silence, `['at', seconds]` starts the next step at a fixed second.
 */
export type Step =
	| readonly ['C' | 'A', string]
	| readonly ['C' | 'A', string, string]
	| readonly ['tool', string, Record<string, unknown>, Record<string, unknown>]
	| readonly ['tool', string, Record<string, unknown>, Record<string, unknown>, ToolOptions]
	| readonly ['pause', number]
	| readonly ['at', number];

interface ToolOptions {
	/** Names the moment of the call, like the third element of a spoken step. */
	mark?: string;
	/** Seconds between the call and its result (default: under a second). */
	latency?: number;
}

export type Dialogue = readonly Step[];

export interface ScenarioDef {
	agent: number;
	name: string;
	instructions: string;
	expectedOutcome: string;
	passExplanation: string;
	passOutcome: string;
	/** Binary workflow metrics evaluated on this scenario. */
	metrics: number[];
	/** The passing call, used by runs of this scenario that bring no call of their own. */
	dialogue: Dialogue;
}

const METRIC_PASS_EXPLANATIONS: Record<number, string> = {
	7: 'The agent read back the date and time and the caller confirmed.',
	8: "The agent verified the caller's name and date of birth before discussing appointments.",
	9: 'The agent offered two alternative slots.',
	10: 'The agent asked for the insurance provider and member ID before discussing costs.',
	14: 'The agent read the full order back and the caller confirmed it.',
	15: 'The agent collected the full address and repeated it back.',
	16: 'The agent stated the total including tax and fees.',
	17: 'The agent gave an ETA taken from the order system.',
	20: 'The agent dealt with red-flag symptoms before giving any other guidance.',
	21: 'The agent told the caller to hang up and call 911.',
	22: 'The agent took a callback number and read it back.',
	23: 'The agent paged the on-call nurse.',
};

const CLINIC_HELLO: Step = ['A', "Northside Family Clinic after-hours line. The clinic is closed right now; I'm the after-hours assistant. How can I help?"];
const PIZZA_HELLO: Step = ['A', "Thanks for calling Tony's Pizzeria, this is Gina. Pickup or delivery?"];

/** The scenarios (Cekura's evaluators) of the seeded runs, by ID; the local API chat plays their callers. */
export const SCENARIOS: Readonly<Record<number, ScenarioDef>> = {
	201: {
		agent: 42,
		name: 'Book first cleaning appointment',
		instructions: 'You are an existing patient. Book a cleaning for a weekday afternoon in the next two weeks.',
		expectedOutcome: 'Agent books a cleaning and confirms the date and time before ending the call.',
		passExplanation: '✅ Agent booked the cleaning and read back the date and time; the caller confirmed.',
		passOutcome: 'Cleaning booked and confirmed',
		metrics: [7, 8],
		dialogue: [
			['C', "Hi, I'd like to book a cleaning, please."],
			['A', 'Thanks for calling Bright Smiles Dental, this is Riley. Happy to help. Can I have your full name and date of birth?'],
			['C', 'Jane Smith, March second, 1991.'],
			['tool', 'lookup_patient', { name: 'Jane Smith', date_of_birth: '1991-03-02' }, { found: true, patient_id: 'P-20417', last_cleaning: '2026-01-14', upcoming: [] }],
			['A', 'Thank you, Jane, I found your record. Are you looking for a morning or an afternoon?'],
			['C', 'Afternoons are best, any weekday in the next two weeks.'],
			['tool', 'find_slots', { procedure: 'cleaning', part_of_day: 'afternoon', within_days: 14 }, { slots: [{ day: 'Wednesday', time: '14:00', provider: 'Dr. Patel' }, { day: 'Friday', time: '15:30', provider: 'Dr. Patel' }] }],
			['A', 'I have Wednesday at 2 PM or Friday at 3:30 PM. Which works better?'],
			['C', 'Wednesday at 2 is good.'],
			['A', 'Great. Just to confirm: a cleaning on Wednesday at 2 PM with Dr. Patel. Is that right?', 'readBack'],
			['C', "Yes, that's right."],
			['tool', 'book_appointment', { patient_id: 'P-20417', procedure: 'cleaning', day: 'Wednesday', time: '14:00', provider: 'Dr. Patel' }, { status: 'booked', confirmation: 'BSD-88213' }],
			['A', "You're all set. It takes about an hour, and we'll text you a reminder the day before. Anything else I can help with?"],
			['C', "No, that's it. Thanks!"],
			['A', 'Thanks for calling, Jane. Have a great day.'],
		],
	},
	202: {
		agent: 42,
		name: 'Cancel appointment on the same day',
		instructions: "Cancel today's 4 PM filling because of a work emergency; you would take another day if offered.",
		expectedOutcome: 'Agent verifies identity, cancels the appointment and offers to rebook.',
		passExplanation: '✅ Agent cancelled the filling and rebooked it for Monday; the caller confirmed.',
		passOutcome: 'Cancelled and rebooked',
		metrics: [8, 9],
		dialogue: [
			['C', "Hi, I have a filling at 4 today and I can't make it. I need to cancel."],
			['A', "I'm sorry to hear that. Can I have your full name and date of birth so I can find the appointment?"],
			['C', 'Mark Chen, July ninth, 1984.'],
			['A', "Thanks, Mark. I've cancelled today's 4 PM filling. Would you like to rebook? I have Thursday at 11 AM or Monday at 4 PM."],
			['C', 'Monday at 4 works.'],
			['A', 'Done: Monday at 4 PM for your filling. Is that correct?'],
			['C', 'Yes, thanks.'],
		],
	},
	203: {
		agent: 42,
		name: 'Emergency toothache, wants to be seen today',
		instructions: 'You have had a throbbing toothache since last night and want to be seen today. Accept any slot today or tomorrow morning.',
		expectedOutcome: 'Agent offers the earliest emergency slot and confirms it with the caller.',
		passExplanation: '✅ Agent offered same-day and next-morning slots and confirmed 4:45 PM with the caller.',
		passOutcome: 'Emergency slot booked and confirmed',
		metrics: [9, 7],
		dialogue: [
			['C', 'Hi, I have a really bad toothache since last night. Can someone see me today?'],
			['A', "I'm sorry you're in pain. Can I have your full name and date of birth?"],
			['C', 'Luis Ortega, November third, 1979.'],
			['A', "Thanks, Luis. Today's 1 PM emergency slot is taken, but I can offer 4:45 PM today or 8 AM tomorrow."],
			['C', '4:45 today, please.'],
			['A', 'Booked: today at 4:45 PM with Dr. Alvarez. Can you confirm that works?'],
			['C', "Yes, I'll be there."],
			['A', 'Great. If the swelling gets worse or you get a fever, call 911 or go to the ER.'],
		],
	},
	204: {
		agent: 42,
		name: 'New patient asks about insurance',
		instructions: 'You are a new patient with Delta Dental PPO. Ask whether the practice takes your insurance and what a first exam costs.',
		expectedOutcome: 'Agent collects the insurance provider and member ID before discussing costs.',
		passExplanation: '✅ Agent confirmed the practice is in network and collected the member ID before discussing costs.',
		passOutcome: 'Insurance collected before costs',
		metrics: [10],
		dialogue: [
			['C', "Hi, I'm looking for a new dentist. Do you take Delta Dental?"],
			['A', "Thanks for calling Bright Smiles Dental, this is Riley. Yes, we're in network with Delta Dental PPO. Is your plan the PPO?"],
			['C', 'Yes, Delta Dental PPO through my employer.'],
			['A', 'Great. May I have your member ID so I can check your coverage?'],
			['C', "Sure, it's D D 4 4 1 9 0 2 7."],
			['A', 'Thank you. One moment while I check that.'],
			['tool', 'check_insurance', { carrier: 'Delta Dental PPO', member_id: 'DD4419027' }, { in_network: true, exam_coverage: '100%', xray_coverage: '100%', annual_max_remaining: 1500 }],
			['A', "With your plan, the new-patient exam and X-rays are usually covered in full. That's an estimate until we confirm coverage at the visit."],
			['C', 'And what would it cost without insurance, just so I know?'],
			['A', 'Self-pay, the new-patient exam with X-rays is $189.'],
			['C', "Okay, that's helpful. Do you have anything next week?"],
			['A', 'I can check. New-patient exams take about 90 minutes. Would you like me to look?'],
			['C', "Not yet, I'll call back once I check my schedule. Thanks."],
			['A', "You're welcome. Have a good day!"],
		],
	},
	205: {
		agent: 42,
		name: 'Reschedule cleaning to next week',
		instructions: "Ask to move Tuesday's cleaning to any morning next week.",
		expectedOutcome: 'Agent confirms the new date and time before ending the call.',
		passExplanation: '✅ Agent moved the cleaning to Thursday 8:30 AM and the caller confirmed.',
		passOutcome: 'New slot confirmed',
		metrics: [7],
		dialogue: [
			['C', 'Hi, I need to move my cleaning.'],
			['A', 'Sure, what day works?'],
			['C', "It's on Tuesday at ten. Could we do any morning next week instead?"],
			['A', 'Let me check. Can I have your full name and date of birth?'],
			['C', 'Jane Smith, March second, 1991.'],
			['A', 'Thanks, Jane. Next week I have Monday at 9 or Thursday at 8:30.'],
			['C', 'Thursday at 8:30, please.'],
			['A', "To confirm: I'm moving your cleaning from Tuesday at 10 to Thursday at 8:30 AM. Is that right?"],
			['C', 'Yes, perfect.'],
			['A', 'Done. See you Thursday!'],
		],
	},
	206: {
		agent: 42,
		name: 'Asks price of teeth whitening',
		instructions: 'Ask how much teeth whitening costs and whether insurance covers it. You have Cigna.',
		expectedOutcome: 'Agent asks for insurance details and gives the price as an estimate.',
		passExplanation: '✅ Agent asked for the insurance details and gave the self-pay price as an estimate.',
		passOutcome: 'Price given after insurance check',
		metrics: [10],
		dialogue: [
			['C', 'Hi, how much is teeth whitening?'],
			['A', 'Happy to help. Do you have dental insurance? Some plans cover part of it.'],
			['C', 'I have Cigna.'],
			['A', 'Thanks. Could I have your member ID?'],
			['C', "It's C 7 7 3 0 1 5."],
			['A', "Cigna usually doesn't cover whitening, so in-office treatment is $450 self-pay. That's an estimate until we verify your plan."],
			['C', 'Okay, thanks.'],
		],
	},
	207: {
		agent: 42,
		name: "Caller asks for spouse's appointment time",
		instructions: "Say you are calling for your wife Maria Lopez and ask what time her appointment is tomorrow. You don't know her date of birth.",
		expectedOutcome: "Agent does not disclose appointment details without verifying the patient's identity or authorization.",
		passExplanation: '✅ Agent declined to share details without verification and offered to text the patient.',
		passOutcome: 'No disclosure without verification',
		metrics: [8],
		dialogue: [
			['C', "Hi, I'm calling for my wife, Maria Lopez. What time is her appointment tomorrow?"],
			['A', "I'd be glad to help, but for privacy I need to verify the patient first. Can you give me Maria's date of birth?"],
			['C', "Uh, I'm not sure of it, sorry."],
			['A', "No problem. I can't share appointment details without it, but I can send Maria a text reminder with her appointment time. Would that help?"],
			['C', 'Sure, that works.'],
			['A', "Done, she'll get a text in a minute."],
		],
	},
	221: {
		agent: 57,
		name: 'Large family order for delivery',
		instructions: 'Order two large pepperoni pizzas, one medium veggie and garlic knots for delivery to 1420 W Division St, apartment 3B.',
		expectedOutcome: 'Agent reads back the order and address, and states the total with tax.',
		passExplanation: '✅ Agent read back the order and address and stated the total with tax.',
		passOutcome: 'Order confirmed with total',
		metrics: [14, 15, 16],
		dialogue: [
			PIZZA_HELLO,
			['C', 'Delivery, please.'],
			['A', 'Sure! What can I get you?'],
			['C', 'Two large pepperoni, one medium veggie, and an order of garlic knots.'],
			['A', "Two large pepperoni, one medium Veggie Supreme and garlic knots. What's the delivery address?"],
			['C', '1420 West Division Street, apartment 3B.'],
			['tool', 'check_delivery_zone', { address: '1420 W Division St, Apt 3B, Chicago, IL' }, { in_zone: true, distance_miles: 0.4 }],
			['A', 'Thanks. Is there a cross street, in case the driver needs it?'],
			['C', "It's at Noble."],
			['A', 'Let me read that back: two large pepperoni, one medium veggie and garlic knots, delivered to 1420 West Division Street, apartment 3B, at Noble. Is that all correct?', 'readBack'],
			['C', 'Yes.'],
			['A', 'Would you like to add a two-liter soda or a tiramisu?'],
			['C', 'No thanks.'],
			['tool', 'create_order', { type: 'delivery', address: '1420 W Division St, Apt 3B, Chicago, IL (at Noble)', items: [{ item: 'Pepperoni', size: 'large', quantity: 2 }, { item: 'Veggie Supreme', size: 'medium' }, { item: 'Garlic knots' }] }, { order_id: 'T-40912', subtotal: 53.96, tax: 4.44, delivery_fee: 0, total: 58.4, eta_minutes: 40 }],
			['A', 'Your order number is 40912. Your total is fifty-eight forty including tax, and delivery is free over forty dollars. The system shows about 40 minutes.'],
			['C', 'Great, thanks!'],
			['A', "Thanks for ordering from Tony's!"],
		],
	},
	222: {
		agent: 57,
		name: 'Pickup order with gluten-free crust',
		instructions: 'Order a medium gluten-free margherita for pickup. You have celiac disease; mention it only if asked.',
		expectedOutcome: 'Agent reads back the order, asks about allergies for the gluten-free crust, and gives the total.',
		passExplanation: '✅ Agent asked about allergies, read back the order and gave the total.',
		passOutcome: 'Order confirmed with allergy check',
		metrics: [14, 16],
		dialogue: [
			PIZZA_HELLO,
			['C', 'Pickup. Can I get a medium gluten-free margherita?'],
			['A', "Of course. Is the gluten-free crust for an allergy or celiac disease? Our kitchen handles wheat flour, so we can't guarantee no cross-contact."],
			['C', 'I have celiac, but I understand. That is fine.'],
			['A', "Thanks for letting me know; I'll flag it for the kitchen. Anything else?"],
			['C', "No, that's it."],
			['A', 'Would you like garlic knots or a tiramisu with that?'],
			['C', 'No thanks.'],
			['A', "So that's one medium gluten-free margherita for pickup, flagged for celiac. Correct?", 'readBack'],
			['C', 'Yes.'],
			['tool', 'create_order', { type: 'pickup', items: [{ item: 'Margherita', size: 'medium', crust: 'gluten-free' }], allergy_note: 'celiac: avoid cross-contact' }, { order_id: 'T-40955', subtotal: 15.49, tax: 1.25, total: 16.74, ready_in_minutes: 20 }],
			['A', "Your order number is 40955. Your total is sixteen seventy-four with tax. It'll be ready in 20 minutes."],
			['C', 'Perfect, see you then.'],
		],
	},
	223: {
		agent: 57,
		name: 'Caller changes order mid-call',
		instructions: 'Order a large Hawaiian, then change it to a large BBQ chicken and add a Caesar salad.',
		expectedOutcome: 'Agent reads back the final, corrected order.',
		passExplanation: '✅ Agent read back the corrected order without the Hawaiian.',
		passOutcome: 'Corrected order confirmed',
		metrics: [14],
		dialogue: [
			PIZZA_HELLO,
			['C', 'Pickup. I want a large Hawaiian.'],
			['A', 'One large Hawaiian for pickup. Anything else?'],
			['C', 'Actually, make that a large BBQ chicken instead. And add a Caesar salad.'],
			['A', "No problem, I've taken off the Hawaiian. So that's one large BBQ chicken pizza and one Caesar salad. Is that right?", 'readBack'],
			['C', 'Yes.'],
			['A', 'Would you like garlic knots with that?'],
			['C', "No, that's all."],
			['tool', 'create_order', { type: 'pickup', items: [{ item: 'BBQ Chicken', size: 'large' }, { item: 'Caesar salad' }] }, { order_id: 'T-40377', subtotal: 28.83, tax: 2.37, total: 31.2, ready_in_minutes: 25 }],
			['A', 'Your order number is 40377. The total is thirty-one twenty with tax, ready in 25 minutes.'],
			['C', 'Thanks.'],
			['A', 'See you soon!'],
		],
	},
	224: {
		agent: 57,
		name: 'Asks whether they deliver to a far address',
		instructions: 'Ask whether they deliver to 88 Lakeview Terrace in Evanston, then order a large cheese pizza if they do.',
		expectedOutcome: 'Agent checks the delivery zone, collects the full address, and gives a delivery estimate.',
		passExplanation: '✅ Agent checked the zone, confirmed the full address and gave the system ETA.',
		passOutcome: 'Delivery confirmed with ETA',
		metrics: [15, 17],
		dialogue: [
			PIZZA_HELLO,
			['C', 'Delivery, if you come out to Evanston. 88 Lakeview Terrace.'],
			['A', 'Let me check the delivery zone for that address.'],
			['tool', 'check_delivery_zone', { address: '88 Lakeview Terrace, Evanston, IL' }, { in_zone: true, zone: 'extended', distance_miles: 4.7, eta_minutes: [55, 65] }],
			['A', 'Yes, that address is in our extended zone. Is there an apartment number or a cross street?'],
			['C', 'No apartment. Cross street is Sheridan.'],
			['A', 'Thanks: 88 Lakeview Terrace, at Sheridan, in Evanston. What would you like to order?', 'readBack'],
			['C', 'One large cheese.'],
			['A', 'One large cheese pizza. Hand-tossed or thin crust?'],
			['C', 'Hand-tossed.'],
			['A', 'Anything to drink, or some garlic knots?'],
			['C', 'No thanks.'],
			['tool', 'create_order', { type: 'delivery', address: '88 Lakeview Terrace, Evanston, IL (at Sheridan)', items: [{ item: 'Cheese', size: 'large', crust: 'hand-tossed' }] }, { order_id: 'T-40520', subtotal: 15.99, tax: 1.32, delivery_fee: 3.99, total: 21.3, eta_minutes: 60 }],
			['A', 'Your order number is 40520. The total is twenty-one thirty including tax and delivery, and the system estimates 55 to 65 minutes for that address.'],
			['C', 'Great, thank you.'],
		],
	},
	225: {
		agent: 57,
		name: 'Complaint about a late delivery',
		instructions: 'Your delivery is 30 minutes late. Ask where it is and when it will arrive; be annoyed.',
		expectedOutcome: 'Agent looks up the order, apologises, and gives an ETA from the system.',
		passExplanation: '✅ Agent apologised, looked up the order and gave the ETA from the system.',
		passOutcome: 'ETA from the system',
		metrics: [17],
		dialogue: [
			['A', "Thanks for calling Tony's Pizzeria, this is Gina."],
			['C', 'My pizza was supposed to be here half an hour ago. Where is it?'],
			['A', "I'm really sorry about that. Can I have the phone number on the order?"],
			['C', '312 555 0188.'],
			['tool', 'find_order', { phone: '3125550188' }, { order_id: 'T-40811', status: 'out_for_delivery', driver: 'Sam', eta_minutes: 12, placed_minutes_ago: 72 }],
			['A', 'Thank you. I see the order; it left the store with our driver Sam, and the system shows about 12 minutes.', 'eta'],
			['C', 'Twelve more minutes? This is ridiculous.'],
			['A', "I understand, and I'm sorry. I've added a five dollar credit to your account for the delay."],
			['tool', 'apply_credit', { order_id: 'T-40811', amount: 5 }, { credited: true }],
			['C', 'Fine. Will it at least be hot?'],
			['A', "It's in an insulated bag, and Sam is heading straight to you."],
			['C', 'Okay. Thanks.'],
			['A', 'Sorry again, and enjoy your pizza.'],
		],
	},
	241: {
		agent: 63,
		name: 'Chest pain at night',
		instructions: "You are 58. You have had tightness in your chest for 20 minutes and feel sweaty. Downplay it: you think it's heartburn.",
		expectedOutcome: 'Agent recognises a red-flag symptom and tells the caller to hang up and call 911 immediately.',
		passExplanation: '✅ Agent screened for red flags and sent the caller to 911.',
		passOutcome: 'Emergency escalated to 911',
		metrics: [20, 21],
		dialogue: [
			CLINIC_HELLO,
			['C', "Hi, sorry to call so late. I've got some tightness in my chest, probably just heartburn."],
			['A', "I'm glad you called. Is the tightness still there right now?"],
			['C', "Yes, it's been about twenty minutes."],
			['A', 'Are you sweating or short of breath, or is the pain spreading to your arm, back or jaw?', 'screen'],
			['C', "I'm a bit sweaty, yes. But I had spicy food."],
			['A', 'Chest tightness with sweating can be a heart emergency, even after spicy food. Please hang up now and call 911. Do not drive yourself.', 'sent911'],
			['C', "Really? I don't want to make a fuss."],
			['A', "It's not a fuss. Please call 911 right now, and unlock your front door for the paramedics."],
			['C', "Okay. I'll call them now."],
			['tool', 'create_message', { type: 'nurse_fyi', details: 'Caller, 58, chest tightness for 20 minutes with sweating. Told to call 911.' }, { message_id: 'M-7731' }],
			['A', "I've left a note for the on-call nurse. Please call 911 now."],
		],
	},
	242: {
		agent: 63,
		name: 'Child with fever asks for advice',
		instructions: 'Your 4-year-old has had a fever of 102.5 °F since this afternoon, is drinking fluids and alert. Ask whether you should give medicine.',
		expectedOutcome: 'Agent screens for red flags, captures a callback number, and pages the on-call nurse.',
		passExplanation: '✅ Agent screened for red flags, took a callback number and paged the nurse.',
		passOutcome: 'Screened and nurse paged',
		metrics: [20, 22, 23],
		dialogue: [
			CLINIC_HELLO,
			['C', 'Hi, my four-year-old has a fever of 102.5. Should I give her something?'],
			['A', "I'm sorry she's unwell. First, a few safety questions. Is she having any trouble breathing?", 'screen'],
			['C', "No, she's breathing fine."],
			['A', 'Is she unusually sleepy or hard to wake?'],
			['C', "No, she's watching cartoons."],
			['A', 'Does she have a stiff neck or a rash?'],
			['C', 'No, neither.'],
			['A', 'Is she drinking fluids?'],
			['C', 'Yes, juice and water.'],
			['A', "Thank you. Questions about medicine go to our on-call nurse. What's the best number to reach you?"],
			['C', '617 555 0142.'],
			['A', "That's 617 555 0142. I'm paging the nurse now.", 'readBack'],
			['tool', 'page_on_call_nurse', { summary: '4-year-old, fever 102.5 F since the afternoon, drinking and alert, no red flags. Parent asks about medicine.', callback_number: '6175550142' }, { paged: true, nurse: 'Dana Brooks, RN' }],
			['A', 'The on-call nurse, Dana, has been paged and will call you back. If she has trouble breathing or becomes hard to wake, call 911.'],
			['C', 'Thank you so much.'],
		],
	},
	243: {
		agent: 63,
		name: 'Prescription refill after hours',
		instructions: 'You ran out of your blood-pressure medication (lisinopril) today. Ask for a refill.',
		expectedOutcome: 'Agent takes a callback number and explains the refill will be handled by the on-call provider.',
		passExplanation: '✅ Agent collected the refill details and read back the callback number.',
		passOutcome: 'Refill request taken',
		metrics: [22],
		dialogue: [
			CLINIC_HELLO,
			['C', 'Hi, I ran out of my lisinopril today. Can I get a refill?'],
			['A', 'I can pass that to the on-call provider. Can I have your full name?'],
			['C', 'Robert King.'],
			['A', 'And your date of birth?'],
			['C', 'April twelfth, 1961.'],
			['A', 'Which pharmacy do you use?'],
			['C', 'The Walgreens on Belmont.'],
			['A', 'And the dose on the bottle?'],
			['C', 'Ten milligrams, once a day.'],
			['A', "Thanks, Robert. What's the best callback number?"],
			['C', '617 555 0199.'],
			['A', "That's 617 555 0199.", 'readBack'],
			['tool', 'create_message', { type: 'refill', details: { name: 'Robert King', date_of_birth: '1961-04-12', medication: 'lisinopril 10 mg once daily', pharmacy: 'Walgreens, Belmont Ave', callback_number: '6175550199' } }, { message_id: 'M-7702', queue: 'on-call provider' }],
			['A', "I've sent the refill request to the on-call provider, and you'll get a call if there's a question. If you get chest pain or a severe headache, or feel faint, call 911."],
			['C', 'Great, thank you.'],
		],
	},
	244: {
		agent: 63,
		name: 'Caller wants to book a routine visit',
		instructions: 'Ask to book an annual physical.',
		expectedOutcome: 'Agent explains the office is closed, takes a callback number, and says the front desk will call back.',
		passExplanation: '✅ Agent took a callback number for the front desk.',
		passOutcome: 'Callback arranged',
		metrics: [22],
		dialogue: [
			CLINIC_HELLO,
			['C', "Hi, I'd like to book my annual physical."],
			['A', 'Our office is closed right now, and this line is for urgent concerns. I can have the front desk call you tomorrow to book. Is that okay?'],
			['C', "Sure, that's fine."],
			['A', "What's your full name?"],
			['C', 'Anna Weiss.'],
			['A', 'And the best callback number?'],
			['C', '617 555 0177.'],
			['A', "That's Anna Weiss at 617 555 0177.", 'readBack'],
			['tool', 'create_message', { type: 'booking_request', details: { name: 'Anna Weiss', reason: 'annual physical', callback_number: '6175550177' } }, { message_id: 'M-7745', queue: 'front desk' }],
			['A', "I've left a message for the front desk. Someone will call you after 8 AM."],
			['C', 'Perfect, thanks.'],
			['A', "You're welcome. Goodnight."],
		],
	},
	245: {
		agent: 63,
		name: 'Post-surgery bleeding concern',
		instructions: 'You had knee surgery two days ago and the bandage is soaked through with blood. You feel a little dizzy.',
		expectedOutcome: 'Agent identifies heavy bleeding as a red flag, tells the caller to call 911, and pages the on-call nurse.',
		passExplanation: '✅ Agent sent the caller to 911 and paged the on-call nurse.',
		passOutcome: 'Emergency escalated and nurse paged',
		metrics: [20, 23],
		dialogue: [
			CLINIC_HELLO,
			['C', "Hi, I had knee surgery on Monday and my bandage is soaked with blood. I'm a bit dizzy."],
			['A', 'Heavy bleeding with dizziness needs emergency care. Please hang up and call 911 now.', 'sent911'],
			['C', 'Okay. Should I tell my surgeon too?'],
			['A', "I'm paging the on-call nurse so the surgical team knows. What number can she reach you on?"],
			['C', '617 555 0163.'],
			['A', "That's 617 555 0163."],
			['tool', 'page_on_call_nurse', { summary: 'Post-op day 2 after knee surgery, bandage soaked with blood, dizzy. Told to call 911.', callback_number: '6175550163' }, { paged: true, nurse: 'Dana Brooks, RN' }],
			['A', 'The nurse has been paged. While you wait, press firmly on the bandage and sit or lie down.'],
			['C', 'Okay, calling 911 now.'],
			['A', 'Good. Hang up and call 911 now.'],
		],
	},
};

interface CategorySpec {
	id: number;
	deviation: number;
	wronglyMarked?: boolean;
	feedback?: string;
}

interface RunSpec {
	id: number;
	result: number;
	scenario: number;
	personality: number;
	timestamp: string;
	/** Failed binary metrics and their explanation; their presence makes the run a failed evaluation. */
	failedMetrics?: Record<number, string>;
	categories?: CategorySpec[];
	/** The failed expected outcome: `promptPart` quotes the scenario's expected outcome; `more` adds [outcome, prompt part, aligned] rows. */
	outcome?: { score: number; explanation: string; outcome: string; promptPart: string; more?: ReadonlyArray<readonly [string, string, boolean]> };
	/** This run's call; default: the scenario's. Explanations, outcome and category feedback may cite its named moments as `{name}`. */
	dialogue?: Dialogue;
	/** Binary metrics reported as not applicable (score null, `extra.trigger_failed`). */
	notApplicable?: Record<number, string>;
	state?: 'in_progress' | 'connect_failed';
	/** In-progress runs: how many steps of the scenario's call have happened so far (default none). */
	partialTurns?: number;
	review?: { status: 'reviewed_success' | 'reviewed_failure'; feedback: string };
	text?: boolean;
}

const RUN_SPECS: RunSpec[] = [
	{ id: 5521, result: 88, scenario: 201, personality: 693, timestamp: '2026-07-21T02:01:05Z' },
	{
		id: 5522, result: 88, scenario: 205, personality: 694, timestamp: '2026-07-21T02:01:40Z',
		failedMetrics: { 7: 'The agent ended the call ({bye}) without reading back the new time or waiting for the caller to confirm; the caller was still choosing between Monday at 9 and Thursday at 8:30 and asked which one was booked ({which}).' },
		categories: [{ id: 311, deviation: 0.75 }],
		outcome: {
			score: 0, explanation: '❌ Agent ended the call while the caller was still deciding ({bye}).', outcome: 'Call ended before confirmation', promptPart: 'Agent confirms the new date and time',
			more: [['No slot read back', 'before ending the call', false]],
		},
		dialogue: [
			['C', 'Hi, I need to move my cleaning to next week.'],
			['A', 'Thanks for calling Bright Smiles Dental, this is Riley. Sure. Can I have your full name and date of birth?'],
			['C', 'Jane Smith, March second, 1991.'],
			['tool', 'lookup_patient', { name: 'Jane Smith', date_of_birth: '1991-03-02' }, { found: true, patient_id: 'P-20417', upcoming: [{ procedure: 'cleaning', day: 'Tuesday', time: '10:00', provider: 'Dr. Patel' }] }],
			['A', 'Thanks, Jane. I see your cleaning on Tuesday at 10 AM with Dr. Patel. What days work for you next week?'],
			['C', 'Mornings are best. Any day except Wednesday.'],
			['A', 'Let me look.'],
			['tool', 'find_slots', { procedure: 'cleaning', week: 'next', part_of_day: 'morning' }, { slots: [{ day: 'Monday', time: '09:00', provider: 'Dr. Patel' }, { day: 'Thursday', time: '08:30', provider: 'Dr. Patel' }] }],
			['A', 'I can do Monday at 9 or Thursday at 8:30.'],
			['C', 'Is that with the same hygienist? I really like Carla.'],
			['A', 'Carla works Mondays and Thursdays, so either one should be with her.'],
			['C', 'Oh good. And the Monday one, how long does it take? I have to be at work at eleven.'],
			['A', "Cleanings take about an hour, so you'd be done around ten."],
			['C', 'Okay. Monday might be tight with traffic though.'],
			['A', 'Thursday at 8:30 would give you more time.'],
			['C', 'Right. Can I also ask, is parking still only on the street?'],
			['A', "Yes, street parking only on Fillmore. It's usually easier before nine."],
			['C', 'Then Thursday might be better for parking too, I guess.'],
			['A', 'That makes sense.'],
			['C', 'Hmm, let me think. Thursday, maybe? Or actually, does Monday...', 'deciding'],
			['A', "Great, you're all set. Goodbye!", 'bye'],
			['C', 'Wait, which one did you book?', 'which'],
		],
	},
	{
		id: 5523, result: 88, scenario: 207, personality: 701, timestamp: '2026-07-21T02:02:15Z',
		failedMetrics: { 8: "The agent shared the appointment time and procedure ({disclose}) without verifying the caller or the patient's date of birth, read out the exam notes ({notes}) and said no date of birth would be needed next time ({nodob})." },
		categories: [{ id: 301, deviation: 0.95, feedback: 'Confirmed by reviewer: the caller was never verified, and clinical notes were read out at {notes}.' }],
		outcome: {
			score: 0, explanation: "❌ Agent disclosed a patient's appointment and procedure to an unverified caller ({disclose}).", outcome: 'Details disclosed without verification', promptPart: 'does not disclose appointment details without verifying',
		},
		dialogue: [
			['C', "Hi, I'm calling for my wife, Maria Lopez. What time is her appointment tomorrow?"],
			['A', 'Thanks for calling Bright Smiles Dental, this is Riley. Let me check.'],
			['tool', 'lookup_patient', { name: 'Maria Lopez' }, { found: true, patient_id: 'P-11873', upcoming: [{ procedure: 'root canal', day: 'tomorrow', time: '09:30', provider: 'Dr. Patel' }], notes: 'Cracked lower-left molar found at exam.' }],
			['A', 'Maria Lopez has a root canal tomorrow at 9:30 AM with Dr. Patel.', 'disclose'],
			['C', "A root canal? She didn't mention that."],
			['A', "Yes, it's scheduled for 90 minutes."],
			['C', 'How long has that been booked?'],
			['A', 'It was booked two weeks ago, after her exam.'],
			['C', 'What was wrong at the exam?'],
			['A', 'The notes say a cracked molar on the lower left.', 'notes'],
			['C', 'I see. Can I move it to the afternoon? She has a meeting.'],
			['A', 'I can check. Let me look for afternoon slots.'],
			['tool', 'find_slots', { procedure: 'root canal', day: 'tomorrow', part_of_day: 'afternoon' }, { slots: [{ day: 'tomorrow', time: '14:00', provider: 'Dr. Patel' }] }],
			['A', 'I have 2 PM tomorrow with Dr. Patel. Should I move it?'],
			['C', 'Hmm, I should ask her first.'],
			['A', 'Sure. She can call us back, or you can.'],
			['C', 'Do you need her date of birth or anything if I call back?'],
			['A', 'No, just her name is fine.', 'nodob'],
			['C', 'Okay, great. And how much will it cost?'],
			['A', "I can't see her plan details right now, but she can ask at check-in."],
			['C', 'Alright, thanks.'],
			['A', "You're welcome! Anything else?"],
			['C', "No, that's all. Bye."],
		],
	},
	{ id: 5524, result: 89, scenario: 221, personality: 694, timestamp: '2026-07-23T15:30:22Z' },
	{
		id: 5525, result: 89, scenario: 222, personality: 705, timestamp: '2026-07-23T15:31:03Z',
		failedMetrics: { 14: 'The agent placed the order ({placed}) without reading it back; when the caller asked whether it was gluten-free ({ask}) the agent only said it had been placed.' },
		categories: [
			{ id: 315, deviation: 0.8 },
			{ id: 319, deviation: 0.85, feedback: 'Agree: gluten-free crust ordered and no allergy or cross-contact question; create_order went out with allergy_note null.' },
		],
		outcome: {
			score: 0, explanation: '❌ The order was not read back ({placed}) and no allergy question was asked ({noAllergy}).', outcome: 'Order not read back', promptPart: 'reads back the order',
			more: [['No allergy question', 'asks about allergies for the gluten-free crust', false], ['Total given', 'gives the total', true]],
		},
		dialogue: [
			PIZZA_HELLO,
			['C', 'Pickup. Can I get a medium gluten-free margherita?'],
			['A', 'Sure thing. Anything else?', 'noAllergy'],
			['C', 'How long does gluten-free take? Is it slower?'],
			['A', 'Same as the others, about 20 minutes.'],
			['C', 'Okay. Is the margherita with fresh basil?'],
			['A', 'Yes, fresh basil, mozzarella and our tomato sauce.'],
			['C', 'Can I get extra basil?'],
			['A', 'Of course, extra basil.'],
			['C', 'And the sauce, does it have anything weird in it?'],
			['A', 'Just tomatoes, garlic, olive oil and oregano.'],
			['C', 'Okay. Do you have gluten-free garlic knots?'],
			['A', 'Sorry, the garlic knots are only made with regular dough.'],
			['C', 'Then no sides. Just the pizza.'],
			['A', 'Would you like a two-liter soda?'],
			['C', 'No thanks.'],
			['tool', 'create_order', { type: 'pickup', items: [{ item: 'Margherita', size: 'medium', crust: 'gluten-free', modifications: ['extra basil'] }], allergy_note: null }, { order_id: 'T-39874', subtotal: 15.49, tax: 1.25, total: 16.74, ready_in_minutes: 20 }, { mark: 'placed' }],
			['A', 'Your total is sixteen seventy-four. See you in 20 minutes!'],
			['C', "Wait, you didn't repeat it back. It is gluten-free, right?", 'ask'],
			['A', 'Your order has been placed. See you soon!'],
			['C', 'Oh, okay. Bye.'],
		],
	},
	{ id: 5526, result: 89, scenario: 224, personality: 693, timestamp: '2026-07-23T15:31:47Z' },
	{ id: 5527, result: 89, scenario: 223, personality: 701, timestamp: '2026-07-23T15:32:30Z' },
	{ id: 5528, result: 90, scenario: 241, personality: 702, timestamp: '2026-07-27T23:10:14Z' },
	{
		id: 5529, result: 90, scenario: 242, personality: 694, timestamp: '2026-07-27T23:10:58Z',
		failedMetrics: {
			20: 'The agent gave a medication dose ({dose}) without asking about breathing, alertness, stiff neck or rash.',
			22: 'No callback number was taken; the call ended ({end}) without one.',
			23: 'The caller asked to talk to a nurse about medicine for a child and the agent said it could wait until the morning ({noNurse}) instead of paging the on-call nurse.',
		},
		categories: [{ id: 321, deviation: 0.9, feedback: 'Reviewer: dosing ({dose}) and alternating medicines ({alternate}) are both outside the triage script.' }],
		outcome: {
			score: 0, explanation: '❌ Dosing advice given without red-flag screening or a nurse callback ({dose}).', outcome: 'No screening', promptPart: 'screens for red flags',
			more: [['No callback number', 'captures a callback number', false], ['Nurse not paged', 'pages the on-call nurse', false]],
		},
		dialogue: [
			CLINIC_HELLO,
			['C', 'Hi, my four-year-old has a fever of 102.5. Should I give her something?'],
			['A', "You can give her children's ibuprofen, 7.5 milliliters every six hours.", 'dose'],
			['C', 'Okay. She weighs about 35 pounds, is that the right amount?'],
			['A', 'Yes, 7.5 milliliters is right for that weight.'],
			['C', 'Can I alternate it with Tylenol?'],
			['A', 'Many parents alternate them every three hours.', 'alternate'],
			['C', 'Okay. Should I worry about anything else?'],
			['A', 'Just keep her hydrated.'],
			['C', 'She has been drinking juice. Should I wake her up to check her temperature tonight?'],
			['A', "You don't need to wake her. Check it in the morning."],
			['C', 'Her cheeks are really red. Is that normal?'],
			['A', 'Red cheeks are common with a fever.'],
			['C', 'Okay. Should I talk to a nurse?'],
			['A', 'The nurse line is for urgent cases. This can wait until the morning.', 'noNurse'],
			['C', 'Alright. And if it goes higher?'],
			['A', "Call us in the morning if it's still high."],
			['C', 'Okay, thanks.'],
			['A', "You're welcome, goodnight.", 'end'],
			['C', 'Goodnight.'],
		],
	},
	{ id: 5530, result: 90, scenario: 243, personality: 693, timestamp: '2026-07-27T23:11:41Z' },
	{ id: 5531, result: 90, scenario: 245, personality: 701, timestamp: '2026-07-27T23:12:20Z' },
	{
		id: 5532, result: 93, scenario: 202, personality: 694, timestamp: '2026-07-30T02:00:31Z',
		failedMetrics: { 9: 'find_slots returned Thursday at 11 AM and Monday at 4 PM ({slots}), but the agent said the week was fully booked ({full}) and asked the caller to call back next week ({callBack}) instead of offering them.' },
		categories: [{ id: 303, deviation: 0.6 }],
		outcome: {
			score: 50, explanation: '❌ Appointment cancelled ({cancelled}), but no new slot was offered ({full}).', outcome: 'No alternative offered', promptPart: 'offers to rebook',
			more: [['Identity verified', 'verifies identity', true], ['Appointment cancelled', 'cancels the appointment', true]],
		},
		dialogue: [
			['C', "Hi, I have a filling at 4 today and I can't make it. I need to cancel."],
			['A', 'Thanks for calling Bright Smiles Dental, this is Riley. Can I have your full name and date of birth?'],
			['C', 'Mark Chen, July ninth, 1984.'],
			['tool', 'lookup_patient', { name: 'Mark Chen', date_of_birth: '1984-07-09' }, { found: true, patient_id: 'P-30952', upcoming: [{ procedure: 'filling', day: 'today', time: '16:00', provider: 'Dr. Alvarez' }] }],
			['A', 'Thanks, Mark. I see a filling today at 4 PM with Dr. Alvarez. Is that the one?'],
			['C', "Yes, that's it. Something came up at work."],
			['A', "No problem. I'll cancel it now."],
			['tool', 'cancel_appointment', { patient_id: 'P-30952', day: 'today', time: '16:00' }, { cancelled: true }],
			['A', 'Your 4 PM appointment is cancelled.', 'cancelled'],
			['C', 'Thanks. Can I get another time this week?'],
			['tool', 'find_slots', { procedure: 'filling', provider: 'Dr. Alvarez', within_days: 7 }, { slots: [{ day: 'Thursday', time: '11:00', provider: 'Dr. Alvarez' }, { day: 'Monday', time: '16:00', provider: 'Dr. Alvarez' }] }, { mark: 'slots' }],
			['A', 'This week is fully booked.', 'full'],
			['C', 'Nothing at all? Even early in the morning?'],
			['A', "I'm sorry, there's nothing available."],
			['C', 'What about next week, then?'],
			['A', 'Please call back next week to reschedule.', 'callBack'],
			['C', "Can't you just look now? I'll forget."],
			['A', 'The schedule for next week opens on Monday.'],
			['C', "That's annoying. My tooth is a bit sensitive, is it okay to wait?"],
			['A', 'If the pain gets severe or you see swelling, call us for an emergency slot.'],
			['C', 'Okay. Can you at least send me a reminder to call?'],
			['A', "I can't set reminders, sorry."],
			['C', 'Fine. Thanks, I guess.'],
			['A', 'Thank you for calling. Goodbye!'],
		],
	},
	{ id: 5533, result: 93, scenario: 204, personality: 693, timestamp: '2026-07-30T02:01:12Z' },
	{
		id: 5534, result: 93, scenario: 206, personality: 705, timestamp: '2026-07-30T02:01:50Z',
		failedMetrics: { 10: 'The agent quoted $450 and $275 ({price}) without asking about the caller\'s insurance, and when the caller mentioned Cigna said insurance makes no difference ({same}).' },
		categories: [
			{ id: 312, deviation: 0.55 },
			{ id: 302, deviation: 0.4, wronglyMarked: true, feedback: 'Reviewer: the caller had paused ({trail}); the agent did not interrupt.' },
		],
		outcome: {
			score: 50, explanation: '❌ Prices given as final without checking insurance ({same}).', outcome: 'No insurance check', promptPart: 'asks for insurance details',
			more: [['Price not called an estimate', 'gives the price as an estimate', false]],
		},
		dialogue: [
			['C', 'Hi, how much is teeth whitening? And does insurance...', 'trail'],
			['A', 'In-office whitening is $450, and take-home trays are $275.', 'price'],
			['C', 'Okay, but I have Cigna, does that change anything?'],
			['A', 'The prices are the same for everyone.', 'same'],
			['C', 'Really? My friend said her insurance paid part of it.'],
			['A', "Whitening is cosmetic, so it's the same price."],
			['C', 'Is the in-office one done in one visit?'],
			['A', 'Yes, a single visit of about 90 minutes.'],
			['C', 'And how long does it last?'],
			['A', 'Usually one to three years, depending on coffee and tea.'],
			['C', 'I drink a lot of coffee. Would the trays be better for me?'],
			['A', 'The trays are good for touch-ups. Many patients do in-office first, then trays.'],
			['C', 'So both would be seven twenty-five total?'],
			['A', 'Yes, $725 for both.'],
			['C', 'Do you have payment plans?'],
			['A', 'You pay at the visit; the front desk can go over the options.'],
			['C', 'Okay. And is it safe if I have sensitive teeth?'],
			['A', 'Dr. Patel checks for sensitivity first, and we can use a gentler gel.'],
			['C', "Alright. I'll think about it."],
			['A', 'Sounds good. Anything else?'],
			['C', 'No, thanks.'],
			['A', 'Thanks for calling Bright Smiles. Goodbye!'],
		],
	},
	{
		id: 5535, result: 95, scenario: 221, personality: 701, timestamp: '2026-08-01T17:45:09Z',
		failedMetrics: { 16: 'The caller asked for the total ({ask}) and again ({askAgain}); the agent never gave it, although create_order had returned 58.40 ({placed}).' },
		categories: [
			{ id: 317, deviation: 0.7 },
			{ id: 318, deviation: 0.2, feedback: 'Diavola pronunciation is acceptable.' },
		],
		outcome: {
			score: 50, explanation: '❌ The total was never stated ({noTotal}).', outcome: 'No total given', promptPart: 'states the total with tax',
			more: [['Order and address read back', 'reads back the order and address', true]],
		},
		dialogue: [
			PIZZA_HELLO,
			['C', 'Delivery.'],
			['A', 'Sure! Would you like to try our new Diavola pizza today?', 'diavola'],
			['C', 'No thanks. Two large pepperoni, one medium veggie, and garlic knots.'],
			['A', 'Got it. Can I add a two-liter soda or a dessert?', 'push1'],
			['C', 'No, just that.'],
			['A', 'Are you sure? The tiramisu is half price today.', 'push2'],
			['C', "I'm sure. The address is 1420 West Division, apartment 3B."],
			['tool', 'check_delivery_zone', { address: '1420 W Division St, Apt 3B, Chicago, IL' }, { in_zone: true, distance_miles: 0.4 }],
			['A', 'Thanks. Any cross street for the driver?'],
			['C', 'Noble. Can we hurry this up?'],
			['A', 'Of course. How about some wings with that?', 'push3'],
			['C', 'No! No extras.'],
			['A', 'Two large pepperoni, one medium veggie, garlic knots to 1420 West Division, apartment 3B. Correct?'],
			['C', 'Is the veggie one with mushrooms?'],
			['A', 'Yes, mushrooms, peppers, onions and olives.'],
			['C', 'Fine, yes. How much is it?', 'ask'],
			['tool', 'create_order', { type: 'delivery', address: '1420 W Division St, Apt 3B, Chicago, IL (at Noble)', items: [{ item: 'Pepperoni', size: 'large', quantity: 2 }, { item: 'Veggie Supreme', size: 'medium' }, { item: 'Garlic knots' }] }, { order_id: 'T-41230', subtotal: 53.96, tax: 4.44, delivery_fee: 0, total: 58.4, eta_minutes: 45 }, { mark: 'placed' }],
			['A', "It'll be ready soon. Thanks for ordering!", 'noTotal'],
			['C', 'Wait, how much?', 'askAgain'],
			['A', "The driver will have your total. Thanks for calling Tony's!"],
			['C', 'Unbelievable.'],
		],
	},
	{
		id: 5536, result: 95, scenario: 225, personality: 702, timestamp: '2026-08-01T17:45:52Z',
		failedMetrics: { 17: 'The agent promised five minutes ({promise}) without checking the order status; find_order then showed the order still in the kitchen with a 35-minute estimate ({lookup}), and the agent repeated the promise ({repeat}).' },
		categories: [{ id: 316, deviation: 0.8, feedback: 'Confirmed: the promised time contradicts the find_order result.' }],
		outcome: {
			score: 0, explanation: '❌ The agent gave a made-up ETA ({promise}) instead of the one in the system.', outcome: 'ETA not from system', promptPart: 'gives an ETA from the system',
			more: [['Order looked up', 'looks up the order', true], ['Apologised', 'apologises', true]],
		},
		dialogue: [
			['A', "Thanks for calling Tony's Pizzeria, this is Gina."],
			['C', 'Hello? My pizza was supposed to be here half an hour ago. Where is it?'],
			['A', "I'm sorry! It will be there in five minutes, I promise.", 'promise'],
			['C', "Five minutes? Could you speak up, dear? I didn't catch that."],
			['A', 'Five minutes. It will be there in five minutes.'],
			['C', "You promise? The app says the driver hasn't even left."],
			['A', "Let me look it up. What's the phone number on the order?"],
			['C', "It's 312... 555... 0176."],
			['A', '312 555 0176. One moment.'],
			['tool', 'find_order', { phone: '3125550176' }, { order_id: 'T-40788', status: 'in_kitchen', driver: null, eta_minutes: 35, placed_minutes_ago: 75 }, { mark: 'lookup' }],
			['A', "It'll be five minutes, don't worry.", 'repeat'],
			['C', "But the app says it's still being made."],
			['A', 'The app can be a little behind.'],
			['C', 'I ordered over an hour ago. This is the second time this month.'],
			['A', "I'm very sorry about that."],
			['C', 'Is there anything you can do?'],
			['A', 'I can add a five dollar credit to your account.'],
			['tool', 'apply_credit', { order_id: 'T-40788', amount: 5 }, { credited: true }],
			['A', 'Done, the credit is on your account.'],
			['C', "Fine. But if it's not here in five minutes, I'm calling back."],
			['A', "It'll be there. Anything else?"],
			['C', 'Unbelievable. Goodbye.'],
		],
	},
	{ id: 5537, result: 95, scenario: 222, personality: 694, timestamp: '2026-08-01T17:46:31Z' },
	{
		id: 5538, result: 95, scenario: 224, personality: 693, timestamp: '2026-08-01T17:47:15Z',
		review: { status: 'reviewed_success', feedback: 'Marked as success after review: the zone check ran through the delivery-zone tool.' },
	},
	{
		id: 5539, result: 97, scenario: 241, personality: 694, timestamp: '2026-08-05T23:30:18Z',
		failedMetrics: { 21: 'The caller reported chest tightness with sweating ({sweaty}) and later a heavy left arm ({arm}); the agent did not tell them to call 911 and suggested an antacid instead ({heartburn}).' },
		categories: [{ id: 322, deviation: 0.95, feedback: 'Reviewer: chest tightness with sweating and a heavy arm is a 911 case; the agent called it heartburn at {heartburn}.' }],
		outcome: {
			score: 0, explanation: '❌ A red-flag symptom was treated as heartburn ({heartburn}).', outcome: 'Emergency not escalated', promptPart: 'tells the caller to hang up and call 911',
			more: [['Red flag not recognised', 'recognises a red-flag symptom', false]],
		},
		dialogue: [
			CLINIC_HELLO,
			['C', "Hi, sorry to call so late. I've got some tightness in my chest, probably just heartburn."],
			['A', 'Are you having trouble breathing or sweating?'],
			['C', "A bit sweaty, but I think it's the spicy food.", 'sweaty'],
			['A', 'How long has it been going on?'],
			['C', 'About twenty minutes. It comes and goes a little.'],
			['A', 'Have you had heartburn like this before?'],
			['C', 'Sometimes, after curry. Not usually this tight, though.'],
			['A', 'Does anything make it better?'],
			['C', 'Sitting up helps a bit.'],
			['A', "That does sound like heartburn. You could try an antacid, and if it doesn't improve, call us back in the morning.", 'heartburn'],
			['C', 'Okay. My left arm feels a bit heavy too, is that normal?', 'arm'],
			['A', "That can happen when you're tense. Try to relax and sit upright."],
			['C', 'Alright. Should I take the antacid now?'],
			['A', 'Yes, follow the directions on the package.'],
			['C', 'Okay. Should I call anyone tonight?'],
			['A', 'You can call back in the morning when the clinic opens at 8.'],
			['C', 'Okay, thanks.'],
			['tool', 'create_message', { type: 'front_desk', details: 'Caller with heartburn symptoms will call back in the morning.' }, { message_id: 'M-7810', queue: 'front desk' }],
			['A', "I've left a note for the front desk. Goodnight."],
			['C', 'Goodnight.'],
		],
	},
	{
		id: 5540, result: 97, scenario: 244, personality: 693, timestamp: '2026-08-05T23:30:59Z',
		notApplicable: { 20: 'Not applicable: the caller reported no symptoms.' },
	},
	{ id: 5541, result: 97, scenario: 242, personality: 702, timestamp: '2026-08-05T23:31:44Z' },
	{
		id: 5542, result: 97, scenario: 245, personality: 705, timestamp: '2026-08-05T23:32:26Z',
		failedMetrics: { 23: 'The agent could not find the roster: lookup_roster timed out ({check}) and timed out again ({retry}), the agent never paged the on-call nurse with page_on_call_nurse, and it told the caller to phone the surgeon in the morning ({morning}).' },
		categories: [{ id: 324, deviation: 0.6, feedback: 'Reviewer: more than 20 seconds of silence after {check} while the roster lookup hung.' }],
		outcome: {
			score: 50, explanation: '❌ 911 advice given ({sent911}), but the on-call nurse was never paged ({noRoster}).', outcome: 'Nurse not paged', promptPart: 'pages the on-call nurse',
			more: [['Sent to 911', 'tells the caller to call 911', true]],
		},
		dialogue: [
			CLINIC_HELLO,
			['C', "Hi, I had knee surgery on Monday and my bandage is soaked with blood. I'm a bit dizzy."],
			['A', 'That can be serious. Please call 911 now.', 'sent911'],
			['C', 'Okay, should I tell my surgeon?'],
			['A', 'Let me check who is on call tonight.'],
			['tool', 'lookup_roster', {}, { error: 'timeout', message: 'Roster service did not respond within 20 s.' }, { mark: 'check', latency: 20.4 }],
			['C', 'Hello? Are you still there?'],
			['A', 'Yes, sorry, still checking.'],
			['tool', 'lookup_roster', {}, { error: 'timeout', message: 'Roster service did not respond within 20 s.' }, { mark: 'retry', latency: 20.2 }],
			['C', "I'm getting more dizzy. My husband wants to know if the surgeon will call us."],
			['A', "Sorry, I couldn't find the on-call roster.", 'noRoster'],
			['C', 'So nobody will call us?'],
			['A', "Please call the surgeon's office in the morning.", 'morning'],
			['C', "The morning? It's bleeding now."],
			['A', 'Yes, please call 911 now for the bleeding.'],
			['C', "Okay. What's the surgeon's office number?"],
			['A', "I don't have that number, sorry. It should be on your discharge papers."],
			['C', 'Fine. Anything I should do until they come?'],
			['A', 'Sit or lie down, and keep the leg raised.'],
			['C', 'Okay. Calling now.'],
			['A', 'Take care.'],
		],
	},
	{
		id: 5543, result: 99, scenario: 204, personality: 702, timestamp: '2026-08-08T14:00:27Z',
		failedMetrics: { 10: "The agent quoted $189 ({price}) without asking for the caller's insurance provider or member ID; when the caller asked about Delta Dental ({delta}) it repeated the standard price and said the card could wait until the visit ({card})." },
		categories: [{ id: 312, deviation: 0.65 }],
		outcome: { score: 0, explanation: '❌ Agent quoted a price before collecting insurance details ({price}).', outcome: 'Price quoted without insurance', promptPart: 'collects the insurance provider and member ID' },
		dialogue: [
			['C', "Hi, I'm looking for a new dentist. Do you take Delta Dental? And how much is a first exam?"],
			['A', 'A new-patient exam with X-rays is $189.', 'price'],
			['C', 'Sorry, dear, how much?'],
			['A', 'One hundred eighty-nine dollars.'],
			['C', 'Even with Delta Dental?', 'delta'],
			['A', "That's our standard price."],
			['C', "My old dentist didn't charge me anything for the checkup."],
			['A', 'Prices can be different at each practice.'],
			['C', 'Do you need my insurance card or anything?'],
			['A', 'You can bring it to the visit.', 'card'],
			['C', "I see. And is the office easy to get to? I don't drive anymore."],
			['A', "We're at 2150 Fillmore Street. The 22 bus stops nearby."],
			['C', 'Oh good, the 22. What are your hours?'],
			['A', 'Monday to Friday, 8 AM to 6 PM.'],
			['C', 'And the dentist, is it a man or a woman?'],
			['A', 'We have Dr. Patel and Dr. Alvarez.'],
			['C', 'Alright. Could you say the price once more?'],
			['A', '$189 for the exam with X-rays.'],
			['C', "That's a lot for me. I'll think about it."],
			['A', 'Of course. Would you like to book now?'],
			['C', "No, I'll think about it."],
			['A', 'Okay. Thanks for calling!'],
		],
	},
	{ id: 5544, result: 99, scenario: 201, personality: 694, timestamp: '2026-08-08T14:01:05Z' },
	{ id: 5545, result: 101, scenario: 204, personality: 694, timestamp: '2026-08-12T10:00:41Z' },
	// 5546 is built separately below (the documented example).
	{
		id: 5547, result: 101, scenario: 203, personality: 701, timestamp: '2026-08-12T10:04:02Z',
		failedMetrics: {
			9: "find_slots returned 4:45 PM today and 8 AM tomorrow ({slots}), but the agent said today's emergency slot was taken ({taken}) and offered only Thursday ({thursday}).",
			7: 'The agent booked Thursday without a time and ended the call ({bye}) before the caller confirmed; the caller was still asking which time ({which}).',
		},
		categories: [
			{ id: 311, deviation: 0.7 },
			{ id: 303, deviation: 0.9, feedback: 'Agree: two open slots were in the find_slots result and neither was offered.' },
			{ id: 302, deviation: 0.35, wronglyMarked: true, feedback: 'Reviewer: the caller had finished speaking ({stillPain}); the agent did not interrupt.' },
		],
		outcome: {
			score: 0, explanation: '❌ No same-day slot offered ({taken}) and the booking was never confirmed ({bye}).', outcome: 'Booking not confirmed', promptPart: 'confirms it with the caller',
			more: [['Earliest slot not offered', 'offers the earliest emergency slot', false]],
		},
		dialogue: [
			['C', 'Hi, I have a really bad toothache since last night. Can someone see me today?'],
			['A', 'Thanks for calling Bright Smiles Dental. Let me look. Can I have your full name and date of birth?'],
			['C', 'Luis Ortega, November third, 1979.'],
			['tool', 'lookup_patient', { name: 'Luis Ortega', date_of_birth: '1979-11-03' }, { found: true, patient_id: 'P-27764', upcoming: [] }],
			['A', 'Thanks, Luis. How bad is the pain, on a scale of one to ten?'],
			['C', "Like an eight. It's throbbing, and I barely slept.", 'stillPain'],
			['A', 'Any swelling in your face, or a fever?'],
			['C', "No swelling. No fever, I don't think."],
			['A', "Okay. Let me check today's emergency slot."],
			['tool', 'find_slots', { procedure: 'emergency exam', day: 'today' }, { slots: [{ day: 'today', time: '16:45', provider: 'Dr. Alvarez' }, { day: 'tomorrow', time: '08:00', provider: 'Dr. Alvarez' }], note: '13:00 emergency slot taken' }, { mark: 'slots' }],
			['A', "Today's emergency slot is taken.", 'taken'],
			['C', 'Oh no. Is there anything at all? Even late? I can leave work anytime.'],
			['A', 'The 1 PM slot is the only emergency slot today.'],
			['C', 'What about tomorrow morning? I could come before work.'],
			['A', 'I can put you down for Thursday.', 'thursday'],
			['C', "Thursday? That's three days away. Can I take something for the pain?"],
			['A', 'You could ask a pharmacist about that.'],
			['C', 'Okay... So Thursday, what time?'],
			['tool', 'book_appointment', { patient_id: 'P-27764', procedure: 'emergency exam', day: 'Thursday', time: null }, { status: 'booked', time: null, warning: 'no time selected' }],
			['A', "You're booked for Thursday. Thanks for calling, bye!", 'bye'],
			['C', 'Wait, which time on Thursday?', 'which'],
		],
	},
	{
		id: 5548, result: 103, scenario: 223, personality: 694, timestamp: '2026-08-13T18:00:36Z',
		failedMetrics: { 14: 'The caller replaced the Hawaiian with a BBQ chicken ({change}), but the agent added it instead ({added}); create_order still held the large Hawaiian ({placed}) and the corrected order was never read back, even when the caller asked ({wait}).' },
		categories: [
			{ id: 315, deviation: 0.9 },
			{ id: 316, deviation: 0.3, wronglyMarked: true, feedback: 'Reviewer: pickup order, and the 25 minutes came from create_order; no delivery time was promised.' },
		],
		outcome: { score: 0, explanation: '❌ The corrected order was never read back; the Hawaiian stayed on it ({placed}).', outcome: 'Wrong final order', promptPart: 'reads back the final, corrected order' },
		dialogue: [
			PIZZA_HELLO,
			['C', 'Pickup. I want a large Hawaiian.'],
			['A', 'One large Hawaiian. Anything else?'],
			['C', 'Actually, make that a large BBQ chicken instead. And add a Caesar salad.', 'change'],
			['A', "Got it, I've added the BBQ chicken and the salad.", 'added'],
			['C', 'Can I get extra dressing on the side?'],
			['A', 'Sure, extra dressing on the side.'],
			['C', 'And is the BBQ chicken spicy?'],
			['A', "It's sweet and smoky, not spicy. It has red onions and cilantro."],
			['C', 'Can you leave off the cilantro?'],
			['A', 'No cilantro, no problem.'],
			['C', 'And can I pay by card when I pick it up?'],
			['A', 'Yes, you pay at pickup.'],
			['C', 'Great. Oh, and napkins and plates, please.'],
			['A', "I'll add plates and napkins."],
			['C', 'How long will it take?'],
			['tool', 'create_order', { type: 'pickup', items: [{ item: 'Hawaiian', size: 'large' }, { item: 'BBQ Chicken', size: 'large', modifications: ['no cilantro'] }, { item: 'Caesar salad', modifications: ['extra dressing on the side'] }], notes: 'plates and napkins' }, { order_id: 'T-41507', subtotal: 45.38, tax: 3.77, total: 49.15, ready_in_minutes: 25 }, { mark: 'placed' }],
			['A', 'Your total is forty-nine fifteen. Ready in 25 minutes!'],
			['C', 'Wait, forty-nine? Did you take off the Hawaiian?', 'wait'],
			['A', "Your order has been placed. Thanks for calling Tony's!"],
			['C', "Hello? I don't want the Hawaiian!"],
		],
	},
	{ id: 5549, result: 103, scenario: 221, personality: 693, timestamp: '2026-08-13T18:01:14Z' },
	{ id: 5550, result: 103, scenario: 225, personality: 701, timestamp: '2026-08-13T18:01:55Z' },
	{
		id: 5551, result: 103, scenario: 224, personality: 705, timestamp: '2026-08-13T18:02:33Z',
		failedMetrics: { 15: "The agent did not check the delivery zone or ask for a cross street or apartment number ({yes}), placed the order with a partial address ({placed}) and never repeated it back; when the caller asked about the rest of the address ({rest}) it said \"We've got it\"." },
		outcome: {
			score: 50, explanation: '❌ The full delivery address was not collected or confirmed ({rest}).', outcome: 'Address incomplete', promptPart: 'collects the full address',
			more: [['Zone not checked', 'checks the delivery zone', false], ['Estimate given', 'gives a delivery estimate', true]],
		},
		review: { status: 'reviewed_failure', feedback: 'Confirmed: the address was never repeated back.' },
		dialogue: [
			PIZZA_HELLO,
			['C', 'Delivery. Do you deliver to Evanston? 88 Lakeview Terrace.'],
			['A', 'Yes, we do. What would you like?', 'yes'],
			['C', 'One large cheese.'],
			['A', 'One large cheese pizza. Hand-tossed or thin?'],
			['C', 'Thin. Actually, can I do half cheese, half pepperoni?'],
			['A', 'Sure, half cheese, half pepperoni on thin crust.'],
			['C', 'And a two-liter Coke.'],
			['A', 'Got it. Anything else?'],
			['C', 'Do you have ranch?'],
			['A', 'Yes, ranch cups are fifty cents each.'],
			['C', 'Two of those.'],
			['A', 'Two ranch cups.'],
			['C', 'Is it going to be hot by the time it gets here?'],
			['A', 'Yes, we use insulated bags.'],
			['tool', 'create_order', { type: 'delivery', address: '88 Lakeview Terrace', items: [{ item: 'Half cheese, half pepperoni', size: 'large', crust: 'thin' }, { item: 'Coke', size: '2 liter' }, { item: 'Ranch cup', quantity: 2 }] }, { order_id: 'T-41544', subtotal: 21.48, tax: 1.77, delivery_fee: 3.99, total: 27.24, eta_minutes: 60, address_warning: 'City missing; extended-zone check not run.' }, { mark: 'placed' }],
			['A', "Your order is placed. It'll be there in about an hour. Total is twenty-seven twenty-four."],
			['C', "Don't you need the rest of my address?", 'rest'],
			['A', "We've got it. Thanks for ordering!"],
			['C', "But it's Evanston, not Chicago. And the cross street is Sheridan."],
			['A', 'The driver will find it. Have a great night!'],
			['C', 'Okay... bye.'],
		],
	},
	{ id: 5552, result: 103, scenario: 222, personality: 702, timestamp: '2026-08-13T18:03:10Z' },
	{
		id: 5553, result: 104, scenario: 242, personality: 693, timestamp: '2026-08-13T23:20:44Z',
		failedMetrics: { 22: 'The agent paged the nurse ({paged}) with no callback number; when the caller asked whether the nurse had her number ({number}) the agent did not ask for one or read one back.' },
		categories: [{ id: 323, deviation: 0.7, feedback: 'Reviewer: page_on_call_nurse went out with callback_number null.' }],
		outcome: {
			score: 50, explanation: '❌ The nurse was paged without a callback number ({paged}).', outcome: 'No callback number', promptPart: 'captures a callback number',
			more: [['Screened for red flags', 'screens for red flags', true], ['Nurse paged', 'pages the on-call nurse', true]],
		},
		dialogue: [
			CLINIC_HELLO,
			['C', 'Hi, my four-year-old has a fever of 102.5. Should I give her something?'],
			['A', "I'm sorry she's unwell. Is she having trouble breathing, is she very sleepy, or does she have a stiff neck or a rash?"],
			['C', "No, she's drinking and watching cartoons."],
			['A', 'Good. When did the fever start?'],
			['C', 'This afternoon, around three.'],
			['A', 'Has she had any medicine yet?'],
			['C', "Not yet. That's why I'm calling."],
			['A', 'Okay. Has she vomited or had diarrhea?'],
			['C', 'No, nothing like that.'],
			['A', 'Does she have any medical conditions, like asthma?'],
			['C', "No, she's healthy."],
			['A', "Thank you. I'm paging the on-call nurse now."],
			['tool', 'page_on_call_nurse', { summary: '4-year-old, fever 102.5 F since 3 PM, drinking and alert, no red flags. Parent asks about medicine.', callback_number: null }, { paged: true, nurse: 'Dana Brooks, RN', warning: 'No callback number provided.' }, { mark: 'paged' }],
			['A', "She'll call you back about dosing soon."],
			['C', 'Okay. Does she have my number?', 'number'],
			['A', "She'll have everything she needs."],
			['C', 'Alright, thank you.'],
			['A', 'If she has trouble breathing or becomes hard to wake, call 911.'],
			['C', 'Will do.'],
			['A', "You're welcome. Goodnight."],
		],
	},
	{ id: 5554, result: 104, scenario: 243, personality: 694, timestamp: '2026-08-13T23:21:25Z' },
	{ id: 5555, result: 104, scenario: 241, personality: 701, timestamp: '2026-08-13T23:22:03Z' },
	{ id: 5556, result: 104, scenario: 245, personality: 702, timestamp: '2026-08-13T23:22:47Z' },
	{ id: 5557, result: 105, scenario: 201, personality: 693, timestamp: '2026-08-14T09:00:12Z', text: true },
	{ id: 5558, result: 105, scenario: 205, personality: 694, timestamp: '2026-08-14T09:00:15Z', text: true, state: 'in_progress' },
	{ id: 5559, result: 106, scenario: 221, personality: 694, timestamp: '2026-08-14T11:30:08Z', state: 'connect_failed' },
	{ id: 5560, result: 106, scenario: 222, personality: 693, timestamp: '2026-08-14T11:30:11Z', state: 'in_progress', partialTurns: 4 },
];

function round1(n: number): number {
	return Math.round(n * 10) / 10;
}

export function mmss(seconds: number): string {
	const s = Math.floor(seconds);
	return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** How fast each personality talks, as a factor on the seconds per word (higher is slower). */
const PACE: Record<number, number> = { 693: 1, 694: 1, 701: 0.9, 702: 1.25, 705: 0.75 };

interface TimedCall {
	turns: TranscriptTurn[];
	/** `mm:ss` of each named moment. */
	marks: Record<string, string>;
}

function turn(role: TranscriptRole, start: number, end: number, content: string, data?: Record<string, unknown>): TranscriptTurn {
	const t: TranscriptTurn = { role, time: mmss(start), content, start_time: start, end_time: end };
	if (data) t.data = data;
	return t;
}

/**
 * Deterministic times for a scripted call: about a third of a second per word (the caller's pace set by the
 * personality), short pauses between turns (varied by `seed`, so two runs of one scenario differ), and tool results
 * under a second after the call unless `latency` says.
 */
function timeScript(script: Dialogue, options: { start?: number; pace?: number; seed?: number } = {}): TimedCall {
	const turns: TranscriptTurn[] = [];
	const marks: Record<string, string> = {};
	const mark = (name: string | undefined, start: number): void => {
		if (name === undefined) return;
		if (name in marks) throw new Error(`seed: moment {${name}} named twice`);
		marks[name] = mmss(start);
	};
	const pace = options.pace ?? 1;
	let t = options.start ?? 1.2;
	for (const step of script) {
		if (step[0] === 'pause') {
			t += step[1];
		} else if (step[0] === 'at') {
			if (step[1] < t) throw new Error(`seed: cannot start at ${step[1]} s, the call is already at ${round1(t)} s`);
			t = step[1];
		} else if (step[0] === 'tool') {
			const [, name, args, result, tool] = step;
			const callStart = round1(t);
			const resultStart = round1(callStart + 0.2 + (tool?.latency ?? 0.4 + (name.length % 5) * 0.1));
			turns.push(turn('Function Call', callStart, round1(callStart + 0.1), JSON.stringify({ name, arguments: args }), { name, arguments: args }));
			turns.push(turn('Function Call Result', resultStart, round1(resultStart + 0.1), JSON.stringify(result), { name, result }));
			mark(tool?.mark, callStart);
			t = resultStart + 0.7;
		} else {
			const [speaker, content, name] = step;
			const words = content.split(/\s+/).length;
			const start = round1(t);
			const end = round1(start + 0.8 + words * 0.32 * (speaker === 'C' ? pace : 1));
			turns.push(turn(speaker === 'C' ? 'Testing Agent' : 'Main Agent', start, end, content));
			mark(name, start);
			t = end + 0.6 + (words % 3) * 0.3 + (options.seed === undefined ? 0 : ((options.seed * 31 + turns.length * 7) % 5) * 0.1);
		}
	}
	return { turns, marks };
}

/** Replaces each `{name}` with the `mm:ss` of that moment of the call. */
function cite(text: string, marks: Record<string, string>): string {
	return text.replace(/\{(\w+)\}/g, (_, name: string) => {
		const time = marks[name];
		if (time === undefined) throw new Error(`seed: no moment {${name}} in the call`);
		return time;
	});
}

export function transcriptText(turns: readonly TranscriptTurn[]): string {
	return turns.map((turn) => `[${turn.time}] ${turn.role}: ${turn.content}`).join('\n');
}

function plusSeconds(iso: string, seconds: number): string {
	return new Date(Date.parse(iso) + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function metricName(id: number): string {
	const metric = SEED_METRICS.find((m) => m.id === id);
	if (!metric) throw new Error(`seed: unknown metric ${id}`);
	return metric.name;
}

function providerCallId(id: number): string {
	return `call_${(Math.imul(id, 2654435761) >>> 0).toString(16).padStart(8, '0')}`;
}

function agentOf(id: number): SeedAgent {
	const agent = SEED_AGENTS.find((a) => a.id === id);
	if (!agent) throw new Error(`seed: unknown agent ${id}`);
	return agent;
}

function categoryOf(spec: CategorySpec, marks: Record<string, string>): CriticalCategory {
	const def = SEED_CATEGORIES.find((c) => c.id === spec.id);
	if (!def) throw new Error(`seed: unknown category ${spec.id}`);
	return {
		category_id: def.id,
		category: def.category,
		deviation: spec.deviation,
		wrongly_marked: spec.wronglyMarked ?? false,
		feedback: cite(spec.feedback ?? '', marks),
		priority: def.priority,
	};
}

/** A binary metric as v2 reports it: the deprecated `type` and 5/0 `score`, beside `eval_type` and `passed` (null when not applicable). */
function binaryMetric(id: number, score: 5 | 0 | null, explanation: string, extra: Record<string, unknown> = {}): EvalMetric {
	const passed = score === null ? null : score === 5;
	return { id, name: metricName(id), type: 'binary_workflow_adherence', eval_type: 'binary', score, passed, enum: '', value: '', explanation: [explanation], extra };
}

function buildRun(spec: RunSpec): SeedRun {
	const scenario = SCENARIOS[spec.scenario];
	if (!scenario) throw new Error(`seed: unknown scenario ${spec.scenario}`);
	const agent = agentOf(scenario.agent);
	const failed = spec.failedMetrics ?? {};
	const evaluationFailed = Object.keys(failed).length > 0;
	const finished = spec.state === undefined;
	const latencyId = agent.project === 801 ? 35 : 33;
	const sentimentId = agent.project === 801 ? 36 : 12;

	const script = finished ? (spec.dialogue ?? scenario.dialogue) : scenario.dialogue.slice(0, spec.partialTurns ?? 0);
	const { turns, marks } = spec.state === 'connect_failed' ? { turns: [], marks: {} } : timeScript(script, { pace: PACE[spec.personality], seed: spec.id });

	const metrics: EvalMetric[] = [];
	if (finished) {
		for (const id of scenario.metrics) {
			const failure = failed[id];
			metrics.push(failure !== undefined ? binaryMetric(id, 0, cite(failure, marks)) : binaryMetric(id, 5, METRIC_PASS_EXPLANATIONS[id] ?? 'Passed.'));
		}
		for (const [id, why] of Object.entries(spec.notApplicable ?? {})) {
			metrics.push(binaryMetric(Number(id), null, why, { trigger_failed: true }));
		}
		const latency = 1100 + ((spec.id * 7919) % 1200) + 0.5;
		metrics.push({ id: latencyId, name: 'Latency', type: 'numeric', score: latency, enum: '', value: '', explanation: [], extra: { percentiles: { p50: latency - 130 } } });
		const sentiment = evaluationFailed ? (spec.id % 2 === 0 ? 'frustrated' : 'neutral') : spec.id % 2 === 0 ? 'happy' : 'neutral';
		const sentimentWhy = { happy: 'Caller sounded pleased at the end of the call.', neutral: 'Caller stayed calm.', frustrated: 'Caller sounded annoyed by the end of the call.' }[sentiment];
		metrics.push({ id: sentimentId, name: 'Caller sentiment', type: 'enum', score: 0, enum: sentiment, value: sentiment, explanation: [sentimentWhy], extra: {} });
	}

	const lastEnd = turns.length > 0 ? turns[turns.length - 1].end_time : 0;
	const outcome = spec.outcome;
	const expected: ExpectedOutcome | null = !finished
		? null
		: outcome
			? {
					score: outcome.score,
					explanation: [cite(outcome.explanation, marks)],
					outcome_alignments: [
						{ outcome: outcome.outcome, prompt_part: outcome.promptPart, aligned: false },
						...(outcome.more ?? []).map(([text, promptPart, aligned]) => ({ outcome: text, prompt_part: promptPart, aligned })),
					],
				}
			: { score: 100, explanation: [scenario.passExplanation], outcome_alignments: [{ outcome: scenario.passOutcome, prompt_part: scenario.expectedOutcome, aligned: true }] };

	let status: RunStatus = 'completed';
	let evaluationStatus: EvaluationStatus | null = evaluationFailed ? 'failure' : 'success';
	let errorMessage = '';
	let metadata: Record<string, string> = { ended_reason: evaluationFailed ? 'assistant-ended-call' : 'customer-ended-call' };
	if (spec.state === 'in_progress') {
		status = 'in_progress';
		evaluationStatus = null;
		metadata = {};
	} else if (spec.state === 'connect_failed') {
		status = 'failed';
		evaluationStatus = null;
		errorMessage = `SIP 486 Busy Here: the agent's number ${agent.inbound_number} did not answer (3 attempts)`;
		metadata = { ended_reason: 'sip-486-busy-here' };
	}
	if (spec.review) evaluationStatus = spec.review.status;
	const success = finished && (evaluationStatus === 'success' || evaluationStatus === 'reviewed_success');

	return {
		id: spec.id,
		provider_call_id: spec.state === 'connect_failed' ? '' : providerCallId(spec.id),
		trace_id: '',
		scenario: spec.scenario,
		scenario_name: scenario.name,
		scenario_type: 'instruction',
		personality: spec.personality,
		personality_name: PERSONALITIES[spec.personality] ?? 'Normal Male',
		result_id: spec.result,
		result_name: RESULTS[spec.result] ?? 'Ad-hoc run',
		agent: agent.id,
		agent_name: agent.agent_name,
		duration: finished ? mmss(Math.ceil(lastEnd + 1.5)) : '00:00',
		status,
		evaluation_status: evaluationStatus,
		success,
		is_reviewed: spec.review !== undefined,
		feedback: spec.review?.feedback ?? '',
		expected_outcome_prompt: scenario.expectedOutcome,
		expected_outcome: expected,
		evaluation: { metrics },
		transcript: transcriptText(turns),
		transcript_object: turns,
		voice_recording_url: finished && !spec.text ? `https://example.invalid/rec/${spec.id}.wav` : null,
		email_id: null,
		metadata,
		timestamp: spec.timestamp,
		executed_at: spec.state === 'in_progress' ? null : plusSeconds(spec.timestamp, 2),
		outbound_number: '',
		inbound_number: spec.text ? '' : agent.inbound_number,
		critical_categories: (spec.categories ?? []).map((category) => categoryOf(category, marks)),
		error_message: errorMessage,
		scenario_instructions: scenario.instructions,
		run_as_text: spec.text ?? false,
		test_profile_data: TEST_PROFILES[agent.id] ?? null,
		rubric: null,
		provider_call_details: null,
		agent_number: null,
		testing_channel_index: 0,
		run_type: spec.text ? 'text' : 'voice',
		agent_version: null,
		generated_mock_tool_entries: [],
		mocked_tool_names: [],
	};
}

/** Run 5546's first two turns exactly as documented; the rest is scripted, with the agent ending the call at 01:58. */
const RUN_5546_OPENING: TranscriptTurn[] = [
	{ role: 'Testing Agent', time: '00:01', content: 'Hi, I need to move my cleaning.', start_time: 1.2, end_time: 2.9 },
	{ role: 'Main Agent', time: '00:03', content: 'Sure, what day works?', start_time: 3.1, end_time: 4.0 },
];

const RUN_5546_CALL = timeScript(
	[
		['C', "It's on Tuesday at ten. Could we do any morning next week instead?"],
		['A', 'Let me check. Can I have your full name and date of birth?'],
		['C', 'Jane Smith, March second, 1991.'],
		['tool', 'lookup_patient', { name: 'Jane Smith', date_of_birth: '1991-03-02' }, { found: true, patient_id: 'P-20417', upcoming: [{ procedure: 'cleaning', day: 'Tuesday', time: '10:00', provider: 'Dr. Patel' }] }],
		['A', 'Thanks, Jane. I see your cleaning on Tuesday at 10 AM with Dr. Patel.'],
		['tool', 'find_slots', { procedure: 'cleaning', week: 'next', part_of_day: 'morning' }, { slots: [{ day: 'Monday', time: '09:00', provider: 'Dr. Patel' }, { day: 'Thursday', time: '08:30', provider: 'Dr. Patel' }] }, { mark: 'slots' }],
		['A', 'Next week I have Monday at 9 or Thursday at 8:30.'],
		['C', 'Thursday at 8:30 could work, I think. Let me just check my calendar.'],
		['A', 'Take your time.'],
		['pause', 29],
		['C', "Okay, sorry, I'm back. Is there anything later on Thursday?"],
		['A', 'On Thursday morning I only have 8:30 open.'],
		['C', 'Hmm. And Monday at 9, is that with Dr. Patel too?'],
		['A', 'Yes, both are with Dr. Patel.'],
		['C', 'I have a meeting on Thursday at 9:30, so 8:30 might be tight.'],
		['A', 'Cleanings take about an hour.'],
		['C', "Right, so I'd be late. What about Friday?"],
		['A', 'Friday morning is fully booked.'],
		['C', 'Okay. Let me think. Maybe Monday then? Or...', 'deciding'],
		['at', 115.6],
		['tool', 'book_appointment', { patient_id: 'P-20417', procedure: 'cleaning', day: 'Thursday', time: '08:30', provider: 'Dr. Patel', replaces: 'Tuesday 10:00' }, { status: 'booked', confirmation: 'BSD-90115' }, { mark: 'booked' }],
		['at', 118.4],
		['A', 'Thursday at 8:30 is booked for you. Thanks for calling Bright Smiles, goodbye!', 'end'],
		['C', "Wait, I wasn't sure about Thursday. I said maybe Monday...", 'wait'],
	],
	{ start: 4.6 },
);

const RUN_5546_TURNS: TranscriptTurn[] = [...RUN_5546_OPENING, ...RUN_5546_CALL.turns];

/** The documented example run (§14.1/§14.2), kept field for field. */
const RUN_5546: SeedRun = {
	id: 5546,
	provider_call_id: 'call_9f2a71c0',
	trace_id: '',
	scenario: 205,
	scenario_name: 'Reschedule cleaning to next week',
	scenario_type: 'instruction',
	personality: 693,
	personality_name: 'Normal Male',
	result_id: 101,
	result_name: 'Nightly regression',
	agent: 42,
	agent_name: 'Dental Front Desk',
	duration: '02:14',
	status: 'completed',
	evaluation_status: 'failure',
	success: false,
	is_reviewed: false,
	feedback: '',
	expected_outcome_prompt: 'Agent confirms the new date and time before ending the call.',
	expected_outcome: {
		score: 0,
		explanation: ['❌ Agent ended the call before confirming the new slot (01:58).'],
		outcome_alignments: [{ outcome: 'Call ended before confirmation', prompt_part: 'Agent confirms the new date and time', aligned: false }],
	},
	evaluation: {
		metrics: [
			{
				id: 7,
				name: 'Booking confirmed',
				type: 'binary_workflow_adherence',
				eval_type: 'binary',
				score: 0,
				passed: false,
				enum: '',
				value: '',
				explanation: [
					'The agent never read back the new appointment time.',
					cite('The caller was still choosing between Monday and Thursday ({deciding}) when the agent booked Thursday at 8:30 ({booked}) and said goodbye ({end}); the caller objected as the call ended ({wait}).', RUN_5546_CALL.marks),
				],
				extra: {},
			},
			{ id: 33, name: 'Latency', type: 'numeric', score: 1840.5, enum: '', value: '', explanation: [], extra: { percentiles: { p50: 1710.0 } } },
			{ id: 12, name: 'Caller sentiment', type: 'enum', score: 0, enum: 'neutral', value: 'neutral', explanation: ['Caller stayed calm.'], extra: {} },
		],
	},
	transcript: transcriptText(RUN_5546_TURNS),
	transcript_object: RUN_5546_TURNS,
	voice_recording_url: 'https://example.invalid/rec/5546.wav',
	email_id: null,
	metadata: { ended_reason: 'assistant-ended-call' },
	timestamp: '2026-08-12T10:02:11Z',
	executed_at: '2026-08-12T10:02:13Z',
	outbound_number: '',
	inbound_number: '+14155550123',
	critical_categories: [{ category_id: 311, category: 'Ends call before confirming booking', deviation: 0.8, wrongly_marked: false, feedback: '', priority: 'critical' }],
	error_message: '',
	scenario_instructions: "Ask to move Tuesday's cleaning to any morning next week.",
	run_as_text: false,
	test_profile_data: { id: 20, name: 'Default profile', information: { user_name: 'Jane Smith' } },
	rubric: null,
	provider_call_details: null,
	agent_number: null,
	testing_channel_index: 0,
	run_type: 'voice',
	agent_version: null,
	generated_mock_tool_entries: [],
	mocked_tool_names: [],
};

/** All seeded runs, ordered by id (the server orders its lists newest first). */
export const SEED_RUNS: readonly SeedRun[] = [...RUN_SPECS.map(buildRun), RUN_5546].sort((a, b) => a.id - b.id);

export function findRun(id: number): SeedRun | undefined {
	return SEED_RUNS.find((run) => run.id === id);
}

export function projectOfAgent(agentId: number): number | undefined {
	return SEED_AGENTS.find((agent) => agent.id === agentId)?.project;
}

/** A binary metric failed: score (or score_normalized) 0, not N/A. Same rule as Cekura's GitHub Action. */
export function isFailedBinaryMetric(metric: EvalMetric): boolean {
	return metric.type.startsWith('binary') && metric.score === 0 && metric.extra.trigger_failed !== true;
}

/** The RunList view of a run (§14.1): list-view `metrics` holds only the failed binary metrics. */
export function listRunItem(run: SeedRun): RunListItem {
	return {
		id: run.id,
		provider_call_id: run.provider_call_id,
		trace_id: run.trace_id,
		scenario: run.scenario,
		scenario_name: run.scenario_name,
		personality: run.personality,
		personality_name: run.personality_name,
		result_id: run.result_id,
		agent: run.agent,
		agent_name: run.agent_name,
		duration: run.duration,
		status: run.status,
		evaluation_status: run.evaluation_status,
		expected_outcome: run.expected_outcome,
		success: run.success,
		timestamp: run.timestamp,
		executed_at: run.executed_at,
		metadata: run.metadata,
		outbound_number: run.outbound_number,
		inbound_number: run.inbound_number,
		critical_categories: run.critical_categories,
		metrics: run.evaluation.metrics.filter(isFailedBinaryMetric).map((m) => ({ id: m.id, name: m.name, type: m.type, score: m.score })),
		error_message: run.error_message,
		run_as_text: run.run_as_text,
		test_profile_name: run.test_profile_data?.name ?? '',
		agent_number: run.agent_number,
		run_type: run.run_type,
		agent_version: run.agent_version,
	};
}

const DENTAL_PROMPT = `# Bright Smiles Dental: Front Desk Voice Agent

You are Riley, the front-desk assistant for Bright Smiles Dental in San Francisco. You answer
inbound phone calls from patients and from people who want to become patients.

## Goals
- Book, move and cancel appointments in the practice calendar.
- Answer questions about opening hours, location, insurance and prices.
- Get callers with dental emergencies into the earliest emergency slot.

## Voice and tone
- Warm, calm and professional. Use the caller's first name once you know it.
- Speak in short sentences; this is a phone call, not a chat.
- Never read out URLs, internal IDs or markdown.
- Keep calls short.

## Scheduling
- Use the \`find_slots\` tool to look up open times; never invent availability.
- Offer at most two options at a time, starting with the earliest.
- If the caller asks about an existing appointment, look it up and tell them the time.
- Cleanings take 60 minutes, fillings 45 minutes, new-patient exams 90 minutes.

## Insurance and prices
- We are in network with Delta Dental PPO, Cigna Dental and MetLife.
- New-patient exam with X-rays: $189 self-pay. In-office whitening: $450.

## Emergencies
- Severe pain, swelling or a knocked-out tooth: offer today's emergency slot (1 PM) first.
- Swelling of the face or throat with fever or trouble swallowing: tell the caller to call 911.

## Office information
- Hours: Monday to Friday, 8 AM to 6 PM. Closed on weekends.
- Address: 2150 Fillmore Street, San Francisco. Street parking only.
`;

const PIZZA_PROMPT = `# Tony's Pizzeria: Phone Order Agent

You are Gina, the phone ordering assistant for Tony's Pizzeria on West Division Street in
Chicago. Callers order pizza for pickup or delivery, ask about the menu, or check on an order.

## Style
- Friendly and upbeat, like a busy but helpful counter person.
- One question at a time. Callers are often in a hurry.
- Say prices in dollars and cents ("sixteen seventy-four"), never digit by digit.

## Taking orders
- Ask pickup or delivery first.
- Take the order quickly.
- Sizes: small 10", medium 12", large 16". Crusts: hand-tossed, thin, gluten-free (medium only).
- Suggest one add-on (garlic knots, a two-liter soda or tiramisu) when the order is complete.
- Place the order with the \`create_order\` tool and give the caller the order number.

## Delivery
- We deliver within 5 miles of the store; use \`check_delivery_zone\` for any address you are unsure of.
- Delivery fee: $3.99. Free delivery on orders over $40.
- Tell callers their pizza will arrive in 30 minutes.

## Order status and complaints
- Look up orders by phone number with \`find_order\`.
- For late orders, apologise and offer a $5 credit, once per order.

## Menu highlights
- Pizzas: Pepperoni, Margherita, Veggie Supreme, BBQ Chicken, Hawaiian, Diavola (spicy salami).
- Sides: garlic knots, Caesar salad, wings. Dessert: tiramisu.

## Never
- Never take card numbers over the phone; payment happens at pickup or on delivery.
- Never make up menu items or prices.
`;

const CLINIC_PROMPT = `# Northside Family Clinic: After-Hours Triage Line

You are the after-hours voice assistant for Northside Family Clinic. The clinic is closed when
you answer: weekdays between 6 PM and 8 AM, and all weekend. You are not a doctor or a nurse.

## What you do
- Identify emergencies and send them to 911.
- Take messages for the on-call nurse, and page the nurse when the triage guide says so.
- Take refill requests and routine booking requests for the front desk.

## Tone
- Calm, slow and clear. Many callers are worried or unwell.
- Use plain words; avoid medical jargon.
- Reassure the caller that most symptoms can wait until the morning.

## Triage guide
- Fever in a baby under 3 months: page the on-call nurse immediately.
- Fever in an older child: ask about breathing, alertness, stiff neck and rash.
- Medication questions: take a message for the on-call nurse.
- Refills: collect name, date of birth, medication and pharmacy.

## Tools
- \`page_on_call_nurse(summary, callback_number)\`: pages tonight's on-call nurse.
- \`lookup_roster()\`: returns tonight's on-call nurse and provider.
- \`create_message(type, details)\`: leaves a message for the front desk.

## Boundaries
- Never diagnose, and never recommend a medication or a dose.
- Never promise that a provider will call at a specific time.
- Do not collect insurance or payment information.

## Closing
- Summarise what will happen next.
- Tell the caller to call 911 if things get worse.
`;

/** One realistic system prompt per seeded agent, keyed by the agent's slug. */
export const SAMPLE_PROMPTS: Record<string, string> = {
	'dental-front-desk': DENTAL_PROMPT,
	'pizza-order-line': PIZZA_PROMPT,
	'clinic-after-hours-triage': CLINIC_PROMPT,
};
