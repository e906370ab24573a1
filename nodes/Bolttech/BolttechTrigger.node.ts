import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import {
	acceptCallback,
	ANSWERED_ON_RECEIPT,
	checkCallbackSecret,
	callbackSecretFields,
	jsonObjectBody,
	refuseCallback,
	wrongSecretReason,
} from '../shared/callbackSecurity';
import { callbackUrlLifecycle } from '../shared/callbackUrlLifecycle';
import { TRIGGER_VERSIONS } from '../shared/triggerVersions';

const CATALOG_ACTIONS = [
	{ name: 'Get Rental Pricing', value: 'get_pricing', description: 'Action ID get_pricing' },
	{ name: 'Get Stock', value: 'get_stock', description: 'Action ID get_stock' },
	{ name: 'Remove Device', value: 'remove_device', description: 'Action ID remove_device' },
	{ name: 'Update Prices', value: 'update_price', description: 'Action ID update_price' },
];

/** The bolttech Catalog API (v4.1) and Verify IMEI (v4) does not document the callback body; the action id may sit at the top or in `configuration`. */
function actionIdOf(body: IDataObject): string | undefined {
	const configuration = body.configuration as IDataObject | undefined;
	const actionId = body.action_id ?? configuration?.action_id ?? body.actionId;
	return typeof actionId === 'string' ? actionId : undefined;
}

export class BolttechTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bolttech Trigger',
		name: 'bolttechTrigger',
		icon: { light: 'file:../../icons/bolttech.svg', dark: 'file:../../icons/bolttech.dark.svg' },
		group: ['trigger'],
		version: TRIGGER_VERSIONS,
		subtitle: '={{ "catalog callbacks: " + $parameter["actions"].join(", ") }}',
		description: 'Starts a workflow when bolttech calls back with the result of a catalog action',
		defaults: { name: 'Bolttech Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'telcoPartnersCallbackSecretApi',
				required: true,
				testedBy: 'checkCallbackSecret',
				displayOptions: { show: { authentication: ['callbackSecret'] } },
			},
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', ...ANSWERED_ON_RECEIPT, path: 'bolttech-catalog' }],
		properties: [
			{
				displayName:
					'Copy this node\'s Production URL into "Callback URL" of a Bolttech catalog operation (Update Prices, Remove Device, Get Stock, Get Rental Pricing); bolttech posts the action\'s result there.',
				name: 'usageNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Actions',
				name: 'actions',
				type: 'multiOptions',
				options: CATALOG_ACTIONS,
				default: ['get_pricing', 'get_stock', 'remove_device', 'update_price'],
				required: true,
				description:
					'Callbacks of these catalog actions start the workflow; callbacks of other actions get 422 and start nothing',
			},
			...callbackSecretFields,
		],
	};

	methods = { credentialTest: { checkCallbackSecret } };

	/** bolttech takes the callback URL with each request: nothing to register with it. */
	webhookMethods = { default: callbackUrlLifecycle((url) => [url]) };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const secretProblem = await wrongSecretReason(this);
		if (secretProblem) return refuseCallback(this, 401, secretProblem);
		const body = jsonObjectBody(this);
		if (!body) return refuseCallback(this, 400, 'The callback body must be a JSON object');
		const actionId = actionIdOf(body);
		const accepted = this.getNodeParameter('actions', []) as string[];
		if (!actionId || !accepted.includes(actionId)) {
			return refuseCallback(
				this,
				422,
				`This trigger accepts callbacks of ${accepted.join(', ')}; this one is for ${actionId ?? 'no action'}`,
			);
		}
		return acceptCallback([this.helpers.returnJsonArray({ ...body, action_id: actionId, receivedAt: new Date().toISOString() })]);
	}
}
