// formdata-polyfill/esm.min.js: Node 20's FormData and File, and the multipart encoding node-fetch sends a
// FormData body as (the polyfill's formDataToBlob, unminified). See esbuild.js.
import { Blob, File } from 'node:buffer';

/**
 * Node's FormData, reached only when used: reading globalThis.FormData loads Node's whole fetch implementation
 * (undici, ~20 ms), and node-fetch checks `body instanceof FormData` on every request with a body.
 */
export function FormData() {
	return new globalThis.FormData();
}
Object.defineProperty(FormData, Symbol.hasInstance, {
	value: (value) => typeof value === 'object' && value !== null && value[Symbol.toStringTag] === 'FormData' && value instanceof globalThis.FormData,
});
export { File };

const escape = (text, isFilename) =>
	(isFilename ? text : text.replace(/\r?\n|\r/g, '\r\n')).replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');

/** A FormData as a multipart/form-data Blob whose type names the boundary. */
export function formDataToBlob(formData, BlobClass = Blob) {
	const boundary = `${Math.random()}${Math.random()}`.replace(/\./g, '').slice(-28).padStart(32, '-');
	const chunks = [];
	const prefix = `--${boundary}\r\nContent-Disposition: form-data; name="`;
	formData.forEach((value, name) => {
		if (typeof value === 'string') {
			chunks.push(`${prefix}${escape(name)}"\r\n\r\n${value.replace(/\r(?!\n)|(?<!\r)\n/g, '\r\n')}\r\n`);
		} else {
			chunks.push(`${prefix}${escape(name)}"; filename="${escape(value.name, true)}"\r\nContent-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`, value, '\r\n');
		}
	});
	chunks.push(`--${boundary}--`);
	return new BlobClass(chunks, { type: `multipart/form-data; boundary=${boundary}` });
}
