// fetch-blob/file.js: Node 20's File (node:buffer). See esbuild.js.
import { File } from 'node:buffer';

export { File };
export default File;
