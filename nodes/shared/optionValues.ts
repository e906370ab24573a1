import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INode,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { invalidInput } from './invalidInput';

interface AllowedValues {
	displayName: string;
	values: Set<unknown>;
}

function allowedValuesByName(properties: INodeProperties[]): Map<string, AllowedValues> {
	const byName = new Map<string, AllowedValues>();
	for (const property of properties) {
		// Resource and operation cannot be expressions, so n8n itself keeps them to their lists.
		if (property.type !== 'options' || property.noDataExpression) continue;
		const entry = byName.get(property.name) ?? { displayName: property.displayName, values: new Set() };
		for (const option of (property.options ?? []) as INodePropertyOptions[]) entry.values.add(option.value);
		byName.set(property.name, entry);
	}
	return byName;
}

/** The dropdown values of a node's properties, by parameter name. */
export type AllowedOptionValues = Map<string, AllowedValues>;

export function allowedOptionValues(properties: INodeProperties[]): AllowedOptionValues {
	return allowedValuesByName(properties);
}

/**
 * Refuses a dropdown value an expression produced but the list does not offer (a movement type,
 * a service type that would become part of the path), naming the item and field.
 * `readParameter` returns null for a parameter the current operation does not show.
 */
export function checkOptionValues(
	allowed: AllowedOptionValues,
	readParameter: (name: string) => unknown,
	node: INode,
	itemIndex: number,
): void {
	for (const [name, { displayName, values }] of allowed) {
		const value = readParameter(name);
		if (value === null || value === undefined || values.has(value)) continue;
		throw invalidInput(
			node,
			itemIndex,
			displayName,
			`${JSON.stringify(value)} is not one of ${[...values].join(', ')}`,
			'Pick a value from the list, or make the expression return one of these values.',
		);
	}
}

/**
 * A preSend that checks every dropdown value (see checkOptionValues). `getProperties` is read on
 * first use, so a node can pass its own, not yet built, property list.
 */
export function refuseValuesOutsideOptions(getProperties: () => INodeProperties[]) {
	let allowed: AllowedOptionValues | undefined;
	return async function refuseUnlistedOptionValues(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		allowed ??= allowedValuesByName(getProperties());
		checkOptionValues(allowed, (name) => this.getNodeParameter(name, null), this.getNode(), this.getItemIndex());
		return requestOptions;
	};
}
