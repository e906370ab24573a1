import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INode,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { invalidInput } from './invalidInput';

/** One dropdown: its values, and the resources and operations that show it (any, if unset). */
interface Dropdown {
	parameter: string;
	displayName: string;
	values: Set<unknown>;
	resources?: unknown[];
	operations?: unknown[];
}

/** The dropdowns of a node's properties. */
export type AllowedOptionValues = Dropdown[];

export function allowedOptionValues(properties: INodeProperties[]): AllowedOptionValues {
	const dropdowns: Dropdown[] = [];
	const add = (parameter: string, dropdown: INodeProperties, shownBy: INodeProperties) => {
		dropdowns.push({
			parameter,
			displayName: dropdown.displayName,
			values: new Set(((dropdown.options ?? []) as INodePropertyOptions[]).map((option) => option.value)),
			resources: shownBy.displayOptions?.show?.resource as unknown[] | undefined,
			operations: shownBy.displayOptions?.show?.operation as unknown[] | undefined,
		});
	};
	for (const property of properties) {
		if (property.type === 'collection') {
			// Dropdowns inside a collection are read by their path, e.g. `additionalFields.sort`.
			for (const option of (property.options ?? []) as INodeProperties[]) {
				if (option.type === 'options') add(`${property.name}.${option.name}`, option, property);
			}
		}
		// Resource and operation cannot be expressions, so n8n itself keeps them to their lists.
		if (property.type === 'options' && !property.noDataExpression) add(property.name, property, property);
	}
	return dropdowns;
}

/**
 * Refuses a dropdown value an expression produced but the list does not offer (a movement type,
 * a service type that would become part of the path), naming the item and field. Only the
 * dropdowns of the current resource and operation count: a name can be a dropdown in one
 * operation and free text in another. `readParameter` returns null for a hidden parameter.
 */
export function checkOptionValues(
	dropdowns: AllowedOptionValues,
	readParameter: (name: string) => unknown,
	node: INode,
	itemIndex: number,
): void {
	const resource = readParameter('resource');
	const operation = readParameter('operation');
	for (const dropdown of dropdowns) {
		if (dropdown.resources && !dropdown.resources.includes(resource)) continue;
		if (dropdown.operations && !dropdown.operations.includes(operation)) continue;
		const value = readParameter(dropdown.parameter);
		if (value === null || value === undefined || dropdown.values.has(value)) continue;
		throw invalidInput(
			node,
			itemIndex,
			dropdown.displayName,
			`${JSON.stringify(value)} is not one of ${[...dropdown.values].join(', ')}`,
			'Pick a value from the list, or make the expression return one of these values.',
		);
	}
}

/**
 * A preSend that checks every dropdown value (see checkOptionValues). `getProperties` is read on
 * first use, so a node can pass its own, not yet built, property list.
 */
export function refuseValuesOutsideOptions(getProperties: () => INodeProperties[]) {
	let dropdowns: AllowedOptionValues | undefined;
	return async function refuseUnlistedOptionValues(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		dropdowns ??= allowedOptionValues(getProperties());
		checkOptionValues(dropdowns, (name) => this.getNodeParameter(name, null), this.getNode(), this.getItemIndex());
		return requestOptions;
	};
}
