import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function setAtPath(target: IDataObject, path: string, value: unknown): void {
	const keys = path.split('.');
	const last = keys.pop() as string;
	let object = target;
	for (const key of keys) object = (object[key] ??= {}) as IDataObject;
	object[last] = value as IDataObject[string];
}

function putRouted(body: IDataObject, property: INodeProperties, value: unknown): void {
	const send = property.routing?.send;
	// Only plain `send` (a body property, the parameter's value as it is) can be read back here.
	if (send?.type !== 'body' || !send.property || send.value !== undefined || isEmpty(value)) return;
	setAtPath(body, String(send.property), value);
}

/**
 * The JSON body a declarative node's fields describe with `routing.send` (body property, plain
 * value), for a programmatic node that shows the same fields: so both send the same request
 * without describing it twice. Fields the operation does not show are absent from the node's
 * parameters; empty values are not sent.
 */
export function bodyFromRoutedFields(context: IExecuteFunctions, properties: INodeProperties[], itemIndex: number): IDataObject {
	const body: IDataObject = {};
	for (const property of properties) {
		// null: the operation does not show this field (n8n drops hidden parameters).
		const value = context.getNodeParameter(property.name, itemIndex, null) as unknown;
		if (value === null) continue;
		if (property.type === 'collection') {
			for (const option of (property.options ?? []) as INodeProperties[]) {
				putRouted(body, option, (value as IDataObject)[option.name]);
			}
		} else {
			putRouted(body, property, value);
		}
	}
	return body;
}
