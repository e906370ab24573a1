import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	INodeType,
	INodeTypeDescription,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { CALLBACK_OPERATIONS } from './callbacks/callbackUrls';
import { readMasStackCallback } from './callbacks/callbackResult';
import { acceptCallback, ANSWERED_AS_CHOSEN, refuseCallback, respondOption } from '../shared/callbacks/callbackAnswers';
import { checkCallbackSecret, refuseUnauthorized, wrongSecretReason } from '../shared/callbacks/callbackSecret';
import { callbackSecretFields } from '../shared/callbacks/callbackSecretFields';
import { callbackUrlLifecycle } from '../shared/callbacks/callbackUrlLifecycle';
import { CALLBACK_SECRET_TRIGGER_VERSIONS } from '../shared/callbacks/triggerVersions';

const OUTCOMES = ['success', 'error'] as const;

/**
 * One URL per operation and outcome (e.g. `…/masstack/barring/success`), so the output says what a
 * callback is about even though MasStack's body (`{code, title, service_id}`) does not.
 * n8n names every webhook of a node `default`; the request path tells them apart.
 */
const CALLBACK_WEBHOOKS = CALLBACK_OPERATIONS.flatMap((operation) =>
	OUTCOMES.map((outcome) => ({
		path: `masstack/${operation.path}/${outcome}`,
		operation: operation.value as string,
		outcome: outcome as string,
	})),
);

const WEBHOOK_DESCRIPTIONS: IWebhookDescription[] = CALLBACK_WEBHOOKS.map(({ path }) => ({
	name: 'default',
	httpMethod: 'POST',
	...ANSWERED_AS_CHOSEN,
	path,
}));

/** The callback a request was sent to, from the last three segments of its path. */
function callbackFor(requestPath: string) {
	const tail = requestPath.split('?')[0].split('/').slice(-3).join('/');
	return CALLBACK_WEBHOOKS.find(({ path }) => path === tail);
}

export class MasStackTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MasStack Trigger',
		name: 'masStackTrigger',
		icon: { light: 'file:../../icons/masstack.svg', dark: 'file:../../icons/masstack.dark.svg' },
		group: ['trigger'],
		version: CALLBACK_SECRET_TRIGGER_VERSIONS,
		subtitle: '={{ "callbacks: " + $parameter["operations"].join(", ") }}',
		description:
			'Starts a workflow when MasStack calls back with the result of a barring update, service creation, device update or refund',
		defaults: { name: 'MasStack Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'masStackCallbackSecretApi',
				required: true,
				testedBy: 'checkCallbackSecret',
				displayOptions: { show: { authentication: ['callbackSecret'] } },
			},
		],
		webhooks: WEBHOOK_DESCRIPTIONS,
		properties: [
			{
				displayName:
					'This node has one URL per operation and outcome. In a MasStack node, put the URL ending in /<operation>/success into "Callback Success URL" and the one ending in /<operation>/error into "Callback Error URL" (operation: barring, service, device or refund).',
				name: 'usageNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Operations',
				name: 'operations',
				type: 'multiOptions',
				options: CALLBACK_OPERATIONS.map(({ name, value }) => ({ name, value })),
				default: ['barringUpdate', 'deviceUpdate', 'refund', 'serviceCreation'],
				required: true,
				description: 'Callbacks of these operations start the workflow; others get 400 and start nothing',
			},
			respondOption,
			...callbackSecretFields,
		],
	};

	methods = { credentialTest: { checkCallbackSecret } };

	/** MasStack takes the callback URLs with each request: nothing to register with it. */
	webhookMethods = {
		default: callbackUrlLifecycle('masStackCallbackSecretApi', (firstUrl) => {
			const prefix = firstUrl.slice(0, firstUrl.length - CALLBACK_WEBHOOKS[0].path.length);
			return CALLBACK_WEBHOOKS.map(({ path }) => `${prefix}${path}`);
		}),
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const webhook = callbackFor(String(request.path ?? request.url ?? ''));
		if (!webhook) return refuseCallback(this, 404, 'Unknown callback URL');
		const secretProblem = await wrongSecretReason(this, 'masStackCallbackSecretApi');
		if (secretProblem) return refuseUnauthorized(this, secretProblem);
		const accepted = this.getNodeParameter('operations', []) as string[];
		if (!accepted.includes(webhook.operation)) {
			return refuseCallback(this, 400, `This trigger does not accept ${webhook.operation} callbacks`);
		}
		const callback = readMasStackCallback(this, webhook.operation, webhook.outcome);
		if ('problem' in callback) return refuseCallback(this, 400, callback.problem);
		return acceptCallback([this.helpers.returnJsonArray(callback.result)]);
	}
}
