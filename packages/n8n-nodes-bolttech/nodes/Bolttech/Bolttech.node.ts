import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { authenticationField, chosenCredentialType, partnerCredentials } from '../shared/transport/authentication';
import { operationSubtitle } from '../shared/description/operationSubtitle';
import { jsonObjectBody } from '../shared/callbacks/callbackBody';
import { refuseCallback } from '../shared/callbacks/callbackAnswers';
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
import { actionIdOf, productCodeOf, reportsFailure } from './catalogCallback';
import { bolttechRequestOf, requestItemOf } from './operationRequest';
import type { BolttechRequestToSend } from './operationRequest';
import { BOLTTECH_RESOURCES, CALLBACK_OPERATIONS_BY_RESOURCE, bolttechOperationOf } from './resources';
import type { BolttechOperation } from './resources/action/actionRequest';
import { actionFields } from './resources/action';
import { catalogFields } from './resources/catalog';
import { payloadKeyStyleField } from './resources/catalog/catalogAction';
import { updatePricesInBatches } from './resources/catalog/updatePricesInBatches';
import { deviceFields } from './resources/device';

const bolttechProperties: INodeProperties[] = [
	authenticationField,
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: BOLTTECH_RESOURCES.map(({ name, value }) => ({ name, value })),
		default: 'action',
	},
	...BOLTTECH_RESOURCES.map(({ value, operations, defaultOperation }): INodeProperties => ({
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [value] } },
		default: defaultOperation,
		options: operations.map(({ option }) => ({ ...option })),
	})),
	...actionFields,
	...catalogFields,
	payloadKeyStyleField,
	...deviceFields,
	...waitForCallbackFields('bolttech', CALLBACK_OPERATIONS_BY_RESOURCE),
	optionsField(),
];

/** The operation the node runs, from the one list of bolttech's operations. */
function chosenOperation(context: IExecuteFunctions): BolttechOperation {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const chosen = bolttechOperationOf(resource, operation);
	if (!chosen) throw new NodeOperationError(context.getNode(), `bolttech has no operation "${operation}" for "${resource}"`);
	return chosen;
}

async function sendToBolttech(context: IExecuteFunctions, { method, path, body }: BolttechRequestToSend, itemIndex: number) {
	return await sendPartnerRequest(context, {
		partner: 'bolttech',
		credentialType: chosenCredentialType(context, 'bolttech'),
		method,
		path,
		body,
		headers: { 'Content-Type': 'application/json' },
		itemIndex,
	});
}

export class Bolttech implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bolttech',
		name: 'bolttech',
		icon: { light: 'file:../../icons/bolttech.svg', dark: 'file:../../icons/bolttech.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(BOLTTECH_RESOURCES.map(({ name, value, operations }) => ({ name, value, operations: operations.map(({ option }) => option) }))),
		description: 'Verify IMEIs and documents, and keep the bolttech rental catalog in sync',
		defaults: { name: 'Bolttech' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: OUTPUTS_OF_WAITING_OPTION,
		webhooks: CALLBACK_RESUME_WEBHOOKS,
		credentials: partnerCredentials('bolttech'),
		properties: bolttechProperties,
	};

	/**
	 * Programmatic, though each operation is described as data: waiting for a callback needs a
	 * `webhook` method, and n8n-core 2.40.7 gives a declarative node type that has one no input
	 * items for its routed operations' expressions (shared/test/declarativeNodeWithWebhook.test.ts).
	 * So execute() reads each operation's one description (bolttechRequestOf) and sends it; Update
	 * Prices sends its batches from its own code.
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = chosenOperation(this);
		if (this.getNodeParameter('resource', 0) === 'catalog' && operation.option.value === 'updatePrices') {
			return await updatePricesInBatches.call(this);
		}
		if (!waitsForCallback(this)) {
			return await answerEveryItem(this, async (itemIndex) => {
				const answer = (await sendToBolttech(this, bolttechRequestOf(this, operation, bolttechProperties, itemIndex), itemIndex)).body as IDataObject;
				return operation.itemsOf?.(answer, requestItemOf(this, itemIndex)) ?? [answer];
			});
		}
		refuseSeveralItems(this, this.getInputData());
		const request = bolttechRequestOf(this, operation, bolttechProperties, 0, callbackUrlsOfNewWait(this).success);
		const configuration = request.body.configuration as IDataObject;
		return await sendThenWaitForCallback(this, {
			partner: 'bolttech',
			send: async () => await sendToBolttech(this, request, 0),
			identity: { action_id: configuration.action_id, product_code: configuration.product_code },
		});
	}

	/**
	 * bolttech's callback for the action this wait sent resumes the execution. One for another
	 * action (another wait's URL, or another action_id or product_code than the action's
	 * configuration had) gets 409, a body that is not a JSON object 400; both leave it waiting.
	 */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const path = callbackOutcomeOf(this);
		if (!path) return refuseCallback(this, 404, 'Unknown callback URL');
		const body = jsonObjectBody(this);
		if (!body) return refuseCallback(this, 400, 'The callback body must be a JSON object');
		const identity = waitingIdentityOf(this);
		const otherRequest = otherRequestReason(this, [
			{ name: 'action_id', sent: identity.action_id, received: actionIdOf(body) },
			{ name: 'product_code', sent: identity.product_code, received: productCodeOf(body) },
		]);
		if (otherRequest) return refuseCallback(this, 409, otherRequest);
		const outcome = path === 'error' || reportsFailure(body) ? 'error' : 'success';
		return resumeOnce(this, onOutputOf(outcome, [{ json: { ...callbackItem(body, identity, outcome), receivedAt: new Date().toISOString() } }]));
	}
}
