import type { INodeProperties } from 'n8n-workflow';

import { checkBillingBody } from '../../checks/billingBody';
import { operationField, serviceIdField, serviceTypeField } from '../../transport/operationRequest';
import type { MasStackOperation, MasStackRequest } from '../../transport/operationRequest';
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

export const billingMovementOperationList: MasStackOperation[] = [
	{
		name: 'Create',
		value: 'create',
		action: 'Create billing movement for service',
		description: 'Charge or discount a subscribed service',
		request: createRequest,
	},
	{
		name: 'Create for Non-Subscribable Service',
		value: 'createNonSubscribable',
		action: 'Create billing movement for non-subscribable service',
		request: createNonSubscribableRequest,
	},
	{
		name: 'Delete',
		value: 'delete',
		action: 'Delete billing movement of service (destructive)',
		request: deleteRequest,
	},
	{
		name: 'Delete for Non-Subscribable Service',
		value: 'deleteNonSubscribable',
		action: 'Delete billing movement of non-subscribable service (destructive)',
		request: deleteNonSubscribableRequest,
	},
	{
		name: 'Update for Non-Subscribable Service',
		value: 'updateNonSubscribable',
		action: 'Update billing movement of non-subscribable service',
		description: 'Replace a movement: the whole movement is sent again',
		request: updateNonSubscribableRequest,
	},
];

export const billingMovementOperations = operationField('billingMovement', 'create', billingMovementOperationList);

const showForMovements = { resource: ['billingMovement'] };

export const billingMovementFields: INodeProperties[] = [
	serviceTypeField(showForMovements),
	serviceIdField(showForMovements),
	...movementFields,
];
