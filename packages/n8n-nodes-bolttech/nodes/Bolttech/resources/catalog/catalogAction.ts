import type { IDataObject, IDisplayOptions, IExecuteFunctions, IN8nHttpFullResponse, INode, INodeProperties } from 'n8n-workflow';

import { chosenCredentialType } from '../../../shared/transport/authentication';
import { sendPartnerRequest } from '../../../shared/transport/partnerRequest';
import { enumValue, httpUrl, optional, requiredText, sendChecked } from '../../../shared/validation/valueChecks';
import type { BolttechOperation } from '../action/actionRequest';

/**
 * What every catalog request shares. The bolttech Catalog API (v4.1) and Verify IMEI (v4): one
 * endpoint, the action chosen by configuration.action_id, the program's product code and an
 * optional callback URL beside it in "configuration", the action's data in "payload".
 */
const CATALOG_ACTION_ENDPOINT = { method: 'POST', path: '/v4.1/catalog/action' } as const;

/**
 * One catalog operation, described once: the option the operation lists show, the action id
 * bolttech runs, and the fields whose routing puts each value at its wire name and checks it
 * there (sendChecked). The Bolttech node sends it (asBolttechOperation), Update Prices from its
 * own code (catalogActionBody with checkedBodyOf over the same fields, sendCatalogAction), and the
 * Bolttech Trigger lists its action id.
 */
export interface CatalogOperation {
	option: { name: string; value: string; action: string; description: string };
	actionId: string;
	fields: INodeProperties[];
	/** The operation is code of its own (Update Prices, in batches), not one request. */
	sentFromCode?: true;
	/** bolttech posts this action's one result to its callback URL: the node can wait for it (Wait for Callback). */
	callsBack?: true;
	/** The items of bolttech's answer, when not the answer itself (BolttechOperation's itemsOf). */
	itemsOf?: BolttechOperation['itemsOf'];
}

/** A catalog operation as the Bolttech node sends it: the action id first in "configuration", the payload after. */
export function asBolttechOperation({ option, actionId, fields, itemsOf }: CatalogOperation): BolttechOperation {
	return {
		option,
		request: { ...CATALOG_ACTION_ENDPOINT, body: { configuration: { action_id: actionId }, payload: {} } },
		fields,
		itemsOf,
	};
}

/**
 * An answer that lists lines (Get Stock's `stock`, Get Rental Pricing's `rentalPricing`), output as
 * one item per line, the way n8n's nodes output lists, or as bolttech's whole answer in one item.
 * Not sent to bolttech: the field has no routing.
 */
export function answerLines(operation: string, list: string): Pick<CatalogOperation, 'fields' | 'itemsOf'> {
	const parameter = `${operation}Output`;
	return {
		fields: [
			{
				displayName: 'Output',
				name: parameter,
				type: 'options',
				options: [
					{ name: 'One Item per Line', value: 'lines', description: 'Each line of the answer (a device of the stock, a price line) is an item of its own' },
					{ name: "Bolttech's Whole Answer", value: 'answer', description: 'The answer as bolttech sends it, its list inside, in one item' },
				],
				default: 'lines',
				displayOptions: { show: { resource: ['catalog'], operation: [operation] } },
			},
		],
		itemsOf: (answer, item) => {
			const lines = answer[list];
			return item.parameter(parameter) === 'answer' || !Array.isArray(lines) ? undefined : (lines as IDataObject[]);
		},
	};
}

const showForCatalog = { show: { resource: ['catalog'] } };

/** Where a catalog action carries the URL bolttech posts its result to. */
const CALLBACK_URL_WIRE_NAME = 'callback_url';

const productCodeField: INodeProperties = {
	displayName: 'Product Code',
	name: 'productCode',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'RENTAL-ES-01',
	description: 'The ID of your rental program at bolttech',
	displayOptions: showForCatalog,
	routing: sendChecked('configuration.product_code', 'Product Code', requiredText),
};

/** The Callback URL field, shown for `show`. */
function callbackUrlField(show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		default: '',
		placeholder: 'https://your-n8n.example.com/webhook/bolttech-catalog',
		description:
			'Where bolttech posts the result of the action when it finishes; use the URL of a bolttech Trigger node. Left empty, none is sent.',
		displayOptions: { show },
		routing: sendChecked(`configuration.${CALLBACK_URL_WIRE_NAME}`, 'Callback URL', optional(httpUrl)),
	};
}

/**
 * `configuration.product_code` and `configuration.callback_url`, carried by every catalog action
 * (the bolttech Catalog API (v4.1) and Verify IMEI (v4) types both as strings): the product code
 * is required text, the callback URL an http(s) URL or not sent. The Callback URL hides while the
 * node waits for the callback itself (Wait for Callback), which sends this execution's URL.
 */
export function catalogConfigurationFieldsOf(operations: CatalogOperation[]): INodeProperties[] {
	const value = ({ option }: CatalogOperation) => option.value;
	return [
		productCodeField,
		callbackUrlField({ resource: ['catalog'], operation: operations.filter((operation) => !operation.callsBack).map(value) }),
		callbackUrlField({ resource: ['catalog'], operation: operations.filter((operation) => operation.callsBack).map(value), waitForCallback: [false] }),
	];
}

/** A catalog action's configuration with `url` as its callback URL, where the Callback URL field puts it. */
export function withCallbackUrl(configuration: IDataObject | undefined, url: string): IDataObject {
	return { ...configuration, [CALLBACK_URL_WIRE_NAME]: url };
}

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
	displayOptions: showForCatalog,
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

/**
 * The body of a catalog action sent from code, as the routing builds it: the operation's action
 * id first in "configuration", then the configuration the fields gave (`checked`, from
 * checkedBodyOf); the payload in the chosen key style.
 */
export function catalogActionBody(
	operation: CatalogOperation,
	checked: { configuration?: IDataObject; payload?: IDataObject },
	keyStyle: PayloadKeyStyle,
): IDataObject {
	return {
		configuration: { action_id: operation.actionId, ...checked.configuration },
		payload: payloadInKeyStyle(checked.payload ?? {}, keyStyle),
	};
}

/** Sends a catalog action body from code, signed by the credential the node's Authentication picks. */
export async function sendCatalogAction(
	context: IExecuteFunctions,
	body: IDataObject,
	statusesHandedBack?: number[],
): Promise<IN8nHttpFullResponse> {
	return await sendPartnerRequest(context, {
		partner: 'bolttech',
		credentialType: chosenCredentialType(context, 'bolttech'),
		method: CATALOG_ACTION_ENDPOINT.method,
		path: CATALOG_ACTION_ENDPOINT.path,
		body,
		...(statusesHandedBack ? { statusesHandedBack } : {}),
	});
}
