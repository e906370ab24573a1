import { jsonParse } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { invalidInput } from './invalidInput';

/** A JSON field's value: text is parsed, a value from an expression is taken as it is. */
export function parseJsonValue(node: INode, itemIndex: number, raw: unknown, displayName: string, example: string): unknown {
	if (typeof raw !== 'string') return raw;
	try {
		return jsonParse(raw);
	} catch (error) {
		throw invalidInput(
			node,
			itemIndex,
			displayName,
			`is not valid JSON (${(error as Error).message})`,
			`Enter JSON such as ${example}, or map it with an expression.`,
		);
	}
}

/**
 * A JSON field's value as an object (see parseJsonValue); JSON that is not an object is refused
 * naming the field.
 */
export function parseJsonObject(node: INode, itemIndex: number, raw: unknown, displayName: string, example: string): IDataObject {
	const value = parseJsonValue(node, itemIndex, raw, displayName, example);
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw invalidInput(node, itemIndex, displayName, 'must be a JSON object', `Enter a JSON object such as ${example}; wrap lists in a named field.`);
	}
	return value as IDataObject;
}

/** A JSON parameter of the item a declarative request is for, as an object. */
export function jsonObjectParameter(
	context: IExecuteSingleFunctions,
	parameterName: string,
	displayName: string,
	example: string,
): IDataObject {
	return parseJsonObject(context.getNode(), context.getItemIndex(), context.getNodeParameter(parameterName), displayName, example);
}

/** A preSend that puts a JSON field's object into the body at `property`. */
export function sendJsonObject(parameterName: string, displayName: string, property: string, example: string) {
	return async function sendJsonObjectField(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		requestOptions.body = {
			...((requestOptions.body ?? {}) as IDataObject),
			[property]: jsonObjectParameter(this, parameterName, displayName, example),
		};
		return requestOptions;
	};
}
