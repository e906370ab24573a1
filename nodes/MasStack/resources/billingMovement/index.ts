import type { INodeProperties } from 'n8n-workflow';

import { checkBillingBody } from '../../checks/billingBody';
import { masStackRouting, serviceIdField, servicePath, serviceTypeField } from '../../transport/operationRequest';
import { movementFields } from './movementFields';

const movementsPath = servicePath('/billing/movements');
const nonSubscribablePath = servicePath('/billing/movements-non-subscribable-services');

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
			routing: masStackRouting('POST', movementsPath, checkBillingBody),
		},
		{
			name: 'Create for Non-Subscribable Service',
			value: 'createNonSubscribable',
			action: 'Create a billing movement for a non subscribable service',
			routing: masStackRouting('POST', nonSubscribablePath, checkBillingBody),
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a billing movement of a service',
			routing: masStackRouting('DELETE', `${movementsPath}/{movement_id}`),
		},
		{
			name: 'Delete for Non-Subscribable Service',
			value: 'deleteNonSubscribable',
			action: 'Delete a billing movement of a non subscribable service',
			routing: masStackRouting('DELETE', `${nonSubscribablePath}/{movement_id}`),
		},
		{
			name: 'Update for Non-Subscribable Service',
			value: 'updateNonSubscribable',
			action: 'Update a billing movement of a non subscribable service',
			description: 'Replace a movement: the whole movement is sent again',
			routing: masStackRouting('PUT', `${nonSubscribablePath}/{movement_id}`, checkBillingBody),
		},
	],
};

const showForMovements = { resource: ['billingMovement'] };

export const billingMovementFields: INodeProperties[] = [
	serviceTypeField(showForMovements),
	serviceIdField(showForMovements),
	...movementFields,
];
