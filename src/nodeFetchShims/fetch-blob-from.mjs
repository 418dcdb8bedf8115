// fetch-blob/from.js: blobs and files read from disk, with Node 20's Blob, File and fs.openAsBlob. See esbuild.js.
import { Blob, File } from 'node:buffer';
import { openAsBlob, promises, readFileSync } from 'node:fs';
import { basename } from 'node:path';

export { Blob, File };
export const blobFrom = (path, type) => openAsBlob(path, { type });
export const blobFromSync = (path, type) => new Blob([readFileSync(path)], { type });
export const fileFrom = async (path, type) => new File([await promises.readFile(path)], basename(path), { type });
export const fileFromSync = (path, type) => new File([readFileSync(path)], basename(path), { type });
export default blobFromSync;
