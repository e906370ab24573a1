import { NodeOperationError } from 'n8n-workflow';
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

import { actionIdOf, productCodeOf, reportsFailure } from './catalogCallback';
import {
	catalogActionBody,
	catalogConfigurationFields,
	payloadKeyStyleField,
	payloadKeyStyleOf,
	sendCatalogAction,
	withCallbackUrl,
} from './resources/catalog/catalogAction';
import type { CatalogOperation } from './resources/catalog/catalogAction';
import { getRentalPricing } from './resources/catalog/getRentalPricing';
import { getStock } from './resources/catalog/getStock';
import { removeDevice } from './resources/catalog/removeDevice';
import { authenticationField, partnerCredentials } from '../shared/transport/authentication';
import { jsonObjectBody } from '../shared/callbacks/callbackBody';
import { refuseCallback } from '../shared/callbacks/callbackAnswers';
import { optionsField } from '../shared/transport/requestTimeout';
import { checkedBodyOf } from '../shared/validation/valueChecks';
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

/** The catalog operations that take a callback URL, with what the action list says of each here. */
const WAITING_OPERATIONS: Array<{ operation: CatalogOperation; action: string }> = [
	{ operation: getRentalPricing, action: 'Get rental pricing and wait for the callback' },
	{ operation: getStock, action: 'Get stock and wait for the callback' },
	{ operation: removeDevice, action: 'Remove a device and wait for the callback' },
];

/** The Bolttech node's fields, but the callback URL is this execution's. */
const configurationFields = catalogConfigurationFields.filter((field) => field.name !== 'callbackUrl');

const properties: INodeProperties[] = [
	{
		displayName:
			"Sends the catalog action with this execution as its callback URL, then waits here for bolttech's result: Success, Error, or Timed Out. One item per run; for many, loop over them.",
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
		options: [{ name: 'Catalog', value: 'catalog' }],
		default: 'catalog',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: WAITING_OPERATIONS.map(({ operation, action }) => ({ name: operation.option.name, value: operation.option.value, action })),
		default: 'getStock',
	},
	...configurationFields,
	...removeDevice.fields,
	...getStock.fields,
	...getRentalPricing.fields,
	payloadKeyStyleField,
	callbackTimeoutField,
	optionsField(),
];

export class BolttechAsync implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bolttech Async',
		name: 'bolttechAsync',
		icon: { light: 'file:../../icons/bolttech.svg', dark: 'file:../../icons/bolttech.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": catalog (wait for callback)" }}',
		description: 'Run a bolttech catalog action and wait in this execution for its callback',
		defaults: { name: 'Bolttech Async' },
		usableAsTool: true,
		...WAITING_NODE_CONNECTIONS,
		credentials: partnerCredentials('bolttech'),
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		refuseSeveralItems(this, this.getInputData());
		const value = this.getNodeParameter('operation', 0) as string;
		const operation = WAITING_OPERATIONS.find((waiting) => waiting.operation.option.value === value)?.operation;
		if (!operation) throw new NodeOperationError(this.getNode(), `Unknown operation "${value}"`);
		// The operation's fields with their own checks, as the Bolttech node's routing sends them.
		const checked = checkedBodyOf(this, [...configurationFields, ...operation.fields], 0);
		const style = payloadKeyStyleOf(this.getNodeParameter('payloadKeyStyle', 0, 'snakeCase'), this.getNode(), 0);
		const configuration = withCallbackUrl(checked.configuration as IDataObject, callbackUrlsOfNewWait(this).success);
		const body = catalogActionBody(operation, { configuration, payload: checked.payload as IDataObject | undefined }, style);
		return await sendThenWaitForCallback(this, {
			partner: 'bolttech',
			send: async () => await sendCatalogAction(this, body),
			identity: { action_id: operation.actionId, product_code: configuration.product_code },
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
