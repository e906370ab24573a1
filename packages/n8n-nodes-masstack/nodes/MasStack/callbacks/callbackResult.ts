import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { jsonObjectBody } from '../../shared/callbacks/callbackBody';

/** serviceCallbackDTO: code, title and service_id are required strings (the MasStack partner API v3). */
const REQUIRED_CALLBACK_FIELDS = ['code', 'title', 'service_id'];

export type MasStackCallbackResult = { result: IDataObject } | { problem: string };

/**
 * Reads MasStack's callback (`{code, title, service_id}` with a Request-Correlation-Id header) as
 * the item a workflow gets, or says why it is malformed.
 */
export function readMasStackCallback(
	context: IWebhookFunctions,
	operation: string,
	outcome: string,
): MasStackCallbackResult {
	const body = jsonObjectBody(context);
	if (!body) return { problem: 'The callback body must be a JSON object' };
	const missing = REQUIRED_CALLBACK_FIELDS.filter(
		(field) => typeof body[field] !== 'string' || !(body[field] as string).trim(),
	);
	if (missing.length) return { problem: `The callback lacks ${missing.join(', ')} (MasStack sends code, title and service_id)` };
	const correlationId = context.getHeaderData()['request-correlation-id'];
	return {
		result: {
			operation,
			outcome,
			code: body.code,
			title: body.title,
			service_id: body.service_id,
			requestCorrelationId: typeof correlationId === 'string' ? correlationId : null,
			receivedAt: new Date().toISOString(),
		},
	};
}
