import type { AgentPlatform, AgentPromptField, JsonPath } from '../../core/agentExportHint';
import { parseTree, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js'; // the ES module build, as in promptEncoding.ts

/**
 * The prompt fields of voice-agent exports, found with their exact places in the JSON text:
 * - a VAPI assistant: `model.messages[]` with `role: "system"`, its `content`;
 * - a Retell agent (the Retell LLM itself, or an agent export holding it under `retellLlmData`): `general_prompt`
 *   and `states[].state_prompt`.
 * Only string values that hold text count; a file that is not valid JSON has none (nothing could be written back).
 */

export function findAgentPrompts(text: string): AgentPromptField[] {
	const errors: ParseError[] = [];
	const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
	if (!root || errors.length > 0 || root.type !== 'object') return [];
	const fields: AgentPromptField[] = [];
	const messages = child(child(root, 'model'), 'messages');
	if (messages?.type === 'array') {
		(messages.children ?? []).forEach((message, index) => {
			if (child(message, 'role')?.value !== 'system') return;
			const field = promptField('vapi', message, 'content', ['model', 'messages', index, 'content']);
			if (field) fields.push(field);
		});
	}
	for (const [container, prefix] of [[root, []], [child(root, 'retellLlmData'), ['retellLlmData']]] as const) {
		if (container?.type !== 'object') continue;
		const general = promptField('retell', container, 'general_prompt', [...prefix, 'general_prompt']);
		if (general) fields.push(general);
		const states = child(container, 'states');
		if (states?.type !== 'array') continue;
		(states.children ?? []).forEach((state, index) => {
			const name = child(state, 'name')?.value;
			const field = promptField('retell', state, 'state_prompt', [...prefix, 'states', index, 'state_prompt'], typeof name === 'string' ? name : undefined);
			if (field) fields.push(field);
		});
	}
	return fields.sort((a, b) => a.start - b.start);
}

/** The field at `path` in `text`, if it is (still) a prompt field there. */
export function findAgentPrompt(text: string, path: JsonPath): AgentPromptField | undefined {
	return findAgentPrompts(text).find((field) => field.path.length === path.length && field.path.every((part, i) => part === path[i]));
}

/** `model.messages[0].content` */
function pathLabel(path: JsonPath): string {
	return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

/** The value node of `key` in an object node. */
function child(node: Node | undefined, key: string): Node | undefined {
	if (node?.type !== 'object') return undefined;
	// The last of duplicate keys is the one JSON.parse keeps.
	const property = (node.children ?? []).filter((p) => p.children?.[0]?.value === key).pop();
	return property?.children?.[1];
}

function promptField(platform: AgentPlatform, owner: Node, key: string, path: JsonPath, stateName?: string): AgentPromptField | undefined {
	const value = child(owner, key);
	if (value?.type !== 'string' || typeof value.value !== 'string' || value.value.trim() === '') return undefined;
	const keyNode = value.parent?.children?.[0];
	return {
		platform,
		path,
		label: pathLabel(path),
		stateName,
		keyOffset: keyNode?.offset ?? value.offset,
		start: value.offset + 1,
		end: value.offset + value.length - 1,
	};
}
