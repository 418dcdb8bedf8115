/** Whether `value` is a JSON object (not null, not an array): what a server's or a model's answer must be to be read. */
export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
