import type { INodeProperties } from 'n8n-workflow';

import type { MasStackOperation } from '../transport/operationRequest';
import { barringFields, barringOperationList, barringOperations } from './barring';
import { billingMovementFields, billingMovementOperationList, billingMovementOperations } from './billingMovement';
import { promotionFields, promotionOperationList, promotionOperations } from './promotion';
import { refundFields, refundOperationList, refundOperations } from './refund';
import { serviceFields, serviceOperationList, serviceOperations } from './service';

/**
 * MasStack's operations, the one list of them: each resource's operations with their requests.
 * The node's Resource and Operation lists, what execute() sends, and which operations offer Wait
 * for Callback (those whose request has a callbackOperation) are all read from here.
 */
export const MASSTACK_RESOURCES: Array<{ name: string; value: string; operations: MasStackOperation[] }> = [
	{ name: 'Barring', value: 'barring', operations: barringOperationList },
	{ name: 'Billing Movement', value: 'billingMovement', operations: billingMovementOperationList },
	{ name: 'Promotion', value: 'promotion', operations: promotionOperationList },
	{ name: 'Refund', value: 'refund', operations: refundOperationList },
	{ name: 'Service', value: 'service', operations: serviceOperationList },
];

/** The operation chosen by Resource and Operation, if the list has it. */
export function masStackOperationOf(resource: unknown, operation: unknown): MasStackOperation | undefined {
	return MASSTACK_RESOURCES.find(({ value }) => value === resource)?.operations.find(({ value }) => value === operation);
}

/** The operations MasStack answers later at callback URLs, by resource: those Wait for Callback is offered for. */
export const CALLBACK_OPERATIONS_BY_RESOURCE = MASSTACK_RESOURCES.map(({ value, operations }) => ({
	resource: value,
	operations: operations.filter(({ request }) => request.callbackOperation).map((operation) => operation.value),
})).filter(({ operations }) => operations.length > 0);

export const resourceOperationFields: INodeProperties[] = [
	barringOperations,
	billingMovementOperations,
	promotionOperations,
	refundOperations,
	serviceOperations,
];

export const resourceFields: INodeProperties[] = [
	...barringFields,
	...billingMovementFields,
	...promotionFields,
	...refundFields,
	...serviceFields,
];
