import type { INodeProperties } from 'n8n-workflow';

import { catalogConfigurationFieldsOf } from './catalogAction';
import type { CatalogOperation } from './catalogAction';
import { getRentalPricing } from './getRentalPricing';
import { getStock } from './getStock';
import { removeDevice } from './removeDevice';
import { updatePrices } from './updatePrices';

/**
 * The catalog operations, in the order the operation list shows them: the one list the Bolttech
 * node sends from, Wait for Callback is offered for (those that call back) and the Bolttech
 * Trigger's action list reads.
 */
export const CATALOG_OPERATIONS: CatalogOperation[] = [getRentalPricing, getStock, removeDevice, updatePrices];

export const catalogConfigurationFields = catalogConfigurationFieldsOf(CATALOG_OPERATIONS);

/** The catalog fields but Payload Keys, which the node lists after them (see Bolttech.node.ts). */
export const catalogFields: INodeProperties[] = [
	...catalogConfigurationFields,
	...updatePrices.fields,
	...removeDevice.fields,
	...getStock.fields,
	...getRentalPricing.fields,
];
