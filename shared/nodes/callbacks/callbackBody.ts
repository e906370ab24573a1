import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

/** The callback's body if it is a JSON object, else undefined. */
export function jsonObjectBody(context: IWebhookFunctions): IDataObject | undefined {
	const contentType = String(context.getHeaderData()['content-type'] ?? '');
	const body = context.getBodyData() as unknown;
	if (!contentType.includes('json')) return undefined;
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
	return body as IDataObject;
}
