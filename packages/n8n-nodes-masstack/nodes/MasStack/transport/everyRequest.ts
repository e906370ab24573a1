import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	INodeProperties,
	INodePropertyRouting,
} from 'n8n-workflow';

import { invalidInput } from '../../shared/validation/invalidInput';
import { itemRunOf, itemRunUuid } from '../../shared/transport/nameBasedUuid';
import type { ItemRun } from '../../shared/transport/nameBasedUuid';
import { refuseValuesOutsideOptions } from '../../shared/validation/optionValues';
import { throwPartnerErrors } from '../../shared/transport/partnerError';
import { headerValue, isEmptyValue } from '../../shared/validation/valueChecks';

/**
 * What every MasStack request does, whatever its operation: its dropdown values checked, the
 * Request-Correlation-Id it carries (the option, the id derived per item run, the header), and
 * MasStack's answer read (its error codes explained). transport/operationRequest.ts lists every
 * hook of a request in the order n8n runs them.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const correlationIdOption: INodeProperties = {
	displayName: 'Correlation ID',
	name: 'correlationId',
	type: 'string',
	default: '',
	placeholder: '3f2b8c1e-0d4a-4b7e-9c61-2a5d8e4f7b90',
	description: 'The correlation ID (a UUID) to send in the request header. Leave empty to let the node derive one from the execution, node, run and item: it stays the same when n8n retries the request, so MasStack can refuse a duplicate.',
};

/**
 * The Request-Correlation-Id of an item's request: the user's (`given`, from Options >
 * Correlation ID), sent exactly as given, or one derived from the item run, which stays the same
 * when n8n retries the request and changes everywhere else. Deriving it twice (before sending,
 * and for the output) gives the same id. The MasStack partner API v3 types it `string(uuid)`.
 */
export function correlationIdFor(node: INode, run: ItemRun, given: unknown): string {
	if (isEmptyValue(given)) return itemRunUuid(run);
	const id = headerValue(given, 'Correlation ID', node, run.itemIndex);
	if (!UUID.test(id)) {
		throw invalidInput(
			node,
			run.itemIndex,
			'Correlation ID',
			`"${id.length > 40 ? `${id.slice(0, 40)}…` : id}" is not a UUID`,
			'MasStack expects a UUID such as 3f2b8c1e-0d4a-4b7e-9c61-2a5d8e4f7b90; leave the option empty to have one derived.',
		);
	}
	return id;
}

/** The correlation id of the item a declarative request is for. */
export function correlationIdOf(context: IExecuteSingleFunctions): string {
	return correlationIdFor(context.getNode(), itemRunOf(context), context.getNodeParameter('options.correlationId', ''));
}

/** preSend: puts the item's Request-Correlation-Id on the request. */
export async function sendCorrelationId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	requestOptions.headers = { ...requestOptions.headers, 'Request-Correlation-Id': correlationIdOf(this) };
	return requestOptions;
}

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
async function readMasStackResponse(
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

/**
 * The routing every MasStack request shares (on the MasStack node's resource dropdown): checked
 * dropdown values, the correlation id, MasStack's answer read. `getProperties` returns the node's
 * properties, read on first use.
 */
export function everyMasStackRequest(getProperties: () => INodeProperties[]): INodePropertyRouting {
	return {
		send: { preSend: [refuseValuesOutsideOptions(getProperties), sendCorrelationId] },
		output: { postReceive: [readMasStackResponse] },
	};
}
