import type { INodeProperties } from 'n8n-workflow';

import { checkBillingBody } from '../../checks/billingBody';
import { operationField, serviceIdField, serviceTypeField } from '../../transport/operationRequest';
import type { MasStackOperation, MasStackRequest } from '../../transport/operationRequest';
import { refundBodyFields } from './refundFields';

/** The requests of the refund operations (the MasStack partner API v2); their fields, in refundFields, are shared. */
const createRequest: MasStackRequest = {
	method: 'POST',
	path: '/v2/{service_type}/{service_id}/billing/refunds',
	checks: [checkBillingBody],
};
const createNonSubscribableRequest: MasStackRequest = {
	method: 'POST',
	path: '/v2/{service_type}/{service_id}/billing/refund-non-subscribable-services',
	checks: [checkBillingBody],
};

export const refundOperationList: MasStackOperation[] = [
	{
		name: 'Create',
		value: 'create',
		action: 'Create refund for service (moves money)',
		description: 'Refund (part of) a billing movement of a subscribed service',
		request: createRequest,
	},
	{
		name: 'Create for Non-Subscribable Service',
		value: 'createNonSubscribable',
		action: 'Create refund for non-subscribable service (moves money)',
		request: createNonSubscribableRequest,
	},
];

export const refundOperations = operationField('refund', 'create', refundOperationList);

const showForRefunds = { resource: ['refund'] };

export const refundFields: INodeProperties[] = [
	serviceTypeField(showForRefunds),
	serviceIdField(showForRefunds),
	...refundBodyFields,
];
