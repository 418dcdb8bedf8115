// data-uri-to-buffer: node-fetch uses it only to answer `data:` URLs, which the extension never fetches (it requests
// the Cekura API and model servers over http and https). See esbuild.js.
export default function dataUriToBuffer() {
	throw new TypeError('node-fetch: data: URLs are not supported in this build');
}
