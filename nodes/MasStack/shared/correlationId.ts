import type { IExecuteSingleFunctions, IHttpRequestOptions, INode, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../shared/invalidInput';
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
 * Correlation ID), or one derived from the item run, which stays the same when n8n retries the
 * request and changes everywhere else. Deriving it twice (before sending, and for the output)
 * gives the same id.
 */
export function correlationIdFor(node: INode, run: ItemRun, given: string): string {
	const trimmed = given.trim();
	if (trimmed) {
		if (!UUID.test(trimmed)) {
			throw invalidInput(
				node,
				run.itemIndex,
				'Correlation ID',
				`"${trimmed}" is not a UUID`,
				'MasStack expects a UUID such as 3f2b8c1e-0d4a-4b7e-9c61-2a5d8e4f7b90; leave the option empty to have one derived.',
			);
		}
		return trimmed.toLowerCase();
	}
	return itemRunUuid(run);
}

/** The correlation id of the item a declarative request is for. */
export function correlationIdOf(context: IExecuteSingleFunctions): string {
	return correlationIdFor(context.getNode(), itemRunOf(context), String(context.getNodeParameter('options.correlationId', '') ?? ''));
}

/** preSend: puts the item's Request-Correlation-Id on the request. */
export async function sendCorrelationId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	requestOptions.headers = { ...requestOptions.headers, 'Request-Correlation-Id': correlationIdOf(this) };
	return requestOptions;
}
