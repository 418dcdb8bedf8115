import assert from 'node:assert/strict';
import { Blob } from 'node:buffer';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import * as zlib from 'node:zlib';
import nodeFetch, { FormData } from 'node-fetch';

// node-fetch as it ships in the extension: esbuild maps its polyfills (fetch-blob, formdata-polyfill, its
// multipart parser) to Node's built-ins (esbuild.js, src/nodeFetchShims/). These tests check that what the
// clients rely on, and what node-fetch does with those built-ins, still works, over loopback to a real server.

let server: http.Server;
let base: string;
let lastBody = '';
let lastContentType = '';
let aborted = false;

before(async () => {
	server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		let body = '';
		req.setEncoding('utf8');
		req.on('data', (c: string) => (body += c));
		req.on('end', () => {
			lastBody = body;
			lastContentType = req.headers['content-type'] ?? '';
			switch (url.pathname) {
				case '/gzip':
					res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
					res.end(zlib.gzipSync(JSON.stringify({ ok: 'zipped' })));
					return;
				case '/redirect':
					res.writeHead(302, { location: '/target' });
					res.end();
					return;
				case '/target':
					res.end('arrived');
					return;
				case '/stream': {
					res.writeHead(200, { 'content-type': 'text/event-stream' });
					res.write('first\n');
					// The second chunk waits for the client to have read the first: streaming, not buffering.
					const second = setTimeout(() => res.end('second\n'), url.searchParams.has('stall') ? 60_000 : 50);
					res.on('close', () => {
						clearTimeout(second);
						if (!res.writableFinished) aborted = true;
					});
					return;
				}
				case '/multipart': {
					const boundary = 'XyZ';
					res.writeHead(200, { 'content-type': `multipart/form-data; boundary=${boundary}` });
					res.end(`--${boundary}\r\nContent-Disposition: form-data; name="a"\r\n\r\none\r\n--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="x.txt"\r\nContent-Type: text/plain\r\n\r\nfile body\r\n--${boundary}--\r\n`);
					return;
				}
				default:
					res.end(body);
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

describe('node-fetch on Node built-ins', () => {
	test('a gzip answer is decoded', async () => {
		const response = await nodeFetch(`${base}/gzip`);
		assert.deepEqual(await response.json(), { ok: 'zipped' });
	});

	test('redirect: manual hands back the 302 with its location; follow reaches the target', async () => {
		const manual = await nodeFetch(`${base}/redirect`, { redirect: 'manual' });
		assert.equal(manual.status, 302);
		assert.equal(manual.headers.get('location'), '/target');
		const followed = await nodeFetch(`${base}/redirect`);
		assert.equal(await followed.text(), 'arrived');
	});

	test('the body is async-iterable and yields chunks as they arrive', async () => {
		const response = await nodeFetch(`${base}/stream`);
		const chunks: string[] = [];
		for await (const chunk of response.body ?? []) chunks.push(Buffer.from(chunk as Uint8Array).toString('utf8'));
		assert.deepEqual(chunks, ['first\n', 'second\n']);
	});

	test('aborting while the body streams stops the read and closes the connection', async () => {
		aborted = false;
		const controller = new AbortController();
		const response = await nodeFetch(`${base}/stream?stall`, { signal: controller.signal });
		const read = (async () => {
			for await (const chunk of response.body ?? []) {
				if (String(chunk).startsWith('first')) controller.abort();
			}
		})();
		await assert.rejects(read, (err: Error) => err.name === 'AbortError');
		for (let i = 0; i < 50 && !aborted; i++) await new Promise((r) => setTimeout(r, 20));
		assert.ok(aborted, 'the server did not see the connection closed');
	});

	test('blob() is a Node Blob', async () => {
		const blob = await (await nodeFetch(`${base}/target`)).blob();
		assert.ok(blob instanceof Blob);
		assert.equal(await blob.text(), 'arrived');
	});

	test('a FormData body is sent as multipart/form-data, and formData() parses a multipart answer', async () => {
		const form = new FormData();
		form.append('name', 'value');
		form.append('file', new Blob(['contents'], { type: 'text/plain' }), 'a.txt');
		await nodeFetch(`${base}/echo`, { method: 'POST', body: form });
		const boundary = /boundary=(.+)$/.exec(lastContentType)?.[1];
		assert.ok(boundary, lastContentType);
		assert.match(lastBody, /name="name"\r\n\r\nvalue\r\n/);
		assert.match(lastBody, /name="file"; filename="a.txt"\r\nContent-Type: text\/plain\r\n\r\ncontents\r\n/);
		assert.ok(lastBody.endsWith(`--${boundary}--`));

		const parsed = await (await nodeFetch(`${base}/multipart`)).formData();
		assert.equal(parsed.get('a'), 'one');
		const file = parsed.get('f') as unknown as { name: string; text(): Promise<string> };
		assert.equal(file.name, 'x.txt');
		assert.equal(await file.text(), 'file body');
	});
});
