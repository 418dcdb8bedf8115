import type * as vscode from 'vscode';
import type { ImproveBundle, ImproveHost, ImproveSide } from './improveSide';

/**
 * The lazy half of the extension (src/improve/, bundled into dist/improve.js; see `improveApart` in esbuild.js),
 * required and connected to the main bundle's objects the first time something needs it. This is the only place the
 * main bundle loads it: adapters are given `get` and call it when they need the lazy half's services.
 */
export class LazyImprove implements vscode.Disposable {
	private side: ImproveSide | undefined;

	/** `host`: the main bundle's objects, read when the lazy half is first loaded. */
	constructor(private readonly host: () => ImproveHost) {}

	readonly get = (): ImproveSide => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy require keeps the improve flow out of the extension's main bundle
		this.side ??= (require('../improve/improveBundle') as ImproveBundle).connect(this.host());
		return this.side;
	};

	/** Aborts the lazy half's chat tests, if it is loaded, and waits (bounded) for their chats to be ended. */
	stop(): Promise<void> {
		return this.side?.stopTests() ?? Promise.resolve();
	}

	dispose(): void {
		this.side?.dispose();
	}
}
