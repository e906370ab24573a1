import type {
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
	WEBHOOK_RESOLVERS,
} from 'n8n-workflow';

/** Answers a callback with a 4xx and a JSON reason, and starts no workflow run. */
export function refuseCallback(context: IWebhookFunctions, status: number, reason: string): IWebhookResponseData {
	context.getResponseObject().status(status).json({ error: reason });
	return { noWebhookResponse: true };
}

/** What the package's webhooks answer a callback they accepted. */
export const ACCEPTED_CALLBACK_ANSWER = { received: true };

/**
 * How the package's webhooks answer: at once (`onReceived`), after n8n has started the run, with
 * the webhook's `webhookResponse`. n8n answers an `onReceived` webhook with its description's
 * `responseData` when that is set, and left out it defaults to `firstEntryJson` (a setting for
 * answering after the last node), which it then sends as the literal text "firstEntryJson".
 * Empty, it falls through to `webhookResponse`.
 */
export const ANSWERED_ON_RECEIPT: Pick<IWebhookDescription, 'responseMode' | 'responseData'> = {
	responseMode: 'onReceived',
	responseData: '',
};

/** Starts a run with `items` (on the outputs given) and answers the partner `{"received": true}`. */
export function acceptCallback(outputs: INodeExecutionData[][]): IWebhookResponseData {
	return { workflowData: outputs, webhookResponse: ACCEPTED_CALLBACK_ANSWER };
}

/** The response modes of n8n's webhooks that a trigger's Respond option offers. */
export const RESPOND_IMMEDIATELY = 'onReceived';
export const RESPOND_WHEN_FINISHED = 'lastNode';

/**
 * The Respond option of the MasStack and Bolttech Triggers, after n8n's Webhook node (whose
 * parameter of the same name and values it shares). Its default keeps saved workflows answering
 * as before, so it needs no new node version.
 */
export const respondOption: INodeProperties = {
	displayName: 'Respond',
	name: 'responseMode',
	type: 'options',
	options: [
		{
			name: 'Immediately',
			value: RESPOND_IMMEDIATELY,
			description:
				'Answer 200 as soon as n8n has stored the callback and queued its run; the partner does not learn of a run that fails or is lost afterwards',
		},
		{
			name: 'When the Workflow Finishes',
			value: RESPOND_WHEN_FINISHED,
			description:
				'Answer 200 with an empty body once the run has succeeded, and 500 when it failed or was lost (a queue-mode worker that died), so a partner that retries sends the callback again',
		},
	],
	default: RESPOND_IMMEDIATELY,
	description:
		'When the partner gets its answer to a callback. Refused callbacks (wrong secret, unknown or unchosen callback) are answered at once either way.',
};

/** The key under which n8n 2.x looks for a webhook description's native resolvers (n8n-workflow's WEBHOOK_RESOLVERS). */
const NATIVE_RESOLVERS = Symbol.for('n8n.webhookDescriptionResolvers') as typeof WEBHOOK_RESOLVERS;

/** The chosen response mode of a node's parameters; saved workflows without the option answer immediately. */
const responseModeOf = (parameters: INodeParameters) =>
	parameters.responseMode === RESPOND_WHEN_FINISHED ? RESPOND_WHEN_FINISHED : RESPOND_IMMEDIATELY;

/**
 * What n8n sends after the run: with `lastNode` mode nothing of the run's data (`noData`, an empty
 * 200), since the workflow's output is not the partner's business; with `onReceived`, empty, so
 * the webhook's `{"received": true}` goes out as before. Any other value would leak the last
 * node's items to the partner (`firstEntryJson`, or every item when left empty in `lastNode`).
 */
const responseDataOf = (parameters: INodeParameters) =>
	responseModeOf(parameters) === RESPOND_WHEN_FINISHED ? 'noData' : '';

/**
 * The webhook description's answer settings read the Respond option per request. n8n evaluates
 * them as expressions, which costs an expression isolate per callback, unless it finds a native
 * resolver beside the template (n8n 2.x's webhookDescriptionFields, under a registered symbol,
 * used only when the template is exactly the one the resolver was made for and the node's
 * parameters hold no expression). The resolvers are written here rather than built with
 * n8n-workflow's helpers, which n8n 1.x lacks: there the templates are evaluated instead, with the
 * same result. The templates are self-contained copies of the two functions above; a test checks
 * that both ways give the same answer for every value.
 */
const RESPONSE_MODE_TEMPLATE = `={{$parameter["responseMode"] === "${RESPOND_WHEN_FINISHED}" ? "${RESPOND_WHEN_FINISHED}" : "${RESPOND_IMMEDIATELY}"}}`;
const RESPONSE_DATA_TEMPLATE = `={{$parameter["responseMode"] === "${RESPOND_WHEN_FINISHED}" ? "noData" : ""}}`;

export const ANSWERED_AS_CHOSEN: Pick<IWebhookDescription, 'responseMode' | 'responseData' | typeof WEBHOOK_RESOLVERS> = {
	responseMode: RESPONSE_MODE_TEMPLATE,
	responseData: RESPONSE_DATA_TEMPLATE,
	[NATIVE_RESOLVERS]: {
		responseMode: { template: RESPONSE_MODE_TEMPLATE, resolve: responseModeOf },
		responseData: { template: RESPONSE_DATA_TEMPLATE, resolve: responseDataOf },
	},
};
