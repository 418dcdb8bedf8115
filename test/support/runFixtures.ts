import type { Run, TranscriptTurn } from '../../src/core/apiTypes';

const CALLER_LINES = [
	'Hi, I am calling about my appointment.',
	'It is under Jane Smith.',
	'March second, 1991.',
	'Do you have anything on Thursday morning?',
	'Hmm, let me think about that.',
	'What about the hygienist, is it still Dr. Patel?',
	'And how long does a cleaning take?',
	'Okay. Is parking available nearby?',
];
const AGENT_LINES = [
	'Thanks for calling Bright Smiles Dental, this is Riley. How can I help?',
	'Sure, can I have your full name and date of birth?',
	'Thank you. Let me look that up.',
	'I have Thursday at 8:30 or Monday at 9.',
	'Take your time.',
	'Yes, Dr. Patel will see you.',
	'A cleaning takes about 60 minutes.',
	'There is street parking on Fillmore Street.',
];

function clock(seconds: number): string {
	return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * A dental call of `turnCount` turns, 7 seconds apart, alternating caller and agent with a tool call now and then.
 * `moments` puts given words at given turn indexes, so a test can find the failing moment in an excerpt.
 */
export function dentalTranscript(turnCount: number, moments: Record<number, { role: string; content: string }> = {}): TranscriptTurn[] {
	const turns: TranscriptTurn[] = [];
	for (let i = 0; i < turnCount; i++) {
		const start = 1 + i * 7;
		let role: TranscriptTurn['role'] = i % 2 === 0 ? 'Main Agent' : 'Testing Agent';
		let content = role === 'Main Agent' ? AGENT_LINES[(i / 2) % AGENT_LINES.length] : CALLER_LINES[((i - 1) / 2) % CALLER_LINES.length];
		if (i % 10 === 5) {
			role = 'Function Call';
			content = JSON.stringify({ name: 'find_slots', arguments: { day: 'thursday', turn: i } });
		} else if (i % 10 === 6) {
			role = 'Function Call Result';
			content = JSON.stringify({ slots: ['08:30', '09:00'], turn: i });
		}
		const moment = moments[i];
		if (moment) ({ role, content } = moment);
		turns.push({ role, time: clock(start), content: `${content} (turn ${i})`, start_time: start, end_time: start + 5 });
	}
	return turns;
}

/** The time of turn `index` in `dentalTranscript`. */
export function timeOfTurn(index: number): string {
	return clock(1 + index * 7);
}

export function transcriptText(turns: readonly TranscriptTurn[]): string {
	return turns.map((turn) => `[${turn.time}] ${turn.role}: ${turn.content}`).join('\n');
}

/** A failed reschedule run shaped like Cekura's v2 bulk answer: v1 binary metric, categories of each kind. */
export function rescheduleRun(overrides: Partial<Run> = {}): Run {
	const turns = dentalTranscript(40, {
		37: { role: 'Main Agent', content: 'Thursday at 8:30 is booked for you. Goodbye!' },
		38: { role: 'Testing Agent', content: "Wait, I wasn't sure about Thursday..." },
	});
	return {
		id: 5546,
		scenario_name: 'Reschedule cleaning to next week',
		scenario_instructions: "Ask to move Tuesday's cleaning to any morning next week; hesitate before accepting.",
		status: 'completed',
		success: false,
		timestamp: '2026-08-12T10:02:11Z',
		expected_outcome_prompt: 'Agent confirms the new date and time before ending the call.',
		expected_outcome: {
			score: 0,
			explanation: [`❌ Agent ended the call before confirming the new slot (${timeOfTurn(38)}).`],
			outcome_alignments: [
				{ outcome: 'Call ended before confirmation', prompt_part: 'Keep calls short.', aligned: false },
				{ outcome: 'Caller verified', prompt_part: 'verify their full name', aligned: true },
			],
		},
		evaluation: {
			metrics: [
				{ id: 7, name: 'Booking confirmed', type: 'binary_workflow_adherence', score: 0, explanation: [`The agent never read back the new appointment time (${timeOfTurn(37)}).`] },
				{ id: 8, name: 'Caller verified', type: 'binary_workflow_adherence', score: 5, explanation: ['Name and date of birth were checked.'] },
				{ id: 9, name: 'Alternatives offered', eval_type: 'binary', passed: false, score: 0, explanation: ['Only one alternative day was offered.'] },
				{ id: 33, name: 'Latency', type: 'numeric', score: 1840.5, explanation: [] },
			],
		},
		critical_categories: [
			{ category_id: 311, category: 'Ends call before confirming booking', deviation: 0.8, wrongly_marked: false, feedback: `Hung up while the caller hesitated (${timeOfTurn(38)}).`, priority: 'critical' },
			{ category_id: 302, category: 'Interrupts the caller', deviation: 0.3, wrongly_marked: true, feedback: 'Marked by mistake.', priority: 'critical' },
			{ category_id: 303, category: 'Long pauses', deviation: 0.2, wrongly_marked: false, feedback: 'Silence while looking up slots.', priority: 'not_a_bug' },
			{ category_id: 318, category: 'Mispronounces names', deviation: 0.4, wrongly_marked: false, feedback: 'Said "Pattel".', priority: 'non-critical' },
		],
		error_message: '',
		transcript_object: turns,
		transcript: transcriptText(turns),
		...overrides,
	};
}
