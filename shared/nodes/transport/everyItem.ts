import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

/**
 * Runs `answerItem` for every input item at once, each refused or answered on its own, then
 * returns the items in order: a failed item is the node's error (an n8n error as it is, anything
 * else as a NodeApiError), or with Continue On Fail an item carrying the error. This is how n8n's
 * routing ran the partners' operations when their nodes were declarative, so the nodes behave the
 * same now that they run their descriptions from execute().
 */
export async function answerEveryItem(
	context: IExecuteFunctions,
	answerItem: (itemIndex: number) => Promise<IDataObject[]>,
): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const answers = await Promise.allSettled(items.map(async (_item, itemIndex) => await answerItem(itemIndex)));
	const output: INodeExecutionData[] = [];
	for (const [itemIndex, answer] of answers.entries()) {
		if (answer.status === 'fulfilled') {
			output.push(...answer.value.map((json) => ({ json, pairedItem: { item: itemIndex } })));
			continue;
		}
		const error = answer.reason as Error & { description?: string };
		if (context.continueOnFail()) {
			output.push({ json: {}, error: error as NodeApiError, pairedItem: { item: itemIndex } });
			continue;
		}
		if (error instanceof NodeApiError) throw error;
		throw new NodeApiError(context.getNode(), error as unknown as JsonObject, {
			itemIndex,
			message: error.message,
			description: error.description,
			httpCode: 'none',
		});
	}
	return [output];
}
