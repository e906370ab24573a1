import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

/**
 * The error for input that must not reach the partner: it names the item and the field as the
 * user sees them, and says how to fix it.
 */
export function invalidInput(
	node: INode,
	itemIndex: number,
	field: string,
	problem: string,
	fix: string,
): NodeOperationError {
	return new NodeOperationError(node, `Item ${itemIndex}: "${field}" ${problem}`, {
		itemIndex,
		description: fix,
	});
}
