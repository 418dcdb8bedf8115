import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coverageCheck, focusKey } from '../../src/improve/core/checks/coverageCheck';
import { guardrailCheck } from '../../src/improve/core/checks/guardrailCheck';
import { lineChanges } from '../../src/improve/core/checks/lineChanges';
import { NO_FOCUS } from '../../src/improve/core/focusOptions';
import { focusNamesOf } from '../../src/improve/core/focusNames';

const NAMES = new Map([
	[focusKey('metric', 7), 'Booking confirmed'],
	[focusKey('metric', 21), 'Directed emergencies to 911'],
	[focusKey('category', 3), 'Hallucinated availability'],
]);
const PROMPT = 'You book dental appointments.\nOffer the first free slot.\nKeep calls short.\n';
const metric7 = { workflow_metric_ids: [7], category_ids: [] };

test('coverage: a failure in focus is addressed by the summary, or by an edit that mentions it (either side)', () => {
	const added = PROMPT.replace('Keep calls short.', 'Wait for the caller to confirm the booking.');
	assert.deepEqual(coverageCheck('Shorter.', lineChanges(PROMPT, added), metric7, NAMES), { kind: 'coverage', ok: true, line: "Coverage: the summary or an edit addresses 'Booking confirmed' (metric 7)." });
	const other = PROMPT.replace('Keep calls short.', 'Be brief.');
	assert.equal(coverageCheck('Now the agent confirms each booking before hanging up.', lineChanges(PROMPT, other), metric7, NAMES).ok, true, 'the summary names it');
	assert.equal(coverageCheck('Fixes metric #7.', lineChanges(PROMPT, other), metric7, new Map()).ok, true, 'the summary names it by number');
});

test('coverage: the hint names what neither the summary nor an edit mentions; unchanged lines do not count', () => {
	const prompt = `${PROMPT}Booking is confirmed by email.\n`;
	const changes = lineChanges(prompt, prompt.replace('Keep calls short.', 'Be brief.'));
	assert.deepEqual(coverageCheck('Shorter wording.', changes, metric7, NAMES), { kind: 'coverage', ok: false, line: "Hint: the summary names no change for 'Booking confirmed' (metric 7)." });
	assert.equal(coverageCheck('Shorter wording.', changes, metric7, new Map()).line, 'Hint: the summary names no change for metric 7.', 'without a name it is named by number');
});

test('coverage: at least half of the name\'s words must be mentioned (stems: emergencies ~ emergency)', () => {
	const focus = { workflow_metric_ids: [21], category_ids: [] };
	const same = lineChanges(PROMPT, PROMPT);
	assert.equal(coverageCheck('Callers are told to dial 911.', same, focus, NAMES).ok, false, '1 of 3 words is not enough');
	assert.equal(coverageCheck('In an emergency, tell callers to hang up and call 911.', same, focus, NAMES).ok, true, '2 of 3 words are');
});

test('coverage: no focus means every failure of the runs; several missed are listed, then counted', () => {
	const same = lineChanges(PROMPT, PROMPT);
	assert.equal(coverageCheck('Nothing relevant.', same, NO_FOCUS, NAMES).line, "Hint: the summary names no change for 'Booking confirmed' (metric 7), 'Directed emergencies to 911' (metric 21), 'Hallucinated availability' (category 3).");
	const four = new Map([...NAMES, [focusKey('metric', 9), 'Offered alternative slot']]);
	assert.equal(coverageCheck('Nothing relevant.', same, NO_FOCUS, four).line, "Hint: the summary names no change for 'Booking confirmed' (metric 7), 'Directed emergencies to 911' (metric 21), 'Hallucinated availability' (category 3) and 1 more.");
	assert.deepEqual(coverageCheck('All good now: confirmed bookings, emergencies to 911, availability.', same, NO_FOCUS, NAMES), { kind: 'coverage', ok: true, line: 'Coverage: the summary or the edits address all 3 failures in focus.' });
	assert.deepEqual(coverageCheck('', lineChanges('', ''), NO_FOCUS, new Map()), { kind: 'coverage', ok: true, line: 'Coverage: no failing metric or critical category was in focus.' });
	const category = { workflow_metric_ids: [], category_ids: [3] };
	assert.equal(coverageCheck('Nothing relevant.', same, category, NAMES).line, "Hint: the summary names no change for 'Hallucinated availability' (category 3).", 'the focus chosen limits the check');
});

test('focusNamesOf: names by key, leaving out the failures Cekura sent no name for', () => {
	const names = focusNamesOf([
		{ kind: 'workflowMetric', id: 7, name: 'Booking confirmed', runIds: [1] },
		{ kind: 'category', id: 3, name: 'Category 3 (Cekura sent no name)', runIds: [1], unnamed: true },
	]);
	assert.deepEqual([...names], [['metric:7', 'Booking confirmed']]);
});

test('guardrails: a changed price line is listed with its number and topic; lines only added are not', () => {
	const prompt = 'Greet the caller.\nA cleaning costs $120.\nKeep calls short.\n';
	assert.deepEqual(guardrailCheck(lineChanges(prompt, prompt.replace('$120', '$140'))), { kind: 'guardrails', ok: false, line: 'Guardrails: a line about prices was changed or removed; look at it first: line 2: “A cleaning costs $120.”' });
	assert.equal(guardrailCheck(lineChanges(prompt, `${prompt}Refunds take 5 days.\n`)).ok, true, 'an added payment line is no guardrail change');
	assert.deepEqual(guardrailCheck(lineChanges(prompt, prompt.replace('Keep calls short.', 'Be brief.'))), { kind: 'guardrails', ok: true, line: 'Guardrails: no line about emergencies, transfers, prices, payments, privacy or compliance was changed or removed.' });
});

test('guardrails: words inside other words and "pay attention" are not guardrails; CRLF alone changes nothing', () => {
	const prompt = 'Call a taxi if asked.\r\nPay attention to names.\r\nOffer a recorded greeting.\r\n';
	assert.equal(guardrailCheck(lineChanges(prompt, 'Order a cab if asked.\nListen for names.\nOffer a greeting.\n')).line, 'Guardrails: a line about privacy was changed or removed; look at it first: line 3: “Offer a recorded greeting.”');
	const guarded = 'In an emergency, tell them to call 911.\r\nNever read out a card number.\r\n';
	assert.equal(guardrailCheck(lineChanges(guarded, guarded.replace(/\r\n/g, '\n'))).ok, true);
});

test('guardrails: a prompt of only guardrail lines, all rewritten: every topic, five lines quoted (long ones cut), the rest counted', () => {
	const prompt = [
		'If the caller mentions chest pain, tell them to call 911 now.',
		'Transfer billing questions to a human agent.',
		'Our consultation fee is 80 dollars, tax included, and this sentence is long enough to be cut off.',
		'Take payment by credit card only after the visit.',
		'Never share the date of birth of a patient.',
		'We comply with HIPAA.',
		'Escalate complaints to the supervisor.',
	].join('\n');
	const check = guardrailCheck(lineChanges(prompt, ''));
	assert.equal(check.ok, false);
	assert.equal(
		check.line,
		'Guardrails: 7 lines about emergencies, transfers, prices, payments, privacy, compliance were changed or removed; look at them first: ' +
			'line 1: “If the caller mentions chest pain, tell them to call 911 no…”; line 2: “Transfer billing questions to a human agent.”; ' +
			'line 3: “Our consultation fee is 80 dollars, tax included, and this …”; line 4: “Take payment by credit card only after the visit.”; ' +
			'line 5: “Never share the date of birth of a patient.”; and 2 more',
	);
	assert.equal(guardrailCheck(lineChanges('', '')).ok, true, 'an empty prompt has no guardrails');
});
