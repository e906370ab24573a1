import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { authenticationField, chosenCredentialType, partnerCredentials } from '../shared/transport/authentication';
import { refuseCallback } from '../shared/callbacks/callbackAnswers';
import { operationSubtitle } from '../shared/description/operationSubtitle';
import { allowedOptionValues } from '../shared/validation/optionValues';
import { answerEveryItem } from '../shared/transport/everyItem';
import { sendPartnerRequest } from '../shared/transport/partnerRequest';
import { optionsField } from '../shared/transport/requestTimeout';
import {
	CALLBACK_RESUME_WEBHOOKS,
	OUTPUTS_OF_WAITING_OPTION,
	callbackItem,
	callbackOutcomeOf,
	callbackUrlsOfNewWait,
	onOutputOf,
	otherRequestReason,
	refuseSeveralItems,
	resumeOnce,
	sendThenWaitForCallback,
	waitForCallbackFields,
	waitingIdentityOf,
	waitsForCallback,
} from '../shared/callbacks/waitForCallback';
import { readMasStackCallback } from './callbacks/callbackResult';
import {
	CALLBACK_OPERATIONS_BY_RESOURCE,
	MASSTACK_RESOURCES,
	masStackOperationOf,
	resourceFields,
	resourceOperationFields,
} from './resources';
import { MASSTACK_ERROR_HINTS, correlationIdOption, masStackItemOf } from './transport/everyRequest';
import { masStackRequestOf } from './transport/operationRequest';
import type { MasStackRequest, MasStackRequestToSend } from './transport/operationRequest';

const masStackProperties: INodeProperties[] = [
	authenticationField,
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: MASSTACK_RESOURCES.map(({ name, value }) => ({ name, value })),
		default: 'barring',
	},
	...resourceOperationFields,
	...resourceFields,
	...waitForCallbackFields('MasStack', CALLBACK_OPERATIONS_BY_RESOURCE),
	optionsField([correlationIdOption]),
];

const allowedValues = allowedOptionValues(masStackProperties);

/** The operation the node runs, from the one list of MasStack's operations. */
function chosenRequest(context: IExecuteFunctions | IWebhookFunctions): MasStackRequest {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const chosen = masStackOperationOf(resource, operation);
	if (!chosen) throw new NodeOperationError(context.getNode(), `MasStack has no operation "${operation}" for "${resource}"`);
	return chosen.request;
}

async function sendToMasStack(context: IExecuteFunctions, request: MasStackRequestToSend, itemIndex: number) {
	return await sendPartnerRequest(context, {
		partner: 'MasStack',
		credentialType: chosenCredentialType(context, 'masStack'),
		method: request.method,
		path: request.path,
		...(request.body ? { body: request.body } : {}),
		// JSON's Content-Type only with a body, as before: strict gateways refuse it on a bodiless DELETE.
		headers: { 'Request-Correlation-Id': request.correlationId, ...(request.body ? { 'Content-Type': 'application/json' } : {}) },
		hintsByCode: MASSTACK_ERROR_HINTS,
		itemIndex,
	});
}

export class MasStack implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MasStack',
		name: 'masStack',
		icon: { light: 'file:../../icons/masstack.svg', dark: 'file:../../icons/masstack.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(MASSTACK_RESOURCES),
		description: "Manage barrings, billing, promotions and services through MásMóvil's MasStack partner API",
		defaults: { name: 'MasStack' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: OUTPUTS_OF_WAITING_OPTION,
		webhooks: CALLBACK_RESUME_WEBHOOKS,
		credentials: partnerCredentials('masStack'),
		properties: masStackProperties,
	};

	/**
	 * Programmatic, though each operation is described as data: waiting for a callback needs a
	 * `webhook` method, and n8n-core 2.40.7 gives a declarative node type that has one no input
	 * items for its routed operations' expressions (shared/test/declarativeNodeWithWebhook.test.ts).
	 * So execute() reads each operation's one description (masStackRequestOf) and sends it.
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const request = chosenRequest(this);
		if (!request.callbackOperation || !waitsForCallback(this)) {
			return await answerEveryItem(this, async (itemIndex) => {
				const toSend = masStackRequestOf(this, request, itemIndex, { allowedValues, properties: masStackProperties });
				return [masStackItemOf(await sendToMasStack(this, toSend, itemIndex), toSend.correlationId)];
			});
		}
		refuseSeveralItems(this, this.getInputData());
		const toSend = masStackRequestOf(this, request, 0, { allowedValues, properties: masStackProperties, callbackUrls: callbackUrlsOfNewWait(this) });
		return await sendThenWaitForCallback(this, {
			partner: 'MasStack',
			send: async () => await sendToMasStack(this, toSend, 0),
			identity: { operation: request.callbackOperation, service_id: toSend.serviceId ?? null, requestCorrelationId: toSend.correlationId },
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
		const callback = readMasStackCallback(this, String(chosenRequest(this).callbackOperation), outcome);
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
