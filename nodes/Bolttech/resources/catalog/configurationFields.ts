import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { httpUrl, optional, requiredText, sendChecked } from '../../../shared/valueChecks';

const showForCatalog = { show: { resource: ['catalog'] } };

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
		routing: sendChecked('configuration.callback_url', 'Callback URL', optional(httpUrl)),
	},
];

/**
 * The checked `configuration` of a catalog action sent from code (Update Prices): the same checks
 * as the fields' own, so a missing product code is refused, never sent as the text "null".
 */
export function catalogConfigurationOf(context: IExecuteFunctions, actionId: string, itemIndex = 0): IDataObject {
	const node = context.getNode();
	const productCode = requiredText(context.getNodeParameter('productCode', itemIndex, null), 'Product Code', node, itemIndex);
	const callbackUrl = optional(httpUrl)(context.getNodeParameter('callbackUrl', itemIndex, null), 'Callback URL', node, itemIndex, context.getTimezone());
	return { action_id: actionId, product_code: productCode, ...(callbackUrl ? { callback_url: callbackUrl } : {}) };
}
