import type { IDataObject, IExecuteFunctions, IN8nHttpFullResponse, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

/**
 * A bench-only node: the least any n8n node can do for Afosto's "Return All". It follows the
 * `x-page` cursor of `GET /odr/orders` through n8n's `httpRequestWithAuthentication` with the
 * Afosto credential and outputs one item per record, nothing else. Its time next to the raw
 * cursor loop's is what n8n's engine and request stack cost; the Afosto Orders node's time next
 * to its own is what the node adds.
 */
export class BareCursorFollower implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bare Cursor Follower (bench)',
		name: 'bareCursorFollower',
		group: ['transform'],
		version: 1,
		description: 'Follows a list cursor through n8n, doing nothing else',
		defaults: { name: 'Bare Cursor Follower' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'afostoApi', required: true }],
		properties: [{ displayName: 'Page Size', name: 'pageSize', type: 'number', default: 250 }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const pageSize = String(this.getNodeParameter('pageSize', 0));
		const { baseUrl } = await this.getCredentials<{ baseUrl: string }>('afostoApi');
		const output: INodeExecutionData[] = [];
		let page: string | undefined;
		do {
			const response = (await this.helpers.httpRequestWithAuthentication.call(this, 'afostoApi', {
				method: 'GET',
				url: `${baseUrl}/odr/orders`,
				json: true,
				headers: { 'x-page-size': pageSize, ...(page ? { 'x-page': page } : {}) },
				returnFullResponse: true,
			})) as IN8nHttpFullResponse;
			const records = response.body as IDataObject[];
			for (const record of records) output.push({ json: record });
			const next = response.headers['x-page'];
			page = records.length && typeof next === 'string' ? next : undefined;
		} while (page);
		return [output];
	}
}
