import type { INodeProperties } from 'n8n-workflow';

import { checkBillingBody } from '../../checks/billingBody';
import { masStackRouting, serviceIdField, serviceTypeField } from '../../transport/operationRequest';
import type { MasStackRequest } from '../../transport/operationRequest';
import { movementFields } from './movementFields';

/** The requests of the billing movement operations (the MasStack partner API v2); their fields, in movementFields, are shared. */
const createRequest: MasStackRequest = {
	method: 'POST',
	path: '/v2/{service_type}/{service_id}/billing/movements',
	checks: [checkBillingBody],
};
const createNonSubscribableRequest: MasStackRequest = {
	method: 'POST',
	path: '/v2/{service_type}/{service_id}/billing/movements-non-subscribable-services',
	checks: [checkBillingBody],
};
const deleteRequest: MasStackRequest = {
	method: 'DELETE',
	path: '/v2/{service_type}/{service_id}/billing/movements/{movement_id}',
};
const deleteNonSubscribableRequest: MasStackRequest = {
	method: 'DELETE',
	path: '/v2/{service_type}/{service_id}/billing/movements-non-subscribable-services/{movement_id}',
};
const updateNonSubscribableRequest: MasStackRequest = {
	method: 'PUT',
	path: '/v2/{service_type}/{service_id}/billing/movements-non-subscribable-services/{movement_id}',
	checks: [checkBillingBody],
};

export const billingMovementOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['billingMovement'] } },
	default: 'create',
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a billing movement for a service',
			description: 'Charge or discount a subscribed service',
			routing: masStackRouting(createRequest),
		},
		{
			name: 'Create for Non-Subscribable Service',
			value: 'createNonSubscribable',
			action: 'Create a billing movement for a non subscribable service',
			routing: masStackRouting(createNonSubscribableRequest),
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a billing movement of a service',
			routing: masStackRouting(deleteRequest),
		},
		{
			name: 'Delete for Non-Subscribable Service',
			value: 'deleteNonSubscribable',
			action: 'Delete a billing movement of a non subscribable service',
			routing: masStackRouting(deleteNonSubscribableRequest),
		},
		{
			name: 'Update for Non-Subscribable Service',
			value: 'updateNonSubscribable',
			action: 'Update a billing movement of a non subscribable service',
			description: 'Replace a movement: the whole movement is sent again',
			routing: masStackRouting(updateNonSubscribableRequest),
		},
	],
};

const showForMovements = { resource: ['billingMovement'] };

export const billingMovementFields: INodeProperties[] = [
	serviceTypeField(showForMovements),
	serviceIdField(showForMovements),
	...movementFields,
];
