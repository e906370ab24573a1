import type { INodeProperties } from 'n8n-workflow';

import { payloadKeyStyleField } from './payloadKeys';
import { catalogConfigurationFields } from './configurationFields';
import { getRentalPricingFields } from './getRentalPricing';
import { getStockFields } from './getStock';
import { removeDeviceFields } from './removeDevice';
import { updatePricesFields } from './updatePrices';

/** The bolttech Catalog API (v4.1) and Verify IMEI (v4): one endpoint, the action chosen by configuration.action_id. */
const catalogAction = (actionId: string) => ({
	request: {
		method: 'POST' as const,
		url: '/v4.1/catalog/action',
		body: { configuration: { action_id: actionId }, payload: {} },
	},
});

export const catalogOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['catalog'] } },
	default: 'updatePrices',
	options: [
		{
			name: 'Get Rental Pricing',
			value: 'getRentalPricing',
			action: 'Get rental pricing',
			description: 'Get the rental price lines of the program, optionally filtered',
			routing: catalogAction('get_pricing'),
		},
		{
			name: 'Get Stock',
			value: 'getStock',
			action: 'Get stock availability',
			description: 'Get the stock of devices in the rental program',
			routing: catalogAction('get_stock'),
		},
		{
			name: 'Remove Device',
			value: 'removeDevice',
			action: 'Remove a device from the catalog',
			description: 'Remove one device from the rental catalog',
			routing: catalogAction('remove_device'),
		},
		{
			name: 'Update Prices',
			value: 'updatePrices',
			action: 'Update device prices',
			description: 'Send net prices for many SKUs as price lists, in batches',
			// Runs as a custom operation (see Bolttech.node.ts): it batches all items into few requests.
		},
	],
};

export const catalogFields: INodeProperties[] = [
	...catalogConfigurationFields,
	...updatePricesFields,
	...removeDeviceFields,
	...getStockFields,
	...getRentalPricingFields,
	payloadKeyStyleField,
];
