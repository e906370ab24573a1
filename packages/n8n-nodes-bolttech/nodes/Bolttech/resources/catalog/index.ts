import type { INodeProperties } from 'n8n-workflow';

import { catalogConfigurationFields, catalogOperationOption } from './catalogAction';
import type { CatalogOperation } from './catalogAction';
import { getRentalPricing } from './getRentalPricing';
import { getStock } from './getStock';
import { removeDevice } from './removeDevice';
import { updatePrices } from './updatePrices';

/** The catalog operations, in the order the operation list shows them. */
export const CATALOG_OPERATIONS: CatalogOperation[] = [getRentalPricing, getStock, removeDevice, updatePrices];

export const catalogOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['catalog'] } },
	default: 'updatePrices',
	options: CATALOG_OPERATIONS.map(catalogOperationOption),
};

/**
 * The catalog fields but Payload Keys, which the node lists after them (see Bolttech.node.ts): it
 * respells the payload the fields before it filled.
 */
export const catalogFields: INodeProperties[] = [
	...catalogConfigurationFields,
	...updatePrices.fields,
	...removeDevice.fields,
	...getStock.fields,
	...getRentalPricing.fields,
];
