/**
 * The small subset of JSON Schema the partner documents' contracts need. Checked by hand so a mismatch reads
 * as one line per problem: `body.payload.imei[0]: expected string, got number`.
 */
export type Schema =
	| { type: 'string'; enum?: readonly string[]; pattern?: RegExp }
	| { type: 'integer' | 'number'; minimum?: number }
	| { type: 'boolean' }
	| { type: 'array'; items: Schema; minItems?: number; maxItems?: number }
	| {
			type: 'object';
			properties: Record<string, Schema>;
			required?: readonly string[];
			/** Off by default: the partner documents list every field a request may carry. */
			additionalProperties?: boolean;
	  }
	| { type: 'any' };

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (Number.isInteger(value)) return 'integer';
	return typeof value;
}

export function schemaViolations(schema: Schema, value: unknown, path: string): string[] {
	const actual = typeOf(value);
	switch (schema.type) {
		case 'any':
			return [];
		case 'string':
			if (actual !== 'string') return [`${path}: expected string, got ${actual}`];
			if (schema.enum && !schema.enum.includes(value as string))
				return [`${path}: ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`];
			if (schema.pattern && !schema.pattern.test(value as string))
				return [`${path}: ${JSON.stringify(value)} does not match ${schema.pattern}`];
			return [];
		case 'integer':
		case 'number':
			if (actual !== 'integer' && !(schema.type === 'number' && actual === 'number'))
				return [`${path}: expected ${schema.type}, got ${actual}`];
			if (schema.minimum !== undefined && (value as number) < schema.minimum)
				return [`${path}: ${String(value)} is below ${schema.minimum}`];
			return [];
		case 'boolean':
			return actual === 'boolean' ? [] : [`${path}: expected boolean, got ${actual}`];
		case 'array': {
			if (actual !== 'array') return [`${path}: expected array, got ${actual}`];
			const list = value as unknown[];
			const problems: string[] = [];
			if (schema.minItems !== undefined && list.length < schema.minItems)
				problems.push(`${path}: expected at least ${schema.minItems} entries, got ${list.length}`);
			if (schema.maxItems !== undefined && list.length > schema.maxItems)
				problems.push(`${path}: expected at most ${schema.maxItems} entries, got ${list.length}`);
			list.forEach((entry, index) => problems.push(...schemaViolations(schema.items, entry, `${path}[${index}]`)));
			return problems;
		}
		case 'object': {
			if (actual !== 'object') return [`${path}: expected object, got ${actual}`];
			const record = value as Record<string, unknown>;
			const problems: string[] = [];
			for (const name of schema.required ?? []) {
				if (!Object.hasOwn(record, name) || record[name] === undefined) problems.push(`${path}.${name}: required but missing`);
			}
			for (const [name, fieldValue] of Object.entries(record)) {
				// The name is the sender's: only the schema's own properties, never Object.prototype's `constructor`.
				const fieldSchema = Object.hasOwn(schema.properties, name) ? schema.properties[name] : undefined;
				if (fieldSchema) problems.push(...schemaViolations(fieldSchema, fieldValue, `${path}.${name}`));
				else if (!schema.additionalProperties) problems.push(`${path}.${name}: not in the contract`);
			}
			return problems;
		}
	}
}
