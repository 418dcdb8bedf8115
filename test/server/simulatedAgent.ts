/**
 * The deterministic agent the local model servers play in a simulated chat (Test Proposal in Simulated Chats): a
 * request without the improve request's prompt markers is an agent turn, its system prompt the prompt under test and
 * its other messages the conversation (the caller's lines as user, the agent's as assistant).
 *
 * - The agent's first reply states the instructions it follows: the system prompt's non-empty lines with markdown
 *   markers (`#`, `-`, `*`, `>`, `1.`) stripped, joined by spaces. That is what the local Cekura server's scoring rule
 *   reads (test/server/chatScoring.ts), so a prompt is scored on its own sentences.
 * - Every later reply is `Understood: "<the caller's last line>".`
 * - A system prompt containing `#agent-fail` makes the turn fail (the OpenAI-compatible server answers HTTP 500).
 *
 * test/fixtures/lm-provider/extension.js repeats these few lines in plain JavaScript for VS Code's language models.
 */

export const AGENT_FAIL_MARKER = '#agent-fail';

export interface AgentTurnMessage {
	role: 'system' | 'user' | 'assistant';
	content: string;
}

/** The prompt's instructions as the agent states them. */
export function recitePrompt(systemPrompt: string): string {
	return systemPrompt
		.split(/\r\n|\r|\n/)
		.map((line) => line.replace(/^\s*(?:#{1,6}\s+|[-*+>]\s+|\d{1,3}[.)]\s+)?/, '').trim())
		.filter((line) => line !== '')
		.join(' ');
}

/** The agent's next line, or undefined when the prompt asks it to fail. */
export function agentReply(messages: readonly AgentTurnMessage[]): string | undefined {
	const system = messages.filter((m) => m.role === 'system').map((m) => m.content).join('\n');
	if (system.includes(AGENT_FAIL_MARKER)) return undefined;
	const spoken = messages.filter((m) => m.role !== 'system');
	if (!spoken.some((m) => m.role === 'assistant')) return recitePrompt(system);
	const lastCaller = [...spoken].reverse().find((m) => m.role === 'user');
	return `Understood: "${lastCaller?.content ?? ''}".`;
}
