import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { authenticationField, partnerCredentials, chosenCredentialType } from '../shared/transport/authentication';
import { acceptCallback, ANSWERED_ON_RECEIPT, refuseCallback } from '../shared/callbacks/callbackAnswers';
import { refuseUnauthorized } from '../shared/callbacks/callbackSecret';
import { jsonObjectBody } from '../shared/callbacks/callbackBody';
import { sendPartnerRequest } from '../shared/transport/partnerRequest';
import { excerptOf } from '../shared/transport/responseBody';
import { optionsField } from '../shared/transport/requestTimeout';
import { TRIGGER_VERSIONS } from '../shared/callbacks/triggerVersions';

/**
 * Calls Afosto's webhook API (the Afosto API reference, `/mes/webhooks/...`) with the node's credential. A
 * subscription that is gone (404) is for the caller to handle; other errors are Afosto's.
 */
async function callAfosto(
	context: IHookFunctions | ILoadOptionsFunctions,
	method: IHttpRequestMethods,
	path: string,
	body?: IDataObject,
): Promise<{ statusCode: number; body: unknown }> {
	const credentialType = chosenCredentialType(context, 'afosto');
	return await sendPartnerRequest(context, { partner: 'Afosto', credentialType, method, path, body, statusesHandedBack: [404] });
}

/**
 * The Afosto API reference names a message `signature` but not how it is made: the node checks an HMAC of the
 * raw body keyed with the subscription's `secret`, in the header and encoding set below (by
 * default HMAC-SHA256, hex, in `x-afosto-signature`), and compares in constant time.
 */
function signatureMatches(context: IWebhookFunctions, secret: string, given: unknown): given is string {
	if (typeof given !== 'string' || !given) return false;
	const [algorithm, encoding] = (context.getNodeParameter('signatureAlgorithm', 'sha256-hex') as string).split('-') as [string, 'hex' | 'base64'];
	const rawBody = (context.getRequestObject() as { rawBody?: Buffer }).rawBody ?? Buffer.from('');
	const expected = createHmac(algorithm, secret).update(rawBody).digest(encoding);
	const stripped = given.replace(/^sha\d+=/i, '');
	const [a, b] = [Buffer.from(stripped), Buffer.from(expected)];
	return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The start of Afosto's subscription answer for an error message: secret-looking fields masked
 * (excerptOf), and the subscription's own secret masked wherever it appears, whatever its key.
 */
function maskedAnswer(body: unknown, secret: unknown): string {
	const excerpt = excerptOf(body);
	return typeof secret === 'string' && secret ? excerpt.split(secret).join('***') : excerpt;
}

/**
 * How many deliveries the trigger remembers to refuse again (by the message's `id`, or by its
 * signature when it has none), kept in the trigger's static data: 1,000 keys of 22 characters.
 * A replay older than that many newer deliveries is still refused by its age (MAX_DELIVERY_AGE_MS).
 */
export const SEEN_DELIVERIES_KEPT = 1000;
/**
 * The Afosto API reference's webhook message carries `created_at`; a signed delivery created longer
 * ago than this is refused as a replay. A day leaves room for Afosto's own retries.
 */
export const MAX_DELIVERY_AGE_MS = 24 * 60 * 60 * 1000;

/** A delivery's key among the seen ones: a hash of its message id, or of its signature. */
function deliveryKey(body: IDataObject, signature: string): string {
	const id = typeof body.id === 'string' || typeof body.id === 'number' ? `id:${body.id}` : `signature:${signature}`;
	return createHash('sha256').update(id).digest('base64url').slice(0, 22);
}

/**
 * Deletes the subscriptions Afosto holds for this node's URL, when its answer named no id to delete
 * by (GET /mes/webhooks/subscriptions lists them with their endpoint); says what happened.
 */
async function unsubscribeByEndpoint(context: IHookFunctions): Promise<string> {
	const endpoint = context.getNodeWebhookUrl('default');
	try {
		const { body } = await callAfosto(context, 'GET', '/mes/webhooks/subscriptions');
		const ours = (Array.isArray(body) ? (body as IDataObject[]) : []).filter((entry) => entry.endpoint === endpoint && entry.id !== undefined && entry.id !== null);
		if (!ours.length) return 'Afosto lists no subscription for this URL; nothing is left subscribed.';
		return (await Promise.all(ours.map((entry) => unsubscribe(context, entry.id)))).join(' ');
	} catch (error) {
		return `Listing Afosto's subscriptions failed (${(error as Error).message}): check at Afosto that none is left for this URL.`;
	}
}

/** Deletes a subscription this node just made; says whether that worked, for the activation error. */
async function unsubscribe(context: IHookFunctions, subscriptionId: unknown): Promise<string> {
	const id = String(subscriptionId);
	try {
		const { statusCode } = await callAfosto(context, 'DELETE', `/mes/webhooks/subscriptions/${encodeURIComponent(id)}`);
		return statusCode === 404
			? `Afosto no longer has subscription ${id}; nothing is left subscribed.`
			: `Subscription ${id} was deleted again; nothing is left subscribed.`;
	} catch (error) {
		return `Deleting subscription ${id} again failed (${(error as Error).message}): delete it at Afosto, or it keeps sending deliveries this node refuses.`;
	}
}

export class AfostoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Afosto Trigger',
		name: 'afostoTrigger',
		icon: { light: 'file:../../icons/afosto.svg', dark: 'file:../../icons/afosto.dark.svg' },
		group: ['trigger'],
		version: TRIGGER_VERSIONS,
		subtitle: '={{ "events: " + $parameter["events"].join(", ") }}',
		description: 'Starts a workflow when Afosto sends a webhook for the chosen events',
		defaults: { name: 'Afosto Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: partnerCredentials('afosto'),
		webhooks: [{ name: 'default', httpMethod: 'POST', ...ANSWERED_ON_RECEIPT, path: 'afosto' }],
		properties: [
			{
				displayName:
					'Activating the workflow subscribes this node\'s URL at Afosto for the chosen events; deactivating it deletes the subscription.',
				name: 'usageNotice',
				type: 'notice',
				default: '',
			},
			authenticationField,
			{
				displayName: 'Event Names or IDs',
				name: 'events',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getWebhookEvents' },
				default: [],
				required: true,
				description:
					'Afosto sends these events; others get 422 and start nothing. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Delivery Rate',
				name: 'deliveryRate',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'Afosto\'s delivery_rate for the subscription; 0 leaves Afosto\'s default',
			},
			{
				displayName: 'Signature Header',
				name: 'signatureHeader',
				type: 'string',
				default: 'x-afosto-signature',
				description: 'The request header that carries the signature of each delivery',
			},
			{
				displayName: 'Signature Algorithm',
				name: 'signatureAlgorithm',
				type: 'options',
				options: [
					{ name: 'HMAC-SHA256, Base64', value: 'sha256-base64' },
					{ name: 'HMAC-SHA256, Hex', value: 'sha256-hex' },
					{ name: 'HMAC-SHA512, Hex', value: 'sha512-hex' },
				],
				default: 'sha256-hex',
				description: 'How the signature is made from the raw body with the subscription\'s secret',
			},
			// For the calls to Afosto's webhook API when the workflow is activated or deactivated.
			optionsField(),
		],
	};

	methods = {
		loadOptions: {
			/** The Afosto API reference: `GET /mes/webhooks/events` lists `{event, description}`. */
			async getWebhookEvents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const { body } = await callAfosto(this, 'GET', '/mes/webhooks/events');
				const events = Array.isArray(body) ? (body as IDataObject[]) : [];
				return events
					.filter((entry) => typeof entry.event === 'string')
					.map((entry) => ({ name: String(entry.event), value: String(entry.event), description: String(entry.description ?? '') }))
					.sort((first, second) => first.name.localeCompare(second.name));
			},
		},
	};

	webhookMethods = {
		default: {
			/** The subscription this node made exists and still points at this node's URL. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node');
				if (data.subscriptionId === undefined) return false;
				const { statusCode, body } = await callAfosto(this, 'GET', `/mes/webhooks/subscriptions/${encodeURIComponent(String(data.subscriptionId))}`);
				if (statusCode === 404 || (body as IDataObject)?.endpoint !== this.getNodeWebhookUrl('default')) {
					delete data.subscriptionId;
					delete data.secret;
					return false;
				}
				return true;
			},
			/**
			 * Subscribes the URL; Afosto answers the subscription with the `secret` deliveries are signed
			 * with. An answer without one would leave a subscription whose every delivery gets 401: the
			 * activation fails instead, showing Afosto's answer, and the subscription just made is deleted.
			 */
			async create(this: IHookFunctions): Promise<boolean> {
				const deliveryRate = this.getNodeParameter('deliveryRate', 0) as number;
				const { statusCode, body } = await callAfosto(this, 'POST', '/mes/webhooks/subscriptions', {
					events: this.getNodeParameter('events', []) as string[],
					endpoint: this.getNodeWebhookUrl('default') as string,
					...(deliveryRate > 0 ? { delivery_rate: deliveryRate } : {}),
				});
				const subscription = (typeof body === 'object' && body !== null ? body : {}) as IDataObject;
				// The answer carries the secret deliveries are signed with: masked in every error.
				const answer = `Afosto answered ${statusCode}: ${maskedAnswer(body, subscription.secret)}`;
				if (subscription.id === undefined || subscription.id === null) {
					const cleanup = await unsubscribeByEndpoint(this);
					throw new NodeOperationError(this.getNode(), `Afosto's answer to the subscription names no subscription id. ${answer}`, { description: cleanup });
				}
				if (typeof subscription.secret !== 'string' || !subscription.secret) {
					const cleanup = await unsubscribe(this, subscription.id);
					throw new NodeOperationError(
						this.getNode(),
						`Afosto's answer to the subscription carries no secret to check deliveries with, so every delivery would be refused. ${answer}`,
						{ description: cleanup },
					);
				}
				const data = this.getWorkflowStaticData('node');
				data.subscriptionId = subscription.id;
				// Static data is not part of a saved execution (n8n saves the workflow's id, name, nodes,
				// connections and settings with it), so the secret stays out of the executions list.
				data.secret = subscription.secret;
				data.seenDeliveries = [];
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node');
				if (data.subscriptionId !== undefined) {
					await callAfosto(this, 'DELETE', `/mes/webhooks/subscriptions/${encodeURIComponent(String(data.subscriptionId))}`);
				}
				delete data.subscriptionId;
				delete data.secret;
				delete data.seenDeliveries;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const data = this.getWorkflowStaticData('node');
		const secret = data.secret;
		if (typeof secret !== 'string' || !secret) return refuseUnauthorized(this, 'This trigger has no subscription secret; reactivate the workflow');
		const headerName = (this.getNodeParameter('signatureHeader', 'x-afosto-signature') as string).toLowerCase();
		const signature = this.getHeaderData()[headerName];
		if (!signatureMatches(this, secret, signature)) return refuseUnauthorized(this, 'The delivery is unsigned or its signature does not match');
		const body = jsonObjectBody(this);
		if (!body) return refuseCallback(this, 400, 'The delivery body must be a JSON object');
		// The Afosto API reference's webhook message names its `event` (with `entity_id`, `payload`, …).
		if (typeof body.event !== 'string' || !body.event) return refuseCallback(this, 400, 'The delivery names no event');
		const events = this.getNodeParameter('events', []) as string[];
		if (events.length && !events.includes(body.event)) {
			return refuseCallback(this, 422, `This trigger does not accept ${body.event} events`);
		}
		// Signed but replayed: the same message again, or one created too long ago (its created_at is signed with it).
		const seen = Array.isArray(data.seenDeliveries) ? (data.seenDeliveries as string[]) : [];
		const key = deliveryKey(body, signature);
		if (seen.includes(key)) return refuseCallback(this, 409, 'This delivery was already received');
		const createdAt = typeof body.created_at === 'string' ? Date.parse(body.created_at) : Number.NaN;
		if (Date.now() - createdAt > MAX_DELIVERY_AGE_MS) return refuseCallback(this, 422, 'This delivery is older than the trigger accepts');
		data.seenDeliveries = [...seen, key].slice(-SEEN_DELIVERIES_KEPT);
		return acceptCallback([this.helpers.returnJsonArray({ ...body, receivedAt: new Date().toISOString() })]);
	}
}
