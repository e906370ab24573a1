import type { BolttechOperation } from './action/actionRequest';
import { ACTION_OPERATIONS } from './action';
import { asBolttechOperation } from './catalog/catalogAction';
import { CATALOG_OPERATIONS } from './catalog';
import { DEVICE_OPERATIONS } from './device';

/**
 * bolttech's operations, the one list of them: each resource's operations with their requests.
 * The node's Resource and Operation lists, what execute() sends, and which operations offer Wait
 * for Callback are read from here; the catalog's come from CATALOG_OPERATIONS, which the Bolttech
 * Trigger's action list reads too.
 */
export const BOLTTECH_RESOURCES: Array<{ name: string; value: string; operations: BolttechOperation[]; defaultOperation: string }> = [
	{ name: 'Action', value: 'action', operations: ACTION_OPERATIONS, defaultOperation: 'verifyImeis' },
	{ name: 'Catalog', value: 'catalog', operations: CATALOG_OPERATIONS.map(asBolttechOperation), defaultOperation: 'updatePrices' },
	{ name: 'Device', value: 'device', operations: DEVICE_OPERATIONS, defaultOperation: 'verifyImei' },
];

/** The operation chosen by Resource and Operation, if the list has it. */
export function bolttechOperationOf(resource: unknown, operation: unknown): BolttechOperation | undefined {
	return BOLTTECH_RESOURCES.find(({ value }) => value === resource)?.operations.find(({ option }) => option.value === operation);
}

/** The catalog operations bolttech posts one result of to the callback URL: those Wait for Callback is offered for. */
export const CALLBACK_OPERATIONS_BY_RESOURCE = [
	{ resource: 'catalog', operations: CATALOG_OPERATIONS.filter(({ callsBack }) => callsBack).map(({ option }) => option.value) },
];
