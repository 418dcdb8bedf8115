import * as l10n from '@vscode/l10n';
import type { CekuraClient } from '../cekuraClient';
import type { ImproveEngine, ImproveInput } from './engineTypes';
import type { Proposal } from '../../../core/proposal';

/** Cekura's own improve_prompt endpoint. */
export class CekuraEngine implements ImproveEngine {
	readonly kind = 'cekura';
	readonly author = 'Cekura';

	constructor(private readonly client: CekuraClient) {}

	async improve(input: ImproveInput, signal: AbortSignal, report: (message: string) => void): Promise<Proposal> {
		report(input.runIds.length > 1 ? l10n.t('from runs {0}… (this can take a minute)', input.runIds.join(', ')) : l10n.t('from run {0}… (this can take a minute)', input.runIds.join(', ')));
		const answer = await this.client.improvePrompt({ prompt: input.prompt, run_ids: [...input.runIds], ...input.focus }, signal);
		return { ...answer, author: this.author, warnings: [] };
	}
}
