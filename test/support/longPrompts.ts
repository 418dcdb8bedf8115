import { SAMPLE_PROMPTS } from '../server/seedData';

const PLACES = ['parking lot', 'waiting room', 'x-ray room', 'hygiene suite', 'front entrance'];

/**
 * A seeded agent's prompt followed by numbered clinic facts, to about `chars` characters; below the seeded prompt's
 * size, its first lines.
 */
export function longPrompt(chars: number, agent = 'dental-front-desk'): string {
	const seeded = SAMPLE_PROMPTS[agent];
	if (chars < seeded.length) return `${seeded.slice(0, seeded.indexOf('\n', chars) + 1 || seeded.length)}`;
	const facts: string[] = [];
	const text = `${SAMPLE_PROMPTS[agent]}\n\n## Clinic facts\n`;
	for (let i = 1; text.length + facts.join('\n').length < chars; i++) facts.push(`- Fact ${i}: the ${PLACES[i % PLACES.length]} is on floor ${(i % 4) + 1}, door ${i}.`);
	return `${text}${facts.join('\n')}\n`;
}
