import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

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

/**
 * A preSend that refuses a dropdown value an expression produced but the list does not offer (a
 * movement type, a service type that would become part of the path), naming the field.
 * `getProperties` is read on first use, so a node can pass its own, not yet built, property list.
 */
export function refuseValuesOutsideOptions(getProperties: () => INodeProperties[]) {
	let allowed: Map<string, AllowedValues> | undefined;
	return async function refuseUnlistedOptionValues(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		allowed ??= allowedValuesByName(getProperties());
		for (const [name, { displayName, values }] of allowed) {
			const value = this.getNodeParameter(name, null) as unknown;
			if (value === null || value === undefined || values.has(value)) continue;
			throw invalidInput(
				this.getNode(),
				this.getItemIndex(),
				displayName,
				`${JSON.stringify(value)} is not one of ${[...values].join(', ')}`,
				'Pick a value from the list, or make the expression return one of these values.',
			);
		}
		return requestOptions;
	};
}
