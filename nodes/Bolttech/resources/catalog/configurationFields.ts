import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { httpUrl, optional, requiredText, sendChecked } from '../../../shared/valueChecks';

const showForCatalog = { show: { resource: ['catalog'] } };

/** Where a catalog action carries the URL bolttech posts its result to. */
const CALLBACK_URL_WIRE_NAME = 'callback_url';

/**
 * `configuration.product_code` and `configuration.callback_url`, carried by every catalog action
 * (the bolttech Catalog API (v4.1) and Verify IMEI (v4) types both as strings): the product code
 * is required text, the callback URL an http(s) URL or not sent.
 */
export const catalogConfigurationFields: INodeProperties[] = [
	{
		displayName: 'Product Code',
		name: 'productCode',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'RENTAL-ES-01',
		description: 'The ID of your rental program at bolttech',
		displayOptions: showForCatalog,
		routing: sendChecked('configuration.product_code', 'Product Code', requiredText),
	},
	{
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		default: '',
		placeholder: 'https://your-n8n.example.com/webhook/bolttech-catalog',
		description:
			'Where bolttech posts the result of the action when it finishes; use the URL of a bolttech Trigger node. Left empty, none is sent.',
		displayOptions: showForCatalog,
		routing: sendChecked(`configuration.${CALLBACK_URL_WIRE_NAME}`, 'Callback URL', optional(httpUrl)),
	},
];


/** A catalog action's configuration with `url` as its callback URL, where the Callback URL field puts it. */
export function withCallbackUrl(configuration: IDataObject | undefined, url: string): IDataObject {
	return { ...configuration, [CALLBACK_URL_WIRE_NAME]: url };
}
