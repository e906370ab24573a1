import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, PreSendAction } from 'n8n-workflow';

import { invalidInput } from '../../shared/validation/invalidInput';
import { parseJsonObject, parseJsonValue } from '../../shared/validation/jsonObjectParameter';
import { checkedFields, templatePlaceholderLeft, typedValue } from './fieldTypes';
import type { FieldSpecs } from './fieldTypes';

/** What an Afosto request body is: an object with fields, or a list of objects or of text. */
export type AfostoBodyType = 'object' | 'object[]' | 'string[]';

/**
 * The body of the "Body (JSON)" field: it must parse and have the body's type; the fields the
 * Afosto API reference documents (of the object, or of each object of a list) must have their
 * types. The user's JSON is sent as written otherwise; `null` is refused, as no field is
 * documented to take it.
 */
function jsonModeBody(
	context: IExecuteSingleFunctions,
	bodyType: AfostoBodyType,
	fields: FieldSpecs,
	placeholders: Record<string, string>,
): IDataObject | IDataObject[] | string[] {
	const node = context.getNode();
	const itemIndex = context.getItemIndex();
	const raw = context.getNodeParameter('bodyJson');
	const inJson = (path: string) => `Body (JSON) ${path}`;
	if (bodyType === 'object') {
		const body = parseJsonObject(node, itemIndex, raw, 'Body (JSON)', '{"name": "…"}');
		refuseKeysLeftOut(context, body);
		refuseTemplatePlaceholders(context, body, placeholders);
		return checkedFields(body, fields, node, itemIndex, false, inJson);
	}
	const list = parseJsonValue(node, itemIndex, raw, 'Body (JSON)', '[{"key": "value"}] or ["a", "b"]');
	if (!Array.isArray(list)) {
		throw invalidInput(node, itemIndex, 'Body (JSON)', 'must be a JSON array', 'This operation takes a list: write it as [ … ].');
	}
	refuseKeysLeftOut(context, list);
	refuseTemplatePlaceholders(context, list, placeholders);
	if (bodyType === 'string[]') return typedValue(list, { field: 'Body (JSON)', type: 'string[]' }, node, itemIndex) as string[];
	return list.map((entry, index) => {
		const object = typedValue(entry, { field: inJson(`[${index}]`), type: 'object' }, node, itemIndex) as IDataObject;
		return checkedFields(object, fields, node, itemIndex, false, (wireName) => inJson(`[${index}].${wireName}`));
	});
}

/**
 * Keys that do not reach Afosto as written: n8n's request leaves `constructor` and `__proto__` out
 * of a JSON body (a test sends them and the wire lacks them), and `prototype` is refused with
 * them as the third name JavaScript gives special meaning. Sending the body without them would
 * be "success" with part of the data, so the item is refused, naming where the key is.
 */
const KEYS_LEFT_OUT = new Set(['__proto__', 'constructor', 'prototype']);

function refuseKeysLeftOut(context: IExecuteSingleFunctions, body: unknown, where = ''): void {
	if (typeof body !== 'object' || body === null) return;
	const entries: Array<[string, unknown]> = Array.isArray(body) ? body.map((entry, index) => [`[${index}]`, entry]) : Object.entries(body);
	for (const [key, value] of entries) {
		const place = key.startsWith('[') ? `${where}${key}` : where ? `${where}.${key}` : key;
		if (!Array.isArray(body) && KEYS_LEFT_OUT.has(key)) {
			throw invalidInput(
				context.getNode(),
				context.getItemIndex(),
				`Body (JSON) ${place}`,
				`is a key n8n leaves out of the request (${[...KEYS_LEFT_OUT].join(', ')}), so it would not reach Afosto`,
				'Remove the key, or rename it to the field the Afosto API reference documents.',
			);
		}
		refuseKeysLeftOut(context, value, place);
	}
}

/**
 * The Body (JSON) template shows each field's type where the Afosto API reference gives no
 * example value (`"is_including_vat": "boolean"`). A type name left where the template put it is
 * refused, naming where it is: sent, it would be taken as the value.
 */
function refuseTemplatePlaceholders(context: IExecuteSingleFunctions, body: unknown, placeholders: Record<string, string>): void {
	const left = templatePlaceholderLeft(body, placeholders);
	if (!left) return;
	throw invalidInput(
		context.getNode(),
		context.getItemIndex(),
		`Body (JSON) ${left.path}`,
		`is still the template's placeholder ${JSON.stringify(left.text)}`,
		`Replace it with a value, or delete the line.`,
	);
}

/**
 * A preSend for an operation with a request body. In JSON mode (the only one for list bodies) the
 * "Body (JSON)" field becomes the body (see jsonModeBody); in fields mode each field is checked
 * against its documented type (checkedFields): JSON text of an object or list is parsed, lists stay
 * lists, and a field added but left empty is not sent.
 */
export function sendJsonBody(bodyType: AfostoBodyType, fields: FieldSpecs, templatePlaceholders: Record<string, string> = {}) {
	return async function sendBody(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const mode = this.getNodeParameter('bodyMode', 'json') as string;
		requestOptions.body =
			mode === 'json'
				? jsonModeBody(this, bodyType, fields, templatePlaceholders)
				: checkedFields((requestOptions.body ?? {}) as IDataObject, fields, this.getNode(), this.getItemIndex(), true);
		return requestOptions;
	};
}


/** A type name the Afosto API reference's examples put where a value goes: "boolean", "string (uuid)". */
const TYPE_NAME = /^(string|integer|number|boolean|object|array)( \([^)]*\))?$/;

/**
 * The type names of a Body (JSON) template by where they sit (`lines[].sku`, as
 * templatePlaceholderLeft reads them): left there, they are refused.
 */
export function templatePlaceholders(template: unknown, path = '', found: Record<string, string> = {}): Record<string, string> {
	if (typeof template === 'string' && TYPE_NAME.test(template)) found[path] = template;
	if (Array.isArray(template)) template.forEach((entry) => templatePlaceholders(entry, `${path}[]`, found));
	else if (template && typeof template === 'object') {
		for (const [key, value] of Object.entries(template)) templatePlaceholders(value, path ? `${path}.${key}` : key, found);
	}
	return found;
}

/** "Body": whether the body is filled in field by field or written as JSON. */
export const bodyModeField: INodeProperties = {
	displayName: 'Body',
	name: 'bodyMode',
	type: 'options',
	description: 'Whether to fill in the request body field by field or write it as JSON',
	options: [
		{ name: 'Fields', value: 'fields', description: 'Fill in the fields below' },
		{ name: 'JSON', value: 'json', description: 'Write the whole request body as JSON' },
	],
	default: 'fields',
};

/** An operation's request body: its fields and the preSend that checks and sends it. */
export interface AfostoBody {
	fields: INodeProperties[];
	send: PreSendAction;
}

/**
 * The body of an operation, from the Afosto API reference's example (`template`, the default of
 * "Body (JSON)") and the documented types of its fields (`types`). With `bodyFields` (the
 * options of "Body Fields"), the user picks "Fields" or "JSON"; without, the body is JSON only.
 */
export function afostoBody(bodyType: AfostoBodyType, template: unknown, types: FieldSpecs, bodyFields?: INodeProperties[]): AfostoBody {
	const list = bodyType !== 'object';
	const json: INodeProperties = {
		displayName: 'Body (JSON)',
		name: 'bodyJson',
		type: 'json',
		default: JSON.stringify(template, null, 2),
		description: list ? 'The request body: a JSON array' : 'The whole request body as a JSON object',
	};
	const fields: INodeProperties[] = bodyFields
		? [
				bodyModeField,
				{
					displayName: 'Body Fields',
					name: 'bodyFields',
					type: 'collection',
					placeholder: 'Add Field',
					default: {},
					options: bodyFields,
					displayOptions: { show: { bodyMode: ['fields'] } },
				},
				{ ...json, displayOptions: { show: { bodyMode: ['json'] } } },
			]
		: [json];
	return { fields, send: sendJsonBody(bodyType, types, templatePlaceholders(template)) };
}
