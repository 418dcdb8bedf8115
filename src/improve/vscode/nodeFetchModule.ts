// Imported dynamically by nodeFetch.ts: through this one named export, the bundle keeps only what the
// extension uses of node-fetch (a dynamic import of node-fetch itself would keep every export).
export { default as nodeFetch } from 'node-fetch';
