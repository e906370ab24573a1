import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationField, partnerCredentials } from '../shared/transport/authentication';
import { JSON_API_REQUEST_DEFAULTS, declarativeOptionsField } from '../shared/transport/jsonApiRequestDefaults';
import { barringFields, barringOperations } from './resources/barring';
import { billingMovementFields, billingMovementOperations } from './resources/billingMovement';
import { promotionFields, promotionOperations } from './resources/promotion';
import { refundFields, refundOperations } from './resources/refund';
import { serviceFields, serviceOperations } from './resources/service';
import { correlationIdOption, everyMasStackRequest } from './transport/everyRequest';

/**
 * What every MasStack request does (checked dropdown values, correlation id, MasStack's answer
 * read: transport/everyRequest.ts), on each resource so on every operation;
 * transport/operationRequest.ts lists every hook of a request in the order n8n runs them.
 */
const masStackRequest = everyMasStackRequest(() => masStackProperties);

const masStackProperties: INodeProperties[] = [
	authenticationField,
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Barring', value: 'barring', routing: masStackRequest },
			{ name: 'Billing Movement', value: 'billingMovement', routing: masStackRequest },
			{ name: 'Promotion', value: 'promotion', routing: masStackRequest },
			{ name: 'Refund', value: 'refund', routing: masStackRequest },
			{ name: 'Service', value: 'service', routing: masStackRequest },
		],
		default: 'barring',
	},
	barringOperations,
	billingMovementOperations,
	promotionOperations,
	refundOperations,
	serviceOperations,
	...barringFields,
	...billingMovementFields,
	...promotionFields,
	...refundFields,
	...serviceFields,
	declarativeOptionsField('MasStack', [correlationIdOption]),
];

export class MasStack implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MasStack',
		name: 'masStack',
		icon: { light: 'file:../../icons/masstack.svg', dark: 'file:../../icons/masstack.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: "Manage barrings, billing, promotions and services through MásMóvil's MasStack partner API",
		defaults: { name: 'MasStack' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: partnerCredentials('masStack'),
		requestDefaults: JSON_API_REQUEST_DEFAULTS,
		properties: masStackProperties,
	};
}
