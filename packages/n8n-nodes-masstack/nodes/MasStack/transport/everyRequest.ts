import type { IDataObject, IN8nHttpFullResponse, INode, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../shared/validation/invalidInput';
import { itemRunUuid } from '../../shared/transport/nameBasedUuid';
import type { ItemRun } from '../../shared/transport/nameBasedUuid';
import { headerValue, isEmptyValue } from '../../shared/validation/valueChecks';

/**
 * What every MasStack request does, whatever its operation: its dropdown values checked, the
 * Request-Correlation-Id it carries (the option, the id derived per item run, the header), and
 * MasStack's answer read (its error codes explained). transport/operationRequest.ts builds each
 * request in the order n8n's routing did.
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

/**
 * MasStack's answer as the item the node outputs: its body and the request's correlation id, so a
 * later callback can be matched to it. Asynchronous operations answer 202 without a body: the
 * item then says "accepted". (Error answers never get here: sendPartnerRequest throws them with
 * MASSTACK_ERROR_HINTS.)
 */
export function masStackItemOf(response: IN8nHttpFullResponse, correlationId: string): IDataObject {
	const body =
		typeof response.body === 'object' && response.body !== null && !Array.isArray(response.body)
			? (response.body as IDataObject)
			: {};
	const accepted = response.statusCode === 202 ? { accepted: true } : {};
	return { ...accepted, ...body, requestCorrelationId: correlationId };
}
