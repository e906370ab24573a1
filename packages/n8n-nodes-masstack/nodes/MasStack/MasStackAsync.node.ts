import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { readMasStackCallback } from './callbacks/callbackResult';
import { withoutCallbackUrlFields } from './callbacks/callbackUrls';
import { updateBarringRequest } from './resources/barring/updateBarring';
import { createServiceRequest } from './resources/service/createService';
import { updateDeviceRequest } from './resources/service/updateDevice';
import { MASSTACK_ERROR_HINTS, correlationIdFor, correlationIdOption } from './transport/everyRequest';
import { asyncRequestOf, serviceIdField, serviceTypeField } from './transport/operationRequest';
import type { CallbackOperationRequest } from './transport/operationRequest';
import { authenticationField, partnerCredentials, chosenCredentialType } from '../shared/transport/authentication';
import { refuseCallback } from '../shared/callbacks/callbackAnswers';
import { allowedOptionValues, checkOptionValues } from '../shared/validation/optionValues';
import { sendPartnerRequest } from '../shared/transport/partnerRequest';
import { optionsField } from '../shared/transport/requestTimeout';
import {
	WAITING_NODE_CONNECTIONS,
	callbackTimeoutField,
	onOutputOf,
	callbackItem,
	callbackOutcomeOf,
	callbackUrlsOfNewWait,
	otherRequestReason,
	refuseSeveralItems,
	resumeOnce,
	sendThenWaitForCallback,
	waitingIdentityOf,
} from '../shared/callbacks/waitForCallback';

/**
 * The three operations of the MasStack partner API v2 that answer 202 and post their result to
 * callback URLs, keyed `resource.operation`: the MasStack node's own request descriptions, so this
 * node sends (and refuses) what the MasStack node does, with this execution's callback URLs.
 */
const ASYNC_OPERATIONS: Record<string, CallbackOperationRequest> = {
	'barring.update': updateBarringRequest,
	'service.create': createServiceRequest,
	'service.updateDevice': updateDeviceRequest,
};

/** The operations' own fields as the MasStack node shows them, without the callback URLs this node fills in. */
const asyncOperationFields: INodeProperties[] = [
	serviceTypeField({ resource: ['barring', 'service'] }),
	serviceIdField({ resource: ['barring'] }),
	serviceIdField({ resource: ['service'], operation: ['updateDevice'] }),
	...Object.values(ASYNC_OPERATIONS).flatMap((operation) => withoutCallbackUrlFields(operation.fields ?? [])),
];

const properties: INodeProperties[] = [
	{
		displayName:
			'Sends the operation with this execution as its callback URLs, then waits here for MasStack\'s result: Success, Error, or Timed Out. One item per run; for many, loop over them.',
		name: 'waitNotice',
		type: 'notice',
		default: '',
	},
	authenticationField,
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Barring', value: 'barring' },
			{ name: 'Service', value: 'service' },
		],
		default: 'barring',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['barring'] } },
		options: [{ name: 'Update', value: 'update', action: 'Update a barring and wait for the result' }],
		default: 'update',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['service'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a service and wait for the result' },
			{ name: 'Update Device', value: 'updateDevice', action: 'Update the device of a service and wait for the result' },
		],
		default: 'create',
	},
	...asyncOperationFields,
	callbackTimeoutField,
	optionsField([correlationIdOption]),
];

const allowedValues = allowedOptionValues(properties);

function asyncOperationOf(context: IExecuteFunctions | IWebhookFunctions) {
	const key = `${context.getNodeParameter('resource', 0) as string}.${context.getNodeParameter('operation', 0) as string}`;
	return ASYNC_OPERATIONS[key];
}

export class MasStackAsync implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MasStack Async',
		name: 'masStackAsync',
		icon: { light: 'file:../../icons/masstack.svg', dark: 'file:../../icons/masstack.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] + " (wait for callback)" }}',
		description: 'Update a barring, create a service or update a device at MasStack and wait in this execution for the result',
		defaults: { name: 'MasStack Async' },
		usableAsTool: true,
		...WAITING_NODE_CONNECTIONS,
		credentials: partnerCredentials('masStack'),
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		refuseSeveralItems(this, items);
		const node = this.getNode();
		const readParameter = (name: string) => this.getNodeParameter(name, 0, null) as unknown;
		checkOptionValues(allowedValues, readParameter, node, 0);
		const operation = asyncOperationOf(this);
		const run = { executionId: this.getExecutionId(), nodeId: node.id, runIndex: this.getWorkflowDataProxy(0).$runIndex, itemIndex: 0 };
		const correlationId = correlationIdFor(node, run, this.getNodeParameter('options.correlationId', 0, ''));
		const { method, path, body, serviceId } = asyncRequestOf(this, operation, callbackUrlsOfNewWait(this));

		return await sendThenWaitForCallback(this, {
			partner: 'MasStack',
			send: async () =>
				await sendPartnerRequest(this, {
					partner: 'MasStack',
					credentialType: chosenCredentialType(this, 'masStack'),
					method,
					path,
					body,
					headers: { 'Request-Correlation-Id': correlationId },
					hintsByCode: MASSTACK_ERROR_HINTS,
				}),
			identity: { operation: operation.callbackOperation, service_id: serviceId ?? null, requestCorrelationId: correlationId },
		});
	}

	/**
	 * MasStack's callback for the request this wait sent resumes the execution. One for another
	 * request (another wait's URL, or another service or Request-Correlation-Id, which the MasStack
	 * partner API v3 has MasStack echo) gets 409, a malformed one 400; both leave it waiting.
	 */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const outcome = callbackOutcomeOf(this);
		if (!outcome) return refuseCallback(this, 404, 'Unknown callback URL');
		const callback = readMasStackCallback(this, asyncOperationOf(this).callbackOperation, outcome);
		if ('problem' in callback) return refuseCallback(this, 400, callback.problem);
		const identity = waitingIdentityOf(this);
		const otherRequest = otherRequestReason(this, [
			{ name: 'service_id', sent: identity.service_id, received: callback.result.service_id },
			{ name: 'Request-Correlation-Id', sent: identity.requestCorrelationId, received: callback.result.requestCorrelationId },
		]);
		if (otherRequest) return refuseCallback(this, 409, otherRequest);
		return resumeOnce(this, onOutputOf(outcome, [{ json: callbackItem(callback.result, identity, outcome) }]));
	}
}
