import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { throwPartnerErrors } from '../../shared/partnerError';
import { correlationIdOf } from '../transport/correlationId';

/** What MasStack's error codes mean and what to do, for the codes the partner documents describe. */
export const MASSTACK_ERROR_HINTS: Record<string, string> = {
	DUPLICATE_WORKFLOW_ID:
		'MasStack already received a request with this Request-Correlation-Id, so it did not run this one again. ' +
		'If this was a retry, the first attempt reached MasStack: wait for its callback (MasStack Trigger) instead of sending again. ' +
		'To send a new request on purpose, give a new UUID in Options > Correlation ID, or leave it empty so the node derives one per execution, run and item.',
	UNAUTHORIZED_REQUEST: 'Check the access token (or the OAuth2 client) in the MasStack credential.',
	FORBIDDEN_RESOURCE: 'Your partner account may not use this operation or this service; ask MasStack to enable it.',
	NOT_FOUND: 'Check the Service ID (the MSISDN) and the Service Type, and the movement or promotion ID where one is given.',
};

const throwMasStackErrors = throwPartnerErrors('MasStack', MASSTACK_ERROR_HINTS);

/**
 * postReceive: a MasStack error (`{code, title}`) becomes the n8n error; anything else becomes one
 * item with MasStack's answer and the request's correlation id, so a later callback can be matched
 * to it. Asynchronous operations answer 202 without a body: the item then says "accepted".
 */
export async function readMasStackResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	await throwMasStackErrors.call(this, items, response);
	const body =
		typeof response.body === 'object' && response.body !== null && !Array.isArray(response.body)
			? (response.body as IDataObject)
			: {};
	const accepted = response.statusCode === 202 ? { accepted: true } : {};
	return [{ json: { ...accepted, ...body, requestCorrelationId: correlationIdOf(this) } }];
}
