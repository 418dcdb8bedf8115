import type { AnswerFormat } from './modelInstructions';

/** A JSON schema for structured output, named as OpenAI's `response_format: {type: "json_schema"}` wants it. */
export interface AnswerSchema {
	name: string;
	schema: Record<string, unknown>;
}

const text = { type: 'string' };

/** The schema of the answer object in each format; strict (every property required, no others). */
export function answerSchema(format: AnswerFormat): AnswerSchema {
	if (format === 'whole') {
		return {
			name: 'improved_prompt',
			schema: { type: 'object', properties: { improved_prompt: text, summary_of_changes: text }, required: ['improved_prompt', 'summary_of_changes'], additionalProperties: false },
		};
	}
	const edit = { type: 'object', properties: { find: text, replace: text }, required: ['find', 'replace'], additionalProperties: false };
	return {
		name: 'prompt_edits',
		schema: { type: 'object', properties: { edits: { type: 'array', items: edit }, summary_of_changes: text }, required: ['edits', 'summary_of_changes'], additionalProperties: false },
	};
}
