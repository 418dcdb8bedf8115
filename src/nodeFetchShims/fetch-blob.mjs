// node-fetch 3 imports fetch-blob for Blob; Node 20 has it (node:buffer). See esbuild.js.
import { Blob, File } from 'node:buffer';

export { Blob, File };
export default Blob;
