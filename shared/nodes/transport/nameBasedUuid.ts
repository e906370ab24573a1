import { createHash } from 'node:crypto';

import type { IExecuteSingleFunctions } from 'n8n-workflow';

/** A fixed namespace, so the same name always gives the same id. */
const NAMESPACE = Buffer.from('5f0c2a8e9b7d4c1fa3e26d4b8c9e7a10', 'hex');

/**
 * A name-based UUID (RFC 9562 version 5). Ids derived from an execution, node, run and item stay
 * the same when n8n retries a request, and differ everywhere else.
 */
export function uuidFromName(name: string): string {
	const hash = createHash('sha1').update(NAMESPACE).update(name).digest();
	hash[6] = (hash[6] & 0x0f) | 0x50;
	hash[8] = (hash[8] & 0x3f) | 0x80;
	const hex = hash.subarray(0, 16).toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What stays fixed across n8n's "Retry On Fail" of one item's request, and differs elsewhere. */
export interface ItemRun {
	executionId: string;
	nodeId: string;
	runIndex: number;
	itemIndex: number;
}

/** The item run of the request a declarative operation is sending. */
export function itemRunOf(context: IExecuteSingleFunctions): ItemRun {
	const itemIndex = context.getItemIndex();
	return {
		executionId: context.getExecutionId(),
		nodeId: context.getNode().id,
		runIndex: context.getWorkflowDataProxy(itemIndex).$runIndex,
		itemIndex,
	};
}

/** A UUID for one item run (and purpose, e.g. an idempotency key): the same on every retry. */
export function itemRunUuid({ executionId, nodeId, runIndex, itemIndex }: ItemRun, purpose?: string): string {
	return uuidFromName(`${executionId}/${nodeId}/${runIndex}/${itemIndex}${purpose ? `/${purpose}` : ''}`);
}
