import type * as http from 'node:http';
import nodeFetch from 'node-fetch';
import { checkApplied } from '../../src/improve/core/applyCheck';
import { withEntry, type HistoryEntry } from '../../src/core/history';
import { serializeHistory } from '../../src/improve/core/historyFile';
import type { StreamingFetchLike } from '../../src/improve/core/httpTypes';
import { ModelError } from '../../src/improve/core/modelError';
import { OpenAiCompatibleClient } from '../../src/improve/core/openAiCompatibleClient';
import { detectEncoding, isRefusal } from '../../src/improve/core/promptEncoding';
import { textForFile } from '../../src/improve/core/textForFile';
import { bigProposals, promptOfSize } from '../support/bigProposals';
import { corrupted, keyShownIn, MODEL_KEY, type FaultCase } from './faultCase';
import { startFaultServer } from './faultServer';

/**
 * Extreme sizes: Apply of a 1 MB proposal that rewrites every line, an 8 MiB stream event without a line break,
 * a history of 50 proposals of 1 MB; and answers that are not text (bytes that are not UTF-8, a tool call).
 */

const MiB = 1024 * 1024;
const fetch: StreamingFetchLike = (url, init) => nodeFetch(url, init);

/** Asks a model on a loopback server that answers with `handler`; the error, or what it answered. */
async function ask(handler: (res: http.ServerResponse) => void | Promise<void>): Promise<{ error?: ModelError; text?: string }> {
	const server = await startFaultServer();
	server.handle((_req, res) => handler(res));
	try {
		const client = new OpenAiCompatibleClient({ baseUrl: `${server.url}/v1`, apiKey: MODEL_KEY, model: 'm', fetch, timeoutMs: 30_000 });
		const { text } = await client.complete([{ role: 'user', content: 'Improve this.' }], new AbortController().signal);
		return { text };
	} catch (err) {
		if (err instanceof ModelError) return { error: err };
		throw err;
	} finally {
		await server.close();
	}
}

/** Undefined when `error` is a ModelError of `kind` whose message matches (and shows no key); else what happened. */
function refused(got: { error?: ModelError; text?: string }, kind: string, message: RegExp): string | undefined {
	if (!got.error) return `answered ${JSON.stringify((got.text ?? '').slice(0, 60))} instead of refusing`;
	const shown = keyShownIn('the message', got.error.message);
	if (shown) return shown;
	if (got.error.kind !== kind || !message.test(got.error.message)) return `${got.error.kind}: ${got.error.message}`;
	return undefined;
}

const sse = (...events: unknown[]): string => events.map((e) => `data: ${typeof e === 'string' ? e : JSON.stringify(e)}\n\n`).join('');

/** Writes `bytes` in pieces of `size`, each after the last left, so the client reads many chunks. */
async function drip(res: http.ServerResponse, bytes: Buffer, size: number): Promise<void> {
	for (let at = 0; at < bytes.length && !res.destroyed; at += size) {
		await new Promise<void>((resolve) => res.write(bytes.subarray(at, at + size), () => resolve()));
	}
	res.end();
}

export function sizeCases(): FaultCase[] {
	return [
		{
			name: 'Apply of a 1 MB JSON prompt with every line rewritten completes and reads back as reviewed',
			check: () => {
				const { original, improved } = bigProposals(MiB).find((p) => p.name === 'every line rewritten') ?? bigProposals(MiB)[2];
				const raw = JSON.stringify(original);
				const place = { languageId: 'json', before: '{"prompt": ', selected: raw, after: '}\n' };
				const encoding = detectEncoding(place);
				if (isRefusal(encoding)) return `refused: ${encoding.reason}`;
				const forFile = textForFile(improved, original, encoding, '\n', raw);
				if (!forFile.ok) return `refused: ${forFile.reason}`;
				const file = place.before + forFile.text + place.after;
				const check = checkApplied(file, 'json', { start: place.before.length, end: place.before.length + forFile.text.length }, forFile.expected);
				if (!check.ok || (JSON.parse(file) as { prompt: string }).prompt !== improved) return corrupted(`the file would not read back as reviewed${check.ok ? '' : `: ${check.reason}`}`);
				const same = textForFile(original, original, encoding, '\n', raw);
				if (!same.ok || same.text !== raw) return corrupted('the unchanged prompt is not written back byte for byte');
				return undefined;
			},
		},
		{
			name: 'an 8 MiB stream event without a line break, in 16 KiB pieces, is refused as too large, not parsed for minutes',
			check: async () => {
				const event = Buffer.from(`data: {"choices":[{"delta":{"content":"${'x'.repeat(8 * MiB)}"}}]}\n\n`);
				return refused(
					await ask((res) => {
						res.writeHead(200, { 'Content-Type': 'text/event-stream' });
						return drip(res, event, 16 * 1024);
					}),
					'invalidResponse',
					/larger than 8 MiB/,
				);
			},
		},
		{
			name: 'a streamed answer with a byte that is not UTF-8 is refused, not written with U+FFFD',
			check: async () => {
				const stream = Buffer.concat([Buffer.from('data: {"choices":[{"delta":{"content":"{\\"improved_prompt\\": \\"Caf'), Buffer.from([0xe9]), Buffer.from(`\\", \\"summary_of_changes\\": \\"\\"}"}}]}\n\n${sse({ choices: [{ delta: {}, finish_reason: 'stop' }] }, '[DONE]')}`)]);
				return refused(await ask((res) => void res.writeHead(200, { 'Content-Type': 'text/event-stream' }).end(stream)), 'invalidResponse', /not valid utf-8 text/);
			},
		},
		{
			name: 'a streamed answer that only calls a tool says so, naming the tool',
			check: async () => {
				const call = { choices: [{ delta: { tool_calls: [{ index: 0, id: 'c1', type: 'function', function: { name: 'read_file', arguments: '{}' } }] } }] };
				return refused(await ask((res) => void res.writeHead(200, { 'Content-Type': 'text/event-stream' }).end(sse(call, { choices: [{ delta: {}, finish_reason: 'tool_calls' }] }, '[DONE]'))), 'invalidResponse', /call a tool \(read_file\) instead of answering/);
			},
		},
		{
			name: 'a JSON answer that only calls a tool says so, naming the tool',
			check: async () => {
				const body = JSON.stringify({ choices: [{ message: { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'web_search', arguments: '{}' } }] }, finish_reason: 'tool_calls' }] });
				return refused(await ask((res) => void res.writeHead(200, { 'Content-Type': 'application/json' }).end(body)), 'invalidResponse', /call a tool \(web_search\) instead of answering/);
			},
		},
		{
			name: 'the history of 50 proposals of 1 MB is bounded in bytes (the file is not 250 MB)',
			check: () => {
				const prompt = promptOfSize(MiB);
				let list: HistoryEntry[] = [];
				for (let i = 1; i <= 50; i++) {
					list = withEntry(list, {
						id: `e${i}`,
						time: i,
						source: { uri: 'file:///w/agent.md', name: 'agent.md', startLine: 1, endLine: 30_000, start: 0, end: prompt.length },
						runIds: [i],
						author: 'Cekura',
						summary: 'Rewrote it.',
						warnings: [],
						stats: '',
						original: prompt,
						originalRaw: prompt,
						encoding: 'plain text',
						proposed: `${prompt}\nRule ${i}.`,
						current: `${prompt}\nRule ${i}.`,
						outcome: 'discarded',
					});
				}
				const bytes = Buffer.byteLength(serializeHistory(list));
				return bytes <= 16 * MiB ? undefined : `the history file would be ${(bytes / MiB).toFixed(0)} MiB`;
			},
		},
	];
}
