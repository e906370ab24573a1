import type { ReceivedRequest } from '../../sandbox/contractServer';
import { runNode } from '../../scripts/n8nCore/runNode';
import type { NodeRun, NodeRunRequest } from '../../scripts/n8nCore/runNode';
import { useBolttechServer } from './bolttechSetup';

/** `count` SKUs with partner device IDs SKU-00000, SKU-00001… and distinct prices. */
export function skus(count: number) {
	return Array.from({ length: count }, (_, index) => ({
		partner_device_id: `SKU-${String(index).padStart(5, '0')}`,
		price_net: 10_000 + index,
	}));
}

/** SKU-00000… with every 100th price raised by 1: 1% changed. */
export const onePercentChanged = (count: number) => skus(count).map((row, index) => (index % 100 === 7 ? { ...row, price_net: row.price_net + 1 } : row));

export const incrementalOf = (request: ReceivedRequest) =>
	(request.body as { payload: { incremental: boolean } }).payload.incremental;

export const pricesIn = (request: ReceivedRequest) =>
	(request.body as { payload: { asset_model_prices: Array<{ partner_device_id: string }> } }).payload
		.asset_model_prices;

/**
 * A bolttech contract server for one test file, and `syncPrices`, which runs Catalog > Update Prices
 * through n8n-core against it for product RENTAL-ES-01 with `parameters` on top of `defaults`.
 */
export function usePriceSync(defaults: Record<string, unknown> = {}) {
	const { server, tokenCredentials } = useBolttechServer();
	const syncPrices = (
		items: object[],
		parameters: Record<string, unknown> = {},
		extra: Partial<NodeRunRequest> = {},
	): Promise<NodeRun> =>
		runNode({
			type: 'bolttech',
			parameters: {
				resource: 'catalog',
				operation: 'updatePrices',
				productCode: 'RENTAL-ES-01',
				...defaults,
				...parameters,
			} as never,
			credentials: tokenCredentials(),
			items: items as never,
			...extra,
		});
	/** The SKUs the server received, sorted: with several batches in flight they may arrive in any order. */
	const sentSkus = () =>
		server
			.requestsTo('catalogAction')
			.flatMap((request) => pricesIn(request).map((row) => row.partner_device_id))
			.sort();
	return { server, syncPrices, sentSkus };
}
