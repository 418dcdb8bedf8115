import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import nodeFetch from 'node-fetch';
import type { StreamingFetchLike } from '../../src/improve/core/httpTypes';
import { ModelError, type ModelErrorKind } from '../../src/improve/core/modelError';
import { OpenAiCompatibleClient } from '../../src/improve/core/openAiCompatibleClient';
import { startFaultServer, type FaultServer } from '../faults/faultServer';
import { expectRejection } from '../support/expectRejection';

// Answers a model server may give that are not a text answer: bytes that are not UTF-8, a request to call a tool.
const fetch: StreamingFetchLike = (url, init) => nodeFetch(url, init);
const never = new AbortController().signal;
let server: FaultServer;

before(async () => {
	server = await startFaultServer();
});
after(() => server.close());

const ask = (): Promise<unknown> => new OpenAiCompatibleClient({ baseUrl: `${server.url}/v1`, model: 'm', fetch, timeoutMs: 5000 }).complete([{ role: 'user', content: 'hi' }], never);
const rejection = (kind: ModelErrorKind): Promise<ModelError> => expectRejection(ask(), ModelError, kind);
const sse = (...events: unknown[]): Buffer => Buffer.concat(events.map((e) => (Buffer.isBuffer(e) ? e : Buffer.from(`data: ${typeof e === 'string' ? e : JSON.stringify(e)}\n\n`))));

test('a streamed answer with bytes that are not UTF-8 is refused as the same answer in JSON is', async () => {
	server.handle((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(Buffer.from(JSON.stringify({ choices: [{ message: { content: 'Café' }, finish_reason: 'stop' }] }), 'latin1')));
	const fromJson = await rejection('invalidResponse');
	const piece = Buffer.concat([Buffer.from('data: {"choices":[{"delta":{"content":"Caf'), Buffer.from([0xe9]), Buffer.from('"}}]}\n\n')]);
	server.handle((_req, res) => res.writeHead(200, { 'Content-Type': 'text/event-stream' }).end(Buffer.concat([piece, sse({ choices: [{ delta: {}, finish_reason: 'stop' }] }, '[DONE]')])));
	const streamed = await rejection('invalidResponse');
	assert.equal(streamed.message, fromJson.message);
	assert.match(streamed.message, /not valid utf-8 text/);
	// A character cut by the end of the stream is refused too.
	server.handle((_req, res) => res.writeHead(200, { 'Content-Type': 'text/event-stream' }).end(Buffer.concat([sse({ choices: [{ delta: { content: 'Hi' }, finish_reason: 'stop' }] }), Buffer.from([0xe2, 0x82])])));
	assert.equal((await rejection('invalidResponse')).message, fromJson.message);
});

test('a model that answers with a tool call is told so, streamed or not, naming the tool', async () => {
	const call = (args: string, name?: string): unknown => ({ choices: [{ delta: { tool_calls: [{ index: 0, ...(name ? { id: 'c1', type: 'function' } : {}), function: { ...(name ? { name } : {}), arguments: args } }] } }] });
	server.handle((_req, res) => res.writeHead(200, { 'Content-Type': 'text/event-stream' }).end(sse(call('', 'search_docs'), call('{"q":'), call('"x"}'), { choices: [{ delta: {}, finish_reason: 'tool_calls' }] }, '[DONE]')));
	const streamed = await rejection('invalidResponse');
	assert.match(streamed.message, /asked to call a tool \(search_docs\) instead of answering/);
	assert.doesNotMatch(streamed.message, /empty/);
	server.handle((_req, res) =>
		res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{}' } }] }, finish_reason: 'tool_calls' }] })),
	);
	assert.match((await rejection('invalidResponse')).message, /asked to call a tool \(get_weather\) instead of answering/);
	// Only the finish reason says so: still not "empty".
	server.handle((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ choices: [{ message: { content: '' }, finish_reason: 'tool_calls' }] })));
	assert.match((await rejection('invalidResponse')).message, /asked to call a tool instead of answering/);
});

test('text beside a tool call is still an answer', async () => {
	server.handle((_req, res) => res.writeHead(200, { 'Content-Type': 'text/event-stream' }).end(sse({ choices: [{ delta: { content: 'Here it is.' } }] }, { choices: [{ delta: { tool_calls: [{ index: 0, function: { name: 'x', arguments: '' } }] }, finish_reason: 'tool_calls' }] }, '[DONE]')));
	assert.equal(((await ask()) as { text: string }).text, 'Here it is.');
});
