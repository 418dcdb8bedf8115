import type { CekuraClient } from '../cekuraClient';
import type { ImproveEngine, ImproveInput, Proposal } from './improveEngine';

/** Cekura's own improve_prompt endpoint. */
export class CekuraEngine implements ImproveEngine {
	readonly kind = 'cekura';
	readonly author = 'Cekura';

	constructor(private readonly client: CekuraClient) {}

	async improve(input: ImproveInput, signal: AbortSignal, report: (message: string) => void): Promise<Proposal> {
		report(`from run${input.runIds.length > 1 ? 's' : ''} ${input.runIds.join(', ')}… (this can take a minute)`);
		const answer = await this.client.improvePrompt({ prompt: input.prompt, run_ids: [...input.runIds], ...input.focus }, signal);
		return { ...answer, author: this.author, warnings: [] };
	}
}
