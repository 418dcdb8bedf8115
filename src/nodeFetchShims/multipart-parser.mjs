// node-fetch/src/utils/multipart-parser.js: Response.formData() of a multipart body, parsed by Node's own fetch
// (undici's Response). See esbuild.js.
import { Buffer } from 'node:buffer';

export async function toFormData(body, contentType) {
	const chunks = [];
	for await (const chunk of body) chunks.push(chunk);
	return new globalThis.Response(Buffer.concat(chunks), { headers: { 'content-type': contentType } }).formData();
}
