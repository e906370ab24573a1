import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { acceptCallback, ANSWERED_AS_CHOSEN, refuseCallback, respondOption } from '../shared/callbacks/callbackAnswers';
import { checkCallbackSecret, refuseUnauthorized, wrongSecretReason } from '../shared/callbacks/callbackSecret';
import { callbackSecretFields } from '../shared/callbacks/callbackSecretFields';
import { jsonObjectBody } from '../shared/callbacks/callbackBody';
import { callbackUrlLifecycle } from '../shared/callbacks/callbackUrlLifecycle';
import { CALLBACK_SECRET_TRIGGER_VERSIONS } from '../shared/callbacks/triggerVersions';
import { actionIdOf } from './catalogCallback';
import { CATALOG_OPERATIONS } from './resources/catalog';

/** Each catalog operation's callback, named as the operation and valued by its action id. */
const CATALOG_ACTIONS = CATALOG_OPERATIONS.map(({ option, actionId }) => ({
	name: option.name,
	value: actionId,
	description: `Action ID ${actionId}`,
}));

export class BolttechTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bolttech Trigger',
		name: 'bolttechTrigger',
		icon: { light: 'file:../../icons/bolttech.svg', dark: 'file:../../icons/bolttech.dark.svg' },
		group: ['trigger'],
		version: CALLBACK_SECRET_TRIGGER_VERSIONS,
		subtitle: '={{ "catalog callbacks: " + $parameter["actions"].join(", ") }}',
		description: 'Starts a workflow when bolttech calls back with the result of a catalog action',
		defaults: { name: 'Bolttech Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'bolttechCallbackSecretApi',
				required: true,
				testedBy: 'checkCallbackSecret',
				displayOptions: { show: { authentication: ['callbackSecret'] } },
			},
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', ...ANSWERED_AS_CHOSEN, path: 'bolttech-catalog' }],
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
				// Every action of CATALOG_ACTIONS, written out: n8n's linter wants a literal default.
				default: ['get_pricing', 'get_stock', 'remove_device', 'update_price'],
				required: true,
				description:
					'Callbacks of these catalog actions start the workflow; callbacks of other actions get 422 and start nothing',
			},
			respondOption,
			...callbackSecretFields,
		],
	};

	methods = { credentialTest: { checkCallbackSecret } };

	/** bolttech takes the callback URL with each request: nothing to register with it. */
	webhookMethods = { default: callbackUrlLifecycle('bolttechCallbackSecretApi', (url) => [url]) };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const secretProblem = await wrongSecretReason(this, 'bolttechCallbackSecretApi');
		if (secretProblem) return refuseUnauthorized(this, secretProblem);
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
