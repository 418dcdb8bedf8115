import type { AgentModel } from '../../src/improve/core/chatTest/chatTestTypes';
import { ModelError } from '../../src/improve/core/modelError';
import { agentReply } from '../server/simulatedAgent';

/** The local model servers' deterministic agent (test/server/simulatedAgent.ts) as an AgentModel, in process. */
export const localAgent: AgentModel = {
	label: 'local agent',
	async reply(systemPrompt, conversation) {
		const line = agentReply([{ role: 'system', content: systemPrompt }, ...conversation.map((m) => ({ role: m.role === 'caller' ? ('user' as const) : ('assistant' as const), content: m.content }))]);
		if (line === undefined) throw new ModelError('server', 'The model server failed (HTTP 500).', { status: 500 });
		return line;
	},
};
