/**
 * The engines, and what the request loop and the settings need to know of each, without VS Code. The VS Code half of
 * the registry (`src/improve/vscode/engines/engineRegistry.ts`) has one entry per engine listed here, which TypeScript
 * checks; CONTRIBUTING's "Adding an engine" says what else to write.
 */
interface EngineTraits {
	/** Sends the user's steering note. Cekura's endpoint cannot: the user is told before sending, or the review says so. */
	readonly takesNote: boolean;
	/** Talks to a server with the model API key (`cekura.modelApiKey`): its errors may offer Set Model API Key. */
	readonly usesModelKey: boolean;
	/**
	 * Under `auto`, may take over when Cekura does not offer improve_prompt: the rank of its offer (1 is offered first),
	 * or undefined when it never takes over.
	 */
	readonly fallbackRank: number | undefined;
}

/** In the order the setting `cekura.improve.engine` lists them (after `auto`) and Choose Improvement Engine… shows them. */
const ENGINES = {
	cekura: { takesNote: false, usesModelKey: false, fallbackRank: undefined },
	vscodeLm: { takesNote: true, usesModelKey: false, fallbackRank: 2 },
	openaiCompatible: { takesNote: true, usesModelKey: true, fallbackRank: 1 },
} as const satisfies Record<string, EngineTraits>;

/** Which engine rewrites the prompt; the values of the setting `cekura.improve.engine` besides `auto`. */
export type EngineKind = keyof typeof ENGINES;

/** The value of `cekura.improve.engine`: an engine, or `auto` (Cekura first, a model when Cekura does not offer improve_prompt). */
export type EngineSetting = 'auto' | EngineKind;

/** The engine `auto` tries first. */
export const AUTO_FIRST: EngineKind = 'cekura';

export const ENGINE_KINDS = Object.keys(ENGINES) as readonly EngineKind[];

/** The values of `cekura.improve.engine`, in the manifest's order. */
export const ENGINE_SETTINGS: readonly EngineSetting[] = ['auto', ...ENGINE_KINDS];

/** The setting's value as an engine setting; anything else (a typo, a removed engine) counts as `auto`. */
export function engineSetting(value: unknown): EngineSetting {
	return ENGINE_SETTINGS.find((setting) => setting === value) ?? 'auto';
}

export function takesNote(kind: EngineKind): boolean {
	return ENGINES[kind].takesNote;
}

/** Whether the errors of the engine the setting names (or of `auto`, Cekura's) may be the model API key's. */
export function usesModelKey(engine: EngineSetting): boolean {
	return engine !== 'auto' && ENGINES[engine].usesModelKey;
}

/** The engines that may take over under `auto`, in the order they are offered. */
export function fallbackKinds(): EngineKind[] {
	const ranked = ENGINE_KINDS.filter((kind) => ENGINES[kind].fallbackRank !== undefined);
	return ranked.sort((a, b) => (ENGINES[a].fallbackRank ?? 0) - (ENGINES[b].fallbackRank ?? 0));
}

export function isFallbackKind(engine: EngineSetting): boolean {
	return engine !== 'auto' && ENGINES[engine].fallbackRank !== undefined;
}
