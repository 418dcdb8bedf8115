import type * as Improve from '../improve/improveBundle';

let improveModule: typeof Improve | undefined;

/**
 * `src/improve/improveBundle.ts`, loaded on first use. The extension's build keeps it in a file of its own (dist/improve.js, see
 * `improveApart` in esbuild.js), so activation does not load the engines, clients, node-fetch or prompt encodings.
 */
export function loadImprove(): typeof Improve {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy require keeps the improve flow out of the extension's main bundle
	improveModule ??= require('../improve/improveBundle') as typeof Improve;
	return improveModule;
}
