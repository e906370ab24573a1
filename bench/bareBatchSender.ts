import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

/**
 * A bench-only node: the least any n8n node can do for the price sync. It sends the input items,
 * as they are, in the bench's batches through n8n's `httpRequestWithAuthentication` with the
 * bolttech credential, one batch after another, and outputs one item per batch: no parameters
 * read per item, no validation, no reports. Its time next to the raw script's is what n8n's
 * engine and request stack cost; Update Prices' time next to its own is what the node adds.
 */
export class BareBatchSender implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bare Batch Sender (bench)',
		name: 'bareBatchSender',
		group: ['transform'],
		version: 1,
		description: 'Sends its input in batches through n8n, doing nothing else',
		defaults: { name: 'Bare Batch Sender' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'bolttechApi', required: true }],
		properties: [
			{ displayName: 'Batch Size', name: 'batchSize', type: 'number', default: 1000 },
			{ displayName: 'Product Code', name: 'productCode', type: 'string', default: '' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const rows = this.getInputData().map((item) => item.json);
		const batchSize = this.getNodeParameter('batchSize', 0) as number;
		const productCode = this.getNodeParameter('productCode', 0) as string;
		const { baseUrl } = await this.getCredentials<{ baseUrl: string }>('bolttechApi');
		const output: INodeExecutionData[] = [];
		for (let start = 0; start < rows.length; start += batchSize) {
			const answer = (await this.helpers.httpRequestWithAuthentication.call(this, 'bolttechApi', {
				method: 'POST',
				url: `${baseUrl}/v4.1/catalog/action`,
				json: true,
				body: {
					configuration: { action_id: 'update_price', product_code: productCode },
					payload: { incremental: true, asset_model_prices: rows.slice(start, start + batchSize) },
				},
			})) as IDataObject;
			output.push({ json: answer });
		}
		return [output];
	}
}
