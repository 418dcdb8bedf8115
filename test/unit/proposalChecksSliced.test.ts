import assert from 'node:assert/strict';
import { test } from 'node:test';
import { focusKey } from '../../src/improve/core/checks/coverageCheck';
import { NO_FOCUS } from '../../src/improve/core/focusOptions';
import { checkProposal, checkProposalInSlices } from '../../src/improve/core/proposalChecks';
import { matchSteps, toEnd } from '../../src/improve/core/steps';
import { bigProposals, promptOfSize } from '../support/bigProposals';

const NAMES = new Map([[focusKey('metric', 7), 'Booking confirmed'], [focusKey('metric', 21), 'Directed emergencies to 911'], [focusKey('category', 3), 'İstanbul office hours']]);
const FOCUS = { workflow_metric_ids: [7, 21], category_ids: [3] };
const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** Pairs that reach every branch of every check: line endings, placeholders across lines, guardrails, Unicode, the coverage cut. */
function pairs(): { name: string; original: string; proposed: string; summary: string }[] {
	const long = bigProposals(400 * 1024)[2];
	return [
		{ name: 'both empty', original: '', proposed: '', summary: '' },
		{ name: 'CRLF against LF', original: 'a\r\nb\r\n', proposed: 'a\nb\n', summary: 'None.' },
		{ name: 'lone CR', original: 'a\rb\r', proposed: 'a\nc\n', summary: '' },
		{ name: 'placeholders across lines', original: '{{\n name }} and ${clinic}\n<CALLER_NAME>\n', proposed: '{{\n name }}\n', summary: 'Fixes metric 7.' },
		{ name: 'guardrails and Unicode', original: 'Call 911 in an emergency.\r\nThe price is $5.\r\nİSTANBUL OFFICE\r\n', proposed: 'Call 112.\nThe price is $6.\nistanbul office hours\n', summary: 'Booking confirmed now.' },
		{ name: 'a rewrite past the coverage cut, CRLF', original: long.original.replace(/\n/g, '\r\n'), proposed: `${long.improved}\r\n`, summary: 'Rewritten.' },
		...bigProposals(1024 * 1024).map((s) => ({ name: `1 MB, ${s.name}`, original: s.original, proposed: s.improved, summary: 'Added a rule to confirm bookings.' })),
	];
}

test('checks in slices are the checks in one go, for every shape of proposal, focus and token counter', async () => {
	for (const { name, original, proposed, summary } of pairs()) {
		for (const focus of [NO_FOCUS, FOCUS]) {
			for (const countTokens of [undefined, words]) {
				const input = { original, proposed, summary, focus, focusNames: NAMES, growthBudgetPercent: 25, countTokens };
				const whole = checkProposal(input);
				// Slices of no time at all: a turn of the event loop at every point where the work may pause.
				assert.deepEqual(await checkProposalInSlices(input, { sliceMs: 0 }), whole, name);
				assert.deepEqual(await checkProposalInSlices(input), whole, name);
			}
		}
	}
});

test('checks in slices leave the event loop free between them: a 1 MB proposal pauses at least every 1,024 lines', async () => {
	for (const { name, original, improved } of bigProposals(1024 * 1024)) {
		let pauses = 0;
		let turns = 0;
		let checking = true;
		const tick = (): void => {
			turns++;
			if (checking) setImmediate(tick);
		};
		setImmediate(tick);
		const checks = await checkProposalInSlices({ original, proposed: improved, summary: '', focus: NO_FOCUS, focusNames: NAMES, growthBudgetPercent: 25 }, {
			sliceMs: 0,
			pause: () => {
				pauses++;
				return new Promise((resolve) => setImmediate(resolve));
			},
		});
		checking = false;
		assert.equal(checks.length, 5, name);
		// About 29,000 lines on each side, read and compared at least a thousand at a time, and the ticker ran meanwhile.
		assert.ok(pauses >= 2 * 28, `${name}: ${pauses} pauses`);
		assert.ok(turns >= 2 * 28, `${name}: the event loop ran ${turns} other callbacks`);
	}
});

test('checks in slices start only after a turn of the event loop, once the caller\'s own work has gone out', async () => {
	const order: string[] = [];
	const prompt = promptOfSize(2000);
	const checked = checkProposalInSlices({ original: prompt, proposed: `${prompt}\nConfirm the booking.`, summary: '', focus: NO_FOCUS, focusNames: new Map(), growthBudgetPercent: 25 }, {
		pause: () => {
			order.push('pause');
			return new Promise((resolve) => setImmediate(resolve));
		},
	}).then((checks) => order.push(checks.map((c) => c.kind).join(' ')));
	order.push('caller');
	await checked;
	assert.deepEqual(order, ['pause', 'caller', 'placeholders locality growth coverage guardrails']);
});

test('matchSteps finds what String.prototype.match finds, empty matches and astral characters included', () => {
	const text = `${'Hi {{name}} 😀 ${x} '.repeat(3000)}İstanbul`;
	for (const pattern of [/\{\{\s*\w+\s*\}\}/g, /[\p{L}\p{N}]+/gu, /x*/g, /(?:)/gu, /\$\{[^}]*\}/]) {
		assert.deepEqual(toEnd(matchSteps(pattern, text)), text.match(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`)) ?? [], String(pattern));
	}
});
