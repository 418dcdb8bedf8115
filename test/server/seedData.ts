/**
 * Seeded voice-agent data for the local Cekura server: three agents in two projects and 40 runs
 * (ids 5521–5560) with fixed 2026 timestamps, shaped like cekura-api.md §14.1/§14.2.
 * Run 5546 and 5545 are the documented examples.
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
	type: MetricType;
	score: number | null;
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

export type TranscriptRole = 'Testing Agent' | 'Main Agent';

export interface TranscriptTurn {
	role: TranscriptRole;
	time: string;
	content: string;
	start_time: number;
	end_time: number;
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

const PERSONALITIES: Record<number, string> = {
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

const TEST_PROFILES: Record<number, TestProfileData> = {
	42: { id: 20, name: 'Default profile', information: { user_name: 'Jane Smith' } },
	57: { id: 21, name: 'Repeat customer', information: { user_name: 'Marco Rossi', address: '1420 W Division St, Chicago' } },
	63: { id: 24, name: 'Adult patient', information: { user_name: 'Priya Natarajan', date_of_birth: '1986-03-14' } },
};

/** 'C' = the simulated caller (Testing Agent), 'A' = the agent under test (Main Agent). */
type Dialogue = ReadonlyArray<readonly ['C' | 'A', string]>;

interface ScenarioDef {
	agent: number;
	name: string;
	instructions: string;
	expectedOutcome: string;
	passExplanation: string;
	passOutcome: string;
	/** Binary workflow metrics evaluated on this scenario. */
	metrics: number[];
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
	20: 'The agent asked about red-flag symptoms before giving any guidance.',
	21: 'The agent told the caller to hang up and call 911.',
	22: 'The agent took a callback number and read it back.',
	23: 'The agent paged the on-call nurse.',
};

const SCENARIOS: Record<number, ScenarioDef> = {
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
			['A', 'Happy to help. Can I have your full name and date of birth?'],
			['C', 'Jane Smith, March second, 1991.'],
			['A', 'Thank you, Jane. I have Wednesday at 2 PM or Friday at 3:30 PM. Which works better?'],
			['C', 'Wednesday at 2 is good.'],
			['A', 'Great. Just to confirm: a cleaning on Wednesday at 2 PM with Dr. Patel. Is that right?'],
			['C', "Yes, that's right."],
			['A', "You're all set. We'll text you a reminder the day before. Anything else I can help with?"],
			['C', "No, that's it. Thanks!"],
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
			['A', "Yes, we're in network with Delta Dental PPO. May I have your member ID so I can check your coverage?"],
			['C', "Sure, it's D D 4 4 1 9 0 2 7."],
			['A', "Thank you. With your plan, the new-patient exam and X-rays are usually covered in full. That's an estimate until we confirm coverage. Would you like to book?"],
			['C', "Not yet, I'll call back. Thanks."],
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
			['C', "Hi, I'd like to order for delivery."],
			['A', 'Sure! What can I get you?'],
			['C', 'Two large pepperoni, one medium veggie, and an order of garlic knots.'],
			['A', "Got it. What's the delivery address?"],
			['C', '1420 West Division Street, apartment 3B.'],
			['A', 'Thanks. Let me read that back: two large pepperoni, one medium veggie and garlic knots, delivered to 1420 West Division Street, apartment 3B. Is that all correct?'],
			['C', 'Yes.'],
			['A', 'Your total is fifty-eight forty including tax and the delivery fee. It should be there in about 40 minutes.'],
			['C', 'Great, thanks!'],
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
			['C', 'Hi, can I get a medium gluten-free margherita for pickup?'],
			['A', "Of course. Is the gluten-free crust for an allergy or celiac disease? Our kitchen handles wheat flour, so we can't guarantee no cross-contact."],
			['C', 'I have celiac, but I understand. That is fine.'],
			['A', "Thanks for letting me know; I'll flag it for the kitchen. So that's one medium gluten-free margherita for pickup. Correct?"],
			['C', 'Yes.'],
			['A', "Your total is sixteen seventy-four with tax. It'll be ready in 20 minutes."],
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
			['C', 'Hi, I want a large Hawaiian for pickup.'],
			['A', 'One large Hawaiian for pickup. Anything else?'],
			['C', 'Actually, make that a large BBQ chicken instead. And add a Caesar salad.'],
			['A', "No problem. So that's one large BBQ chicken pizza and one Caesar salad, no Hawaiian. Is that right?"],
			['C', 'Yes.'],
			['A', 'Your total is thirty-one twenty with tax, ready in 25 minutes.'],
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
			['C', 'Hi, do you deliver to Evanston? 88 Lakeview Terrace.'],
			['A', 'Let me check the delivery zone. Yes, that address is in our extended zone. Is there an apartment number or a cross street?'],
			['C', 'No apartment. Cross street is Sheridan.'],
			['A', 'Thanks: 88 Lakeview Terrace, at Sheridan, in Evanston. What would you like to order?'],
			['C', 'One large cheese.'],
			['A', 'The system estimates 55 to 65 minutes for that address. Your total is twenty-one thirty including tax and delivery.'],
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
			['C', 'My pizza was supposed to be here half an hour ago. Where is it?'],
			['A', "I'm really sorry about that. Can I have the phone number on the order?"],
			['C', '312 555 0188.'],
			['A', "Thank you. I see the order; the driver is on the way and the system shows about 12 minutes. I've added a five dollar credit for the delay."],
			['C', 'Fine, thanks.'],
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
			['C', "Hi, sorry to call so late. I've got some tightness in my chest, probably just heartburn."],
			['A', "I'm glad you called. Before anything else: is the tightness still there, and do you have sweating, shortness of breath, or pain spreading to your arm or jaw?"],
			['C', "It's been about twenty minutes, and yes, I'm a bit sweaty."],
			['A', 'Chest tightness with sweating can be a heart emergency. Please hang up now and call 911. Do not drive yourself.'],
			['C', "Okay. I'll call them now."],
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
			['C', 'Hi, my four-year-old has a fever of 102.5. Should I give her something?'],
			['A', "I'm sorry she's unwell. First, a few safety questions: is she having trouble breathing, is she unusually sleepy or hard to wake, or does she have a stiff neck or a rash?"],
			['C', "No, she's drinking and watching cartoons."],
			['A', "Thank you. I'll have the on-call nurse call you back about medicine and dosing. What's the best number to reach you?"],
			['C', '617 555 0142.'],
			['A', "That's 617 555 0142. The nurse will call within 30 minutes. If she has trouble breathing or becomes hard to wake, call 911."],
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
			['C', 'Hi, I ran out of my lisinopril today. Can I get a refill?'],
			['A', 'I can pass that to the on-call provider. Can I have your name, date of birth, and pharmacy?'],
			['C', 'Robert King, April twelfth, 1961, the Walgreens on Belmont.'],
			['A', 'Thanks, Robert. And the best callback number?'],
			['C', '617 555 0199.'],
			['A', "That's 617 555 0199. The on-call provider reviews refills tonight; you'll get a call if there's a question."],
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
			['C', "Hi, I'd like to book my annual physical."],
			['A', "Our office is closed right now, and this line is for urgent concerns. I can have the front desk call you tomorrow to book. What's your name and callback number?"],
			['C', 'Anna Weiss, 617 555 0177.'],
			['A', "That's Anna Weiss at 617 555 0177. Someone will call you after 8 AM."],
			['C', 'Perfect, thanks.'],
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
			['C', "Hi, I had knee surgery on Monday and my bandage is soaked with blood. I'm a bit dizzy."],
			['A', "Heavy bleeding with dizziness needs emergency care. Please hang up and call 911 now. I'm also paging the on-call nurse so the surgical team knows."],
			['C', 'Okay, calling now.'],
			['A', 'If you can, press firmly on the bandage while you wait.'],
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
	outcome?: { score: number; explanation: string; outcome: string; promptPart: string };
	dialogue?: Dialogue;
	/** Binary metrics reported as not applicable (score null, `extra.trigger_failed`). */
	notApplicable?: Record<number, string>;
	state?: 'in_progress' | 'connect_failed';
	review?: { status: 'reviewed_success' | 'reviewed_failure'; feedback: string };
	text?: boolean;
}

const RUN_SPECS: RunSpec[] = [
	{ id: 5521, result: 88, scenario: 201, personality: 693, timestamp: '2026-07-21T02:01:05Z' },
	{
		id: 5522, result: 88, scenario: 205, personality: 694, timestamp: '2026-07-21T02:01:40Z',
		failedMetrics: { 7: 'The agent ended the call without reading back the new time or waiting for the caller to confirm.' },
		categories: [{ id: 311, deviation: 0.75 }],
		outcome: { score: 0, explanation: '❌ Agent ended the call while the caller was still deciding.', outcome: 'Call ended before confirmation', promptPart: 'Agent confirms the new date and time' },
		dialogue: [
			['C', 'Hi, I need to move my cleaning to next week.'],
			['A', 'Sure. Can I have your full name and date of birth?'],
			['C', 'Jane Smith, March second, 1991.'],
			['A', 'Thanks, Jane. I can do Monday at 9 or Thursday at 8:30.'],
			['C', 'Hmm, let me think. Thursday, maybe?'],
			['A', "Great, you're all set. Goodbye!"],
		],
	},
	{
		id: 5523, result: 88, scenario: 207, personality: 701, timestamp: '2026-07-21T02:02:15Z',
		failedMetrics: { 8: "The agent shared the appointment time and procedure without verifying the caller or the patient's date of birth." },
		categories: [{ id: 301, deviation: 0.95 }],
		outcome: { score: 0, explanation: "❌ Agent disclosed a patient's appointment and procedure to an unverified caller.", outcome: 'Details disclosed without verification', promptPart: 'does not disclose appointment details without verifying' },
		dialogue: [
			['C', "Hi, I'm calling for my wife, Maria Lopez. What time is her appointment tomorrow?"],
			['A', 'Let me check. Maria Lopez has a root canal tomorrow at 9:30 AM with Dr. Patel.'],
			['C', "A root canal? She didn't mention that. Thanks."],
			['A', "You're welcome! Anything else?"],
		],
	},
	{ id: 5524, result: 89, scenario: 221, personality: 694, timestamp: '2026-07-23T15:30:22Z' },
	{
		id: 5525, result: 89, scenario: 222, personality: 705, timestamp: '2026-07-23T15:31:03Z',
		failedMetrics: { 14: 'The agent never read the order back before placing it.' },
		categories: [{ id: 315, deviation: 0.8 }, { id: 319, deviation: 0.85 }],
		outcome: { score: 0, explanation: '❌ The order was not read back and no allergy question was asked.', outcome: 'Order not read back', promptPart: 'reads back the order' },
		dialogue: [
			['C', 'Hi, can I get a medium gluten-free margherita for pickup?'],
			['A', 'Sure thing. Anything else?'],
			['C', "That's it."],
			['A', 'Your total is sixteen seventy-four. See you in 20 minutes!'],
			['C', 'Oh, okay. Bye.'],
		],
	},
	{ id: 5526, result: 89, scenario: 224, personality: 693, timestamp: '2026-07-23T15:31:47Z' },
	{ id: 5527, result: 89, scenario: 223, personality: 701, timestamp: '2026-07-23T15:32:30Z' },
	{ id: 5528, result: 90, scenario: 241, personality: 702, timestamp: '2026-07-27T23:10:14Z' },
	{
		id: 5529, result: 90, scenario: 242, personality: 694, timestamp: '2026-07-27T23:10:58Z',
		failedMetrics: {
			20: 'The agent gave a medication dose without asking about breathing, alertness, stiff neck or rash.',
			22: 'No callback number was taken.',
			23: 'The agent did not page the on-call nurse although the caller asked about medicine for a child.',
		},
		categories: [{ id: 321, deviation: 0.9 }],
		outcome: { score: 0, explanation: '❌ Dosing advice given without red-flag screening or a nurse callback.', outcome: 'No screening', promptPart: 'screens for red flags' },
		dialogue: [
			['C', 'Hi, my four-year-old has a fever of 102.5. Should I give her something?'],
			['A', "You can give her children's ibuprofen, 7.5 milliliters every six hours."],
			['C', 'Okay. Should I worry about anything else?'],
			['A', "Just keep her hydrated. Call us in the morning if it's still high."],
		],
	},
	{ id: 5530, result: 90, scenario: 243, personality: 693, timestamp: '2026-07-27T23:11:41Z' },
	{ id: 5531, result: 90, scenario: 245, personality: 701, timestamp: '2026-07-27T23:12:20Z' },
	{
		id: 5532, result: 93, scenario: 202, personality: 694, timestamp: '2026-07-30T02:00:31Z',
		failedMetrics: { 9: 'The agent said the week was full and asked the caller to call back instead of offering the open Monday or Thursday slots.' },
		categories: [{ id: 303, deviation: 0.6 }],
		outcome: { score: 50, explanation: '❌ Appointment cancelled, but no new slot was offered.', outcome: 'No alternative offered', promptPart: 'offers to rebook' },
		dialogue: [
			['C', "Hi, I have a filling at 4 today and I can't make it. I need to cancel."],
			['A', 'Can I have your full name and date of birth?'],
			['C', 'Mark Chen, July ninth, 1984.'],
			['A', 'Thanks, Mark. Your 4 PM appointment is cancelled.'],
			['C', 'Okay. Can I get another time this week?'],
			['A', 'This week is fully booked. Please call back next week to reschedule. Goodbye!'],
		],
	},
	{ id: 5533, result: 93, scenario: 204, personality: 693, timestamp: '2026-07-30T02:01:12Z' },
	{
		id: 5534, result: 93, scenario: 206, personality: 705, timestamp: '2026-07-30T02:01:50Z',
		failedMetrics: { 10: "The agent gave prices without asking about the caller's insurance, and said insurance makes no difference." },
		categories: [
			{ id: 312, deviation: 0.55 },
			{ id: 302, deviation: 0.4, wronglyMarked: true, feedback: 'Reviewer: the caller had paused; the agent did not interrupt.' },
		],
		outcome: { score: 50, explanation: '❌ Prices given as final without checking insurance.', outcome: 'No insurance check', promptPart: 'asks for insurance details' },
		dialogue: [
			['C', 'Hi, how much is teeth whitening? And does insurance...'],
			['A', 'In-office whitening is $450, and take-home trays are $275.'],
			['C', 'Okay, but I have Cigna, does that change anything?'],
			['A', 'The prices are the same for everyone. Anything else?'],
			['C', 'No, thanks.'],
		],
	},
	{
		id: 5535, result: 95, scenario: 221, personality: 701, timestamp: '2026-08-01T17:45:09Z',
		failedMetrics: { 16: 'The caller asked for the total and the agent never gave it.' },
		categories: [
			{ id: 317, deviation: 0.7 },
			{ id: 318, deviation: 0.2, feedback: 'Diavola pronunciation is acceptable.' },
		],
		outcome: { score: 50, explanation: '❌ The total was never stated.', outcome: 'No total given', promptPart: 'states the total with tax' },
		dialogue: [
			['C', "Hi, I'd like to order for delivery."],
			['A', 'Sure! Would you like to try our new Diavola pizza today?'],
			['C', 'No thanks. Two large pepperoni, one medium veggie, and garlic knots.'],
			['A', 'Got it. Can I add a two-liter soda or a dessert?'],
			['C', 'No, just that.'],
			['A', 'Are you sure? The tiramisu is half price today.'],
			['C', "I'm sure. The address is 1420 West Division, apartment 3B."],
			['A', 'Two large pepperoni, one medium veggie, garlic knots to 1420 West Division, apartment 3B. Correct?'],
			['C', 'Yes. How much is it?'],
			['A', "It'll be ready soon. Thanks for ordering!"],
		],
	},
	{
		id: 5536, result: 95, scenario: 225, personality: 702, timestamp: '2026-08-01T17:45:52Z',
		failedMetrics: { 17: 'The agent promised five minutes without checking the order status; the system showed the order still in the kitchen.' },
		categories: [{ id: 316, deviation: 0.8 }],
		outcome: { score: 0, explanation: '❌ The agent gave a made-up ETA instead of the one in the system.', outcome: 'ETA not from system', promptPart: 'gives an ETA from the system' },
		dialogue: [
			['C', 'My pizza was supposed to be here half an hour ago. Where is it?'],
			['A', "I'm sorry! It will be there in five minutes, I promise."],
			['C', "You promise? The app says the driver hasn't even left."],
			['A', "It'll be five minutes, don't worry. Anything else?"],
			['C', 'Unbelievable.'],
		],
	},
	{ id: 5537, result: 95, scenario: 222, personality: 694, timestamp: '2026-08-01T17:46:31Z' },
	{
		id: 5538, result: 95, scenario: 224, personality: 693, timestamp: '2026-08-01T17:47:15Z',
		review: { status: 'reviewed_success', feedback: 'Marked as success after review: the zone check ran through the delivery-zone tool.' },
	},
	{
		id: 5539, result: 97, scenario: 241, personality: 694, timestamp: '2026-08-05T23:30:18Z',
		failedMetrics: { 21: 'The caller reported chest tightness with sweating and the agent did not tell them to call 911.' },
		categories: [{ id: 322, deviation: 0.95 }],
		outcome: { score: 0, explanation: '❌ A red-flag symptom was treated as heartburn.', outcome: 'Emergency not escalated', promptPart: 'tells the caller to hang up and call 911' },
		dialogue: [
			['C', "Hi, sorry to call so late. I've got some tightness in my chest, probably just heartburn."],
			['A', 'Are you having trouble breathing or sweating?'],
			['C', "A bit sweaty, but I think it's the spicy food."],
			['A', "That does sound like heartburn. You could try an antacid, and if it doesn't improve, call us back in the morning."],
			['C', 'Okay, thanks.'],
		],
	},
	{
		id: 5540, result: 97, scenario: 244, personality: 693, timestamp: '2026-08-05T23:30:59Z',
		notApplicable: { 20: 'Not applicable: the caller reported no symptoms.' },
	},
	{ id: 5541, result: 97, scenario: 242, personality: 702, timestamp: '2026-08-05T23:31:44Z' },
	{
		id: 5542, result: 97, scenario: 245, personality: 705, timestamp: '2026-08-05T23:32:26Z',
		failedMetrics: { 23: 'The agent could not find the roster and never paged the on-call nurse.' },
		categories: [{ id: 324, deviation: 0.6 }],
		outcome: { score: 50, explanation: '❌ 911 advice given, but the on-call nurse was never paged.', outcome: 'Nurse not paged', promptPart: 'pages the on-call nurse' },
		dialogue: [
			['C', "Hi, I had knee surgery on Monday and my bandage is soaked with blood. I'm a bit dizzy."],
			['A', 'That can be serious. Please call 911 now.'],
			['C', 'Okay, should I tell my surgeon?'],
			['A', 'Let me check who is on call tonight.'],
			['C', 'Hello? Are you still there?'],
			['A', "Sorry, I couldn't find the on-call roster. Please call the surgeon's office in the morning."],
		],
	},
	{
		id: 5543, result: 99, scenario: 204, personality: 702, timestamp: '2026-08-08T14:00:27Z',
		failedMetrics: { 10: "The agent quoted $189 without asking for the caller's insurance provider or member ID." },
		categories: [{ id: 312, deviation: 0.65 }],
		outcome: { score: 0, explanation: '❌ Agent quoted a price before collecting insurance details.', outcome: 'Price quoted without insurance', promptPart: 'collects the insurance provider and member ID' },
		dialogue: [
			['C', "Hi, I'm looking for a new dentist. Do you take Delta Dental? And how much is a first exam?"],
			['A', 'A new-patient exam with X-rays is $189.'],
			['C', 'Even with Delta Dental?'],
			['A', "That's our standard price. Would you like to book?"],
			['C', "I'll think about it."],
		],
	},
	{ id: 5544, result: 99, scenario: 201, personality: 694, timestamp: '2026-08-08T14:01:05Z' },
	{ id: 5545, result: 101, scenario: 204, personality: 694, timestamp: '2026-08-12T10:00:41Z' },
	// 5546 is built separately below (the documented example).
	{
		id: 5547, result: 101, scenario: 203, personality: 701, timestamp: '2026-08-12T10:04:02Z',
		failedMetrics: {
			9: "The agent said today's emergency slot was taken and did not offer the open 4:45 PM slot or tomorrow morning.",
			7: 'The agent booked Thursday without a time and ended the call before the caller confirmed.',
		},
		categories: [{ id: 311, deviation: 0.7 }, { id: 303, deviation: 0.9 }],
		outcome: { score: 0, explanation: '❌ No same-day slot offered and the booking was never confirmed.', outcome: 'Booking not confirmed', promptPart: 'confirms it with the caller' },
		dialogue: [
			['C', 'Hi, I have a really bad toothache since last night. Can someone see me today?'],
			['A', 'Let me look. Can I have your full name and date of birth?'],
			['C', 'Luis Ortega, November third, 1979.'],
			['A', "Thanks. Today's emergency slot is taken."],
			['C', 'Oh no. Is there anything at all? Even late?'],
			['A', 'I can put you down for Thursday. Thanks for calling, bye!'],
			['C', 'Wait, which time on Thursday?'],
		],
	},
	{
		id: 5548, result: 103, scenario: 223, personality: 694, timestamp: '2026-08-13T18:00:36Z',
		failedMetrics: { 14: 'The agent kept the Hawaiian in the order and never read back the corrected order.' },
		categories: [{ id: 315, deviation: 0.9 }],
		outcome: { score: 0, explanation: '❌ The corrected order was never read back; the Hawaiian stayed on it.', outcome: 'Wrong final order', promptPart: 'reads back the final, corrected order' },
		dialogue: [
			['C', 'Hi, I want a large Hawaiian for pickup.'],
			['A', 'One large Hawaiian. Anything else?'],
			['C', 'Actually, make that a large BBQ chicken instead. And add a Caesar salad.'],
			['A', "Got it, I've added the BBQ chicken and the salad. Your total is forty-nine fifteen. Ready in 25 minutes!"],
			['C', 'Wait, forty-nine? Did you take off the Hawaiian?'],
			['A', "Your order has been placed. Thanks for calling Tony's!"],
		],
	},
	{ id: 5549, result: 103, scenario: 221, personality: 693, timestamp: '2026-08-13T18:01:14Z' },
	{ id: 5550, result: 103, scenario: 225, personality: 701, timestamp: '2026-08-13T18:01:55Z' },
	{
		id: 5551, result: 103, scenario: 224, personality: 705, timestamp: '2026-08-13T18:02:33Z',
		failedMetrics: { 15: 'The agent did not collect a cross street or apartment number and never repeated the address back.' },
		outcome: { score: 50, explanation: '❌ The full delivery address was not collected or confirmed.', outcome: 'Address incomplete', promptPart: 'collects the full address' },
		review: { status: 'reviewed_failure', feedback: 'Confirmed: the address was never repeated back.' },
		dialogue: [
			['C', 'Hi, do you deliver to Evanston? 88 Lakeview Terrace.'],
			['A', 'Yes, we do. What would you like?'],
			['C', 'One large cheese.'],
			['A', "One large cheese pizza. It'll be there in about an hour. Total is twenty-one thirty."],
			['C', "Don't you need the rest of my address?"],
			['A', "We've got it. Thanks for ordering!"],
		],
	},
	{ id: 5552, result: 103, scenario: 222, personality: 702, timestamp: '2026-08-13T18:03:10Z' },
	{
		id: 5553, result: 104, scenario: 242, personality: 693, timestamp: '2026-08-13T23:20:44Z',
		failedMetrics: { 22: 'The agent paged the nurse but never asked for or confirmed a callback number.' },
		categories: [{ id: 323, deviation: 0.7 }],
		outcome: { score: 50, explanation: '❌ The nurse was paged without a callback number.', outcome: 'No callback number', promptPart: 'captures a callback number' },
		dialogue: [
			['C', 'Hi, my four-year-old has a fever of 102.5. Should I give her something?'],
			['A', "I'm sorry she's unwell. Is she having trouble breathing, very sleepy, or does she have a stiff neck or rash?"],
			['C', "No, she's drinking and watching cartoons."],
			['A', "Good. I'm paging the on-call nurse now; she'll call you back about dosing within 30 minutes."],
			['C', 'Okay, thank you.'],
			['A', "You're welcome. Goodnight."],
		],
	},
	{ id: 5554, result: 104, scenario: 243, personality: 694, timestamp: '2026-08-13T23:21:25Z' },
	{ id: 5555, result: 104, scenario: 241, personality: 701, timestamp: '2026-08-13T23:22:03Z' },
	{ id: 5556, result: 104, scenario: 245, personality: 702, timestamp: '2026-08-13T23:22:47Z' },
	{ id: 5557, result: 105, scenario: 201, personality: 693, timestamp: '2026-08-14T09:00:12Z', text: true },
	{ id: 5558, result: 105, scenario: 205, personality: 694, timestamp: '2026-08-14T09:00:15Z', text: true, state: 'in_progress' },
	{ id: 5559, result: 106, scenario: 221, personality: 694, timestamp: '2026-08-14T11:30:08Z', state: 'connect_failed' },
	{ id: 5560, result: 106, scenario: 222, personality: 693, timestamp: '2026-08-14T11:30:11Z', state: 'in_progress' },
];

function round1(n: number): number {
	return Math.round(n * 10) / 10;
}

function mmss(seconds: number): string {
	const s = Math.floor(seconds);
	return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** Deterministic speaking times: about a third of a second per word, with short pauses between turns. */
function timeDialogue(dialogue: Dialogue): TranscriptTurn[] {
	const turns: TranscriptTurn[] = [];
	let t = 1.2;
	for (const [speaker, content] of dialogue) {
		const words = content.split(/\s+/).length;
		const start = round1(t);
		const end = round1(start + 0.8 + words * 0.32);
		turns.push({ role: speaker === 'C' ? 'Testing Agent' : 'Main Agent', time: mmss(start), content, start_time: start, end_time: end });
		t = end + 0.6 + (words % 3) * 0.3;
	}
	return turns;
}

function transcriptText(turns: readonly TranscriptTurn[]): string {
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

function categoryOf(spec: CategorySpec): CriticalCategory {
	const def = SEED_CATEGORIES.find((c) => c.id === spec.id);
	if (!def) throw new Error(`seed: unknown category ${spec.id}`);
	return {
		category_id: def.id,
		category: def.category,
		deviation: spec.deviation,
		wrongly_marked: spec.wronglyMarked ?? false,
		feedback: spec.feedback ?? '',
		priority: def.priority,
	};
}

function binaryMetric(id: number, score: number | null, explanation: string, extra: Record<string, unknown> = {}): EvalMetric {
	return { id, name: metricName(id), type: 'binary_workflow_adherence', score, enum: '', value: '', explanation: [explanation], extra };
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

	const metrics: EvalMetric[] = [];
	if (finished) {
		for (const id of scenario.metrics) {
			const failure = failed[id];
			metrics.push(failure !== undefined ? binaryMetric(id, 0, failure) : binaryMetric(id, 5, METRIC_PASS_EXPLANATIONS[id] ?? 'Passed.'));
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

	const turns = finished ? timeDialogue(spec.dialogue ?? scenario.dialogue) : [];
	const lastEnd = turns.length > 0 ? turns[turns.length - 1].end_time : 0;
	const outcome = spec.outcome;
	const expected: ExpectedOutcome | null = !finished
		? null
		: outcome
			? { score: outcome.score, explanation: [outcome.explanation], outcome_alignments: [{ outcome: outcome.outcome, prompt_part: outcome.promptPart, aligned: false }] }
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
		errorMessage = 'Call failed to connect: SIP 486 Busy Here';
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
		critical_categories: (spec.categories ?? []).map(categoryOf),
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

const RUN_5546_TURNS: TranscriptTurn[] = [
	{ role: 'Testing Agent', time: '00:01', content: 'Hi, I need to move my cleaning.', start_time: 1.2, end_time: 2.9 },
	{ role: 'Main Agent', time: '00:03', content: 'Sure, what day works?', start_time: 3.1, end_time: 4.0 },
	{ role: 'Testing Agent', time: '00:04', content: "It's on Tuesday at ten. Could we do any morning next week instead?", start_time: 4.6, end_time: 9.8 },
	{ role: 'Main Agent', time: '00:10', content: 'Let me check. Can I have your full name and date of birth?', start_time: 10.5, end_time: 16.2 },
	{ role: 'Testing Agent', time: '00:16', content: 'Jane Smith, March second, 1991.', start_time: 16.9, end_time: 20.4 },
	{ role: 'Main Agent', time: '00:21', content: 'Thanks, Jane. I see your cleaning on Tuesday at 10 AM with Dr. Patel. Next week I have Monday at 9 or Thursday at 8:30.', start_time: 21.0, end_time: 31.5 },
	{ role: 'Testing Agent', time: '00:32', content: 'Thursday at 8:30 could work, I think. Let me just check my calendar.', start_time: 32.2, end_time: 36.0 },
	{ role: 'Main Agent', time: '00:45', content: 'Take your time.', start_time: 45.0, end_time: 46.1 },
	{ role: 'Testing Agent', time: '01:38', content: "Okay, sorry, I'm back. Is there anything later on Thursday?", start_time: 98.7, end_time: 104.9 },
	{ role: 'Main Agent', time: '01:45', content: 'Thursday at 8:30 is booked for you. Thanks for calling Bright Smiles, goodbye!', start_time: 105.6, end_time: 117.9 },
	{ role: 'Testing Agent', time: '01:58', content: "Wait, I wasn't sure about...", start_time: 118.4, end_time: 120.3 },
];

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
			{ id: 7, name: 'Booking confirmed', type: 'binary_workflow_adherence', score: 0, enum: '', value: '', explanation: ['The agent never read back the new appointment time.'], extra: {} },
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
