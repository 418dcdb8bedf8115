import { applyEdits } from '../../src/improve/core/promptEdits';
import { editsOfChange } from '../server/editsOfChange';
import { longPrompt } from '../support/longPrompts';

/** Simulated output speed of a model. */
export const TOKENS_PER_SECOND = 50;
/** Tokens are counted as characters / 4, as the extension's own estimate does for servers without a counter (`charBudget`). */
const tokens = (text: string): number => Math.ceil(text.length / 4);

const REASONING = 'Reasoning: run 5546 ended before the caller confirmed the booking, because "Keep calls short." lets the agent hang up early; the clinic facts give a wrong floor; no rule says to read the booking back.\n\n';
const SUMMARY = 'Keep calls short no longer ends calls before the booking is confirmed (Booking confirmed, run 5546). Corrected the floor of the x-ray room. Added a rule to read back the booked date and time (Booking confirmed).';

export interface EditsFigure {
	promptTokens: number;
	wholeTokens: number;
	editsTokens: number;
	/** Tokens written until the first edit is complete (the review can open then). */
	firstEditTokens: number;
}

/** A prompt of about `promptTokens` tokens, and the same prompt with 3 small changes: a sentence rewritten, a fact line corrected, a rule added at the end. */
export function threeSmallChanges(promptTokens: number): { original: string; improved: string } {
	const original = longPrompt(promptTokens * 4);
	const lines = original.split('\n');
	const last = Math.max(lines.length * 0.6, 20);
	const fact = lines.reduce((found, line, i) => (i <= last && / floor \d/.test(line) ? i : found), -1);
	if (fact >= 0) lines[fact] = lines[fact].replace(/floor \d/, 'the ground floor');
	const improved = `${lines.join('\n').replace('Keep calls short.', 'Keep calls short, but never end a call before the caller has confirmed the booking.')}- Before ending the call, read back the booked date and time and wait for the caller to confirm.\n`;
	return { original, improved };
}

/**
 * The answers a model writes for 3 small changes, whole against edits, in the format the instructions ask (brief
 * reasoning, then the JSON object, pretty-printed as the local model server writes it). Checks that the edits give
 * the same text.
 */
export function editsFigure(promptTokens: number): EditsFigure {
	const { original, improved } = threeSmallChanges(promptTokens);
	const edits = editsOfChange(original, improved);
	if (applyEdits(original, edits).text !== improved) throw new Error(`the edits for ${promptTokens} tokens do not give the improved prompt`);
	const whole = REASONING + JSON.stringify({ improved_prompt: improved, summary_of_changes: SUMMARY }, null, 2);
	const answer = REASONING + JSON.stringify({ edits, summary_of_changes: SUMMARY }, null, 2);
	const firstEnd = answer.indexOf('}', answer.indexOf(`"replace": ${JSON.stringify(edits[0].replace)}`)) + 1;
	return { promptTokens: tokens(original), wholeTokens: tokens(whole), editsTokens: tokens(answer), firstEditTokens: tokens(answer.slice(0, firstEnd)) };
}
