/**
 * A cheap look at a JSON document before it is parsed: only text with a Retell prompt key or a system message can
 * be an agent export with prompts (see `agentExport.ts`). Lives in the activation bundle, so it uses no parser.
 */
const PROMPT_KEYS = /"(?:general_prompt|state_prompt)"\s*:|"role"\s*:\s*"system"/;

export function mayHoldAgentPrompts(text: string): boolean {
	return PROMPT_KEYS.test(text);
}

/**
 * The languages the agent-export CodeLens is offered in; the manifest activates the extension on each (`onLanguage:`).
 * JSON with Comments too: VS Code opens some `.json` files as it (in `.vscode/`, or by a `files.associations` entry),
 * and an export kept with notes is a `.jsonc` file; the prompt finder and Apply read comments.
 */
export const AGENT_EXPORT_LANGUAGES = ['json', 'jsonc'] as const;

export type JsonPath = readonly (string | number)[];

export interface AgentPromptField {
	readonly platform: AgentPlatform;
	readonly path: JsonPath;
	/** The path as a reader writes it: `model.messages[0].content`. */
	readonly label: string;
	/** A Retell state's `name`, when it has one. */
	readonly stateName?: string;
	/** Offset of the property's key (the line to show an action above). */
	readonly keyOffset: number;
	/** The inside of the string value, without its quotes, as offsets in the text. */
	readonly start: number;
	readonly end: number;
}

export type AgentPlatform = 'vapi' | 'retell';
