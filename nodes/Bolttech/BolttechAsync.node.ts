import { NodeConnectionTypes } from 'n8n-workflow';
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

import { catalogConfigurationFields } from './resources/catalog/configurationFields';
import { getRentalPricingFields } from './resources/catalog/getRentalPricing';
import { getStockFields } from './resources/catalog/getStock';
import { removeDeviceFields } from './resources/catalog/removeDevice';
import { payloadInKeyStyle, payloadKeyStyleField, payloadKeyStyleOf } from './resources/catalog/payloadKeys';
import { authenticationField, partnerCredentialType } from '../shared/authentication';
import type { PartnerAuthentication } from '../shared/authentication';
import { jsonObjectBody, refuseCallback } from '../shared/callbackSecurity';
import { sendPartnerRequest } from '../shared/partnerRequest';
import { optionsField } from '../shared/requestTimeout';
import { checkedBodyOf } from '../shared/valueChecks';
import {
	CALLBACK_RESUME_WEBHOOKS,
	WAITING_OUTPUT_NAMES,
	callbackTimeoutField,
	onOutputOf,
	outcomeOfPath,
	refuseSeveralItems,
	resumeOnce,
	resumeUrlFor,
	sendThenWaitForCallback,
} from '../shared/waitForCallback';

/** The bolttech Catalog API (v4.1) and Verify IMEI (v4)'s action ids of the catalog actions that take a callback URL, by operation. */
const ACTION_IDS: Record<string, string> = {
	getRentalPricing: 'get_pricing',
	getStock: 'get_stock',
	removeDevice: 'remove_device',
};

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
		options: [
			{ name: 'Get Rental Pricing', value: 'getRentalPricing', action: 'Get rental pricing and wait for the callback' },
			{ name: 'Get Stock', value: 'getStock', action: 'Get stock and wait for the callback' },
			{ name: 'Remove Device', value: 'removeDevice', action: 'Remove a device and wait for the callback' },
		],
		default: 'getStock',
	},
	// The bolttech node's fields, but the callback URL is this execution's.
	...catalogConfigurationFields.filter((field) => field.name !== 'callbackUrl'),
	...removeDeviceFields,
	...getStockFields,
	...getRentalPricingFields,
	payloadKeyStyleField,
	callbackTimeoutField,
	optionsField(),
];

/** bolttech documents no callback body; a status that says it failed counts as an error. */
function reportsFailure(body: IDataObject): boolean {
	const status = body.status ?? (body.result as IDataObject | undefined)?.status;
	return typeof status === 'string' && /fail|error|reject/i.test(status);
}

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
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: WAITING_OUTPUT_NAMES,
		credentials: [
			{ name: 'bolttechApi', required: true, displayOptions: { show: { authentication: ['accessToken'] } } },
			{ name: 'bolttechOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
		],
		webhooks: CALLBACK_RESUME_WEBHOOKS,
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		refuseSeveralItems(this, this.getInputData());
		const operation = this.getNodeParameter('operation', 0) as string;
		const actionId = ACTION_IDS[operation];
		// The Bolttech node's fields with their own checks: required values present, types as documented.
		const routed = checkedBodyOf(this, properties, 0);
		const productCode = (routed.configuration as IDataObject).product_code as string;
		const payload = (routed.payload ?? {}) as IDataObject;
		const style = payloadKeyStyleOf(this.getNodeParameter('payloadKeyStyle', 0, 'snakeCase'), this.getNode(), 0);
		const body = {
			configuration: { action_id: actionId, product_code: productCode, callback_url: resumeUrlFor(this, 'success') },
			payload: payloadInKeyStyle(payload, style),
		};
		const authentication = this.getNodeParameter('authentication', 0) as PartnerAuthentication;
		return await sendThenWaitForCallback(this, {
			partner: 'bolttech',
			send: async () =>
				await sendPartnerRequest(this, {
					partner: 'bolttech',
					credentialType: partnerCredentialType('bolttech', authentication),
					method: 'POST',
					path: '/v4.1/catalog/action',
					body,
				}),
			identity: { action_id: actionId, product_code: productCode },
		});
	}

	/** bolttech's callback resumes the execution; a body that is not a JSON object gets 400. */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const path = outcomeOfPath(String(request.path ?? request.url ?? ''));
		if (!path) return refuseCallback(this, 404, 'Unknown callback URL');
		const body = jsonObjectBody(this);
		if (!body) return refuseCallback(this, 400, 'The callback body must be a JSON object');
		const outcome = path === 'error' || reportsFailure(body) ? 'error' : 'success';
		return resumeOnce(this, onOutputOf(outcome, [{ json: { outcome, ...body, receivedAt: new Date().toISOString() } }]));
	}
}
