import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BodyCharsetError } from '../../src/improve/core/httpBody';
import { ServerSentEvents } from '../../src/improve/core/serverSentEvents';

function eventsOf(chunks: readonly (Uint8Array | string)[]): string[] {
	const parser = new ServerSentEvents();
	return [...chunks.flatMap((chunk) => parser.push(chunk)), ...parser.end()];
}

test('reads data events separated by blank lines, skipping comments and other fields', () => {
	const stream = ': keep-alive\n\nevent: message\nid: 1\ndata: {"a":1}\n\ndata:{"b":2}\n\ndata: [DONE]\n\n';
	assert.deepEqual(eventsOf([stream]), ['{"a":1}', '{"b":2}', '[DONE]']);
});

test('joins multi-line data and accepts CRLF and CR line ends', () => {
	assert.deepEqual(eventsOf(['data: first\r\ndata: second\r\n\r\ndata: x\r\rdata: y\n\n']), ['first\nsecond', 'x', 'y']);
});

test('any chunk boundary gives the same events, including inside a CRLF and a multi-byte character', () => {
	const text = 'data: {"content":"Grüße 👋 café"}\r\n\r\n: ping\r\ndata: [DONE]\r\n\r\n';
	const bytes = new TextEncoder().encode(text);
	const expected = ['{"content":"Grüße 👋 café"}', '[DONE]'];
	for (let size = 1; size <= 7; size++) {
		const chunks: Uint8Array[] = [];
		for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.slice(i, i + size));
		assert.deepEqual(eventsOf(chunks), expected, `chunks of ${size} bytes`);
	}
});

test('a last event without its blank line is still delivered at the end', () => {
	assert.deepEqual(eventsOf(['data: [DONE]']), ['[DONE]']);
});

test('bytes that are not UTF-8 are refused, not read as U+FFFD, wherever the chunks split them', () => {
	const bytes = Buffer.concat([Buffer.from('data: caf'), Buffer.from([0xe9]), Buffer.from('\n\n')]);
	for (let cut = 1; cut < bytes.length; cut++) {
		assert.throws(() => eventsOf([bytes.subarray(0, cut), bytes.subarray(cut)]), BodyCharsetError, `cut at ${cut}`);
	}
	assert.throws(() => eventsOf([Buffer.from('data: x\n\ndata: \xe2\x82', 'latin1')]), BodyCharsetError, 'a character cut by the end of the stream');
});

test('a long line in many chunks is one line, and a CR at the end of a chunk ends it once', () => {
	const long = 'x'.repeat(100_000);
	const chunks = [`data: ${long}`].flatMap((s) => Array.from({ length: Math.ceil(s.length / 1000) }, (_, i) => s.slice(i * 1000, i * 1000 + 1000)));
	assert.deepEqual(eventsOf([...chunks, '\r', '\n', '\r', '\ndata: y\r', '\r']), [long, 'y']);
});
