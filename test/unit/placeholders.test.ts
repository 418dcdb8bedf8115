import assert from 'node:assert/strict';
import { test } from 'node:test';
import { missingPlaceholders, placeholdersOf } from '../../src/improve/core/placeholders';

test('finds the four placeholder styles voice platforms use', () => {
	const prompt = 'Greet {{customer_name}} from {{ clinic.name }}. Call {caller}. Today is ${today}. Ask for <caller_name> and <POLICY_NUMBER>, then <ACCOUNT>.';
	assert.deepEqual(placeholdersOf(prompt), ['{{customer_name}}', '{{ clinic.name }}', '{caller}', '${today}', '<caller_name>', '<POLICY_NUMBER>', '<ACCOUNT>']);
});

test('does not take JSON, HTML-ish tags or comparisons for placeholders', () => {
	const prose = 'Reply with {"status": "ok"} or {}. Use <b>bold</b> and <div> sparingly. If age < 18 and score > 3, say so. A <note> is fine. { not one }';
	assert.deepEqual(placeholdersOf(prose), []);
});

test('missingPlaceholders lists each lost placeholder once, in order of first appearance', () => {
	const original = 'Hi {{name}}. Your order ${order_id} ships to <street_address>. Thanks, {{name}}. Ref {ref}.';
	const improved = 'Hi there. Your order ${order_id} ships to your address. Thanks. Ref {ref}.';
	assert.deepEqual(missingPlaceholders(original, improved), ['{{name}}', '<street_address>']);
	assert.deepEqual(missingPlaceholders(original, original), []);
});

test('a placeholder whose spelling changed counts as missing', () => {
	assert.deepEqual(missingPlaceholders('Hello {{customer_name}}', 'Hello {{customerName}}'), ['{{customer_name}}']);
});
