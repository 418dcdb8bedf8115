/**
 * A cheap look at a JSON document before it is parsed: only text with a Retell prompt key or a system message can
 * be an agent export with prompts (see `agentExport.ts`). Lives in the activation bundle, so it uses no parser.
 */
const PROMPT_KEYS = /"(?:general_prompt|state_prompt)"\s*:|"role"\s*:\s*"system"/;

export function mayHoldAgentPrompts(text: string): boolean {
	return PROMPT_KEYS.test(text);
}
