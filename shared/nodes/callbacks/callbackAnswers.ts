import type { INodeExecutionData, IWebhookDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

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
