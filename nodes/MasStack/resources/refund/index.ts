import type { INodeProperties } from 'n8n-workflow';

import { checkBillingBody } from '../../checks/billingBody';
import { masStackRouting, serviceIdField, servicePath, serviceTypeField } from '../../transport/operationRequest';
import { refundBodyFields } from './refundFields';

export const refundOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['refund'] } },
	default: 'create',
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a refund for a service',
			description: 'Refund (part of) a billing movement of a subscribed service',
			routing: masStackRouting('POST', servicePath('/billing/refunds'), checkBillingBody),
		},
		{
			name: 'Create for Non-Subscribable Service',
			value: 'createNonSubscribable',
			action: 'Create a refund for a non subscribable service',
			routing: masStackRouting('POST', servicePath('/billing/refund-non-subscribable-services'), checkBillingBody),
		},
	],
};

const showForRefunds = { resource: ['refund'] };

export const refundFields: INodeProperties[] = [
	serviceTypeField(showForRefunds),
	serviceIdField(showForRefunds),
	...refundBodyFields,
];
