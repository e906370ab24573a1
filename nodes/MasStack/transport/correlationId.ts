import type { IExecuteSingleFunctions, IHttpRequestOptions, INode, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../shared/invalidInput';
import { headerValue, isEmptyValue } from '../../shared/valueChecks';
import { itemRunOf, itemRunUuid } from '../../shared/nameBasedUuid';
import type { ItemRun } from '../../shared/nameBasedUuid';

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
