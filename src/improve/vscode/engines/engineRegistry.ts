import * as vscode from 'vscode';
import { ENGINE_KINDS, fallbackKinds, type EngineKind } from '../../core/engines/engineCatalog';
import type { CekuraSettings } from '../settings';
import { cekuraEntry } from './cekuraEntry';
import { currentMark, type EngineEntry, type EngineItem } from './engineEntry';
import { openaiCompatibleEntry } from './openaiCompatibleEntry';
import { vscodeLmEntry } from './vscodeLmEntry';

/**
 * Every engine's entry: the rows Choose Improvement Engine… shows, whether it can be used now, and how it is set up.
 * The engines and their order are `core/engines/engineCatalog.ts`'s; TypeScript checks that each has an entry here.
 */
const REGISTRY: { readonly [K in EngineKind]: EngineEntry } = {
	cekura: cekuraEntry,
	vscodeLm: vscodeLmEntry,
	openaiCompatible: openaiCompatibleEntry,
};

export function engineEntry(kind: EngineKind): EngineEntry {
	return REGISTRY[kind];
}

/** The rows of Choose Improvement Engine…: Automatic, then each engine's, in the catalog's order. */
export async function engineItems(settings: CekuraSettings): Promise<EngineItem[]> {
	const items: EngineItem[] = [
		{ label: vscode.l10n.t('Automatic'), description: currentMark(settings, 'auto') + vscode.l10n.t('Cekura first; a model you have when Cekura does not offer improve_prompt'), engine: 'auto' },
	];
	for (const kind of ENGINE_KINDS) items.push(...(await REGISTRY[kind].pickItems(settings)));
	return items;
}

/** The engines that can take over now under `auto` when Cekura does not offer improve_prompt, in the order offered, each with its button. */
export async function fallbackOffers(settings: CekuraSettings): Promise<{ kind: EngineKind; label: string }[]> {
	const offers: { kind: EngineKind; label: string }[] = [];
	for (const kind of fallbackKinds()) {
		const available = await REGISTRY[kind].availability(settings);
		if (available.usable) offers.push({ kind, label: available.offer });
	}
	return offers;
}
