import type { INodeProperties } from 'n8n-workflow';

import { payloadKeyStyleField } from '../../shared/payloadKeys';

const showForCatalog = { show: { resource: ['catalog'] } };

/** `configuration.product_code` and `configuration.callback_url`, carried by every catalog action. */
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
		routing: { send: { type: 'body', property: 'configuration.product_code' } },
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
		routing: {
			send: { type: 'body', property: 'configuration.callback_url', value: '={{ $value || undefined }}' },
		},
	},
	payloadKeyStyleField,
];
