import type { INodeProperties } from 'n8n-workflow';

import { checkBillingBody } from '../../shared/checkBillingBody';
import { pathSegment, serviceIdField, servicePath, serviceTypeField } from '../../shared/servicePath';
import { movementFields } from './movementFields';

const checkBody = { send: { preSend: [checkBillingBody] } };
const movementPath = `/billing/movements/${pathSegment('movementId')}`;
const nonSubscribablePath = '/billing/movements-non-subscribable-services';

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
			routing: { request: { method: 'POST', url: servicePath('/billing/movements') }, ...checkBody },
		},
		{
			name: 'Create for Non-Subscribable Service',
			value: 'createNonSubscribable',
			action: 'Create a billing movement for a non subscribable service',
			routing: { request: { method: 'POST', url: servicePath(nonSubscribablePath) }, ...checkBody },
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a billing movement of a service',
			routing: { request: { method: 'DELETE', url: servicePath(movementPath) } },
		},
		{
			name: 'Delete for Non-Subscribable Service',
			value: 'deleteNonSubscribable',
			action: 'Delete a billing movement of a non subscribable service',
			routing: {
				request: { method: 'DELETE', url: servicePath(`${nonSubscribablePath}/${pathSegment('movementId')}`) },
			},
		},
		{
			name: 'Update for Non-Subscribable Service',
			value: 'updateNonSubscribable',
			action: 'Update a billing movement of a non subscribable service',
			description: 'Replace a movement: the whole movement is sent again',
			routing: {
				request: { method: 'PUT', url: servicePath(`${nonSubscribablePath}/${pathSegment('movementId')}`) },
				...checkBody,
			},
		},
	],
};

const showForMovements = { resource: ['billingMovement'] };

export const billingMovementFields: INodeProperties[] = [
	serviceTypeField(showForMovements),
	serviceIdField(showForMovements),
	...movementFields,
];
