import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INode, INodeProperties } from 'n8n-workflow';

import { enumValue } from '../../../shared/valueChecks';

export type PayloadKeyStyle = 'snakeCase' | 'camelCase';

/**
 * The bolttech Catalog API (v4.1) and Verify IMEI (v4) prints each catalog request twice: the cURL examples use snake_case keys
 * (`asset_model_prices`, `partner_device_id`), the JSON examples camelCase. The cURL form is what
 * goes over the wire, so it is the default; camelCase stays one switch away for tenants that
 * answer to the JSON examples (remove_device and get_pricing only ever show camelCase).
 */
export const payloadKeyStyleField: INodeProperties = {
	displayName: 'Payload Keys',
	name: 'payloadKeyStyle',
	type: 'options',
	options: [
		{
			name: 'Snake Case (as in the cURL Examples)',
			value: 'snakeCase',
			description: 'For example asset_model_prices, partner_device_id, price_net',
		},
		{
			name: 'Camel Case (as in the JSON Examples)',
			value: 'camelCase',
			description: 'For example assetModelPrices, partnerDeviceId, priceNet',
		},
	],
	default: 'snakeCase',
	description: 'How the keys inside "payload" are spelled on the wire',
	displayOptions: { show: { resource: ['catalog'] } },
	// The last catalog field: n8n runs preSends in field order, so the payload is respelled after
	// every field has put its checked value in.
	routing: { send: { preSend: [applyPayloadKeyStyle] } },
};

const keyStyleValue = enumValue(['snakeCase', 'camelCase']);

/** The chosen key style; a value an expression made up is refused rather than read as snake_case. */
export function payloadKeyStyleOf(value: unknown, node: INode, itemIndex: number): PayloadKeyStyle {
	return keyStyleValue(value, 'Payload Keys', node, itemIndex, '') as PayloadKeyStyle;
}

function snakeToCamel(key: string): string {
	return key.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/** Renames every key of `value`, at any depth, from snake_case to camelCase. */
export function withCamelCaseKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withCamelCaseKeys);
	if (typeof value !== 'object' || value === null) return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, entry]) => [snakeToCamel(key), withCamelCaseKeys(entry)]),
	);
}

export function payloadInKeyStyle(payload: IDataObject, style: PayloadKeyStyle): IDataObject {
	return style === 'camelCase' ? (withCamelCaseKeys(payload) as IDataObject) : payload;
}

/** preSend: respells `body.payload` (built in snake_case by the routing) in the chosen style. */
async function applyPayloadKeyStyle(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = requestOptions.body as IDataObject;
	const style = payloadKeyStyleOf(this.getNodeParameter('payloadKeyStyle', 'snakeCase'), this.getNode(), this.getItemIndex());
	body.payload = payloadInKeyStyle((body.payload as IDataObject) ?? {}, style);
	return requestOptions;
}
