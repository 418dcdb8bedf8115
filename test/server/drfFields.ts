/** Field checks and messages of Django REST Framework, which Cekura's API is built on, for the local server's views. */

/** The type names DRF puts into its messages (it is a Python server). */
export function pythonTypeName(value: unknown): string {
	if (value === null) return 'NoneType';
	if (Array.isArray(value)) return 'list';
	switch (typeof value) {
		case 'string':
			return 'str';
		case 'boolean':
			return 'bool';
		case 'number':
			return Number.isInteger(value) ? 'int' : 'float';
		default:
			return 'dict';
	}
}

/** Validates an integer-list field the way a DRF ListField(child=IntegerField()) would. */
export function checkIntList(value: unknown, allowEmpty: boolean, maxLength?: number): { ids: number[] } | { errors: string[] } {
	if (value === null) return { errors: ['This field may not be null.'] };
	if (!Array.isArray(value)) return { errors: [`Expected a list of items but got type "${pythonTypeName(value)}".`] };
	if (!allowEmpty && value.length === 0) return { errors: ['This list may not be empty.'] };
	if (!value.every((item) => typeof item === 'number' && Number.isInteger(item))) return { errors: ['A valid integer is required.'] };
	if (maxLength !== undefined && value.length > maxLength) return { errors: [`Ensure this field has no more than ${maxLength} elements.`] };
	return { ids: value as number[] };
}

/** Validates a DRF IntegerField(min_value, max_value); undefined when valid. */
export function checkInt(value: unknown, min: number, max: number): string | undefined {
	if (typeof value !== 'number' || !Number.isInteger(value)) return 'A valid integer is required.';
	if (value < min) return `Ensure this value is greater than or equal to ${min}.`;
	if (value > max) return `Ensure this value is less than or equal to ${max}.`;
	return undefined;
}

/** DRF's message for a primary key that names nothing. */
export function invalidPk(value: unknown): string {
	return `Invalid pk "${String(value)}" - object does not exist.`;
}
