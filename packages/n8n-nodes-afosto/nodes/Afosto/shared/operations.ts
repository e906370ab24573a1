import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** The conditions of a field's displayOptions.show. */
export type ShowConditions = NonNullable<IDisplayOptions['show']>;

/** A helper that writes fields for the operations (and conditions) in `show`. */
export type FieldsFor = (show: ShowConditions) => INodeProperties[];

/** Fields a helper writes (`fieldsFor`) for every operation that lists it, under the conditions in `show`. */
export interface SharedFields {
	fieldsFor: FieldsFor;
	show?: ShowConditions;
}

/**
 * One operation of an Afosto resource: its entry in the Operation list (with its routing) and
 * its fields. A field's displayOptions name only its own conditions (`bodyMode: ['json']`); the
 * resource adds its resource and operations.
 */
export interface AfostoOperation {
	option: INodePropertyOptions;
	fields: Array<INodeProperties | SharedFields>;
	/** Fields with displayOptions of their own, listed after the resource's others (the file upload's). */
	appendedFields?: FieldsFor;
}

/** A resource as a node lists it: its Operation field, and the fields of all its operations. */
export interface AfostoResource {
	operation: INodeProperties;
	fields: INodeProperties[];
}

const isSharedFields = (field: INodeProperties | SharedFields): field is SharedFields => 'fieldsFor' in field;

/**
 * A resource from its operations in the Afosto API reference's order. The Operation list is
 * alphabetical. A field that several operations have alike is one property shown for all of them
 * (as `id`), in the place where it first comes, so the node lists each field once.
 */
export function afostoResource(resource: string, operations: AfostoOperation[]): AfostoResource {
	const helperIds = new Map<FieldsFor, number>();
	const merged = new Map<string, { write: (operation: string[]) => INodeProperties[]; operation: string[] }>();
	for (const { option, fields } of operations) {
		const value = String(option.value);
		for (const field of fields) {
			let key: string;
			let write: (operation: string[]) => INodeProperties[];
			if (isSharedFields(field)) {
				if (!helperIds.has(field.fieldsFor)) helperIds.set(field.fieldsFor, helperIds.size);
				key = JSON.stringify({ helper: helperIds.get(field.fieldsFor), show: field.show ?? {} });
				write = (operation) => field.fieldsFor({ resource: [resource], operation, ...field.show });
			} else {
				const { displayOptions, ...rest } = field;
				const show = displayOptions?.show ?? {};
				key = JSON.stringify({ rest, show });
				write = (operation) => [{ ...rest, displayOptions: { show: { resource: [resource], operation, ...show } } }];
			}
			const existing = merged.get(key);
			if (existing) existing.operation.push(value);
			else merged.set(key, { write, operation: [value] });
		}
	}
	const appended = operations.flatMap(({ option, appendedFields }) =>
		appendedFields ? appendedFields({ resource: [resource], operation: [String(option.value)] }) : [],
	);
	// English collation whatever the server's locale, so every n8n lists the operations alike.
	const options = operations.map(({ option }) => option).sort((first, second) => first.name.localeCompare(second.name, 'en'));
	// The default is the first operation in the list, which the resource knows only once sorted.
	const firstOperation = options[0].value;
	return {
		operation: {
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options,
			default: firstOperation,
		},
		fields: [...[...merged.values()].flatMap(({ write, operation }) => write(operation)), ...appended],
	};
}
