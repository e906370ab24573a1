/**
 * MasStack callbacks fired at the webhook processor, each with its own service id, and the
 * database's account of them: which execution each became, if any.
 */
import { sql, webhookUrl } from './queueApi';

export const LOAD_WORKFLOW = 'e2eMasStackLoad';

/** A service id per callback: `prefix` and the index, nine digits as MasStack's lines. */
export const serviceIdOf = (prefix: number, index: number) => `${prefix}${String(index).padStart(8, '0')}`;

/**
 * POSTs `total` MasStack callbacks `concurrency` at a time to the load workflow's trigger at the
 * webhook processor; `onProgress` hears how many were answered. Returns each callback's status,
 * or the error of one that got no answer.
 */
export async function fireCallbacks(prefix: number, total: number, concurrency: number, onProgress: (answered: number) => void = () => {}) {
	const url = `${webhookUrl()}/webhook/e2e00000-0000-4000-8000-00000000005f/masstack/service/success`;
	const statuses: Array<number | string> = [];
	for (let start = 0; start < total; start += concurrency) {
		const wave = Array.from({ length: Math.min(concurrency, total - start) }, async (_, offset) => {
			const index = start + offset;
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'Request-Correlation-Id': `00000000-0000-4000-8000-${String(index).padStart(12, '0')}` },
				body: JSON.stringify({ code: 'OK', title: 'Service created', service_id: serviceIdOf(prefix, index) }),
			}).catch((error: Error & { cause?: Error }) => `${error.message}: ${error.cause?.message ?? ''}`);
			if (typeof response === 'string') return response;
			await response.arrayBuffer();
			return response.status;
		});
		statuses.push(...(await Promise.all(wave)));
		onProgress(statuses.length);
	}
	return statuses;
}

/** The load workflow's executions whose callback carried a service id starting with `prefix`: id, status, service id. */
export function executionsOfCallbacks(prefix: number) {
	return sql(
		`SELECT e.id, e.status, substring(d.data from '"(${prefix}[0-9]{8})"') AS service_id
		 FROM execution_entity e JOIN execution_data d ON d."executionId" = e.id
		 WHERE e."workflowId" = '${LOAD_WORKFLOW}' AND d.data ~ '"${prefix}[0-9]{8}"'`,
	).map(([id, status, serviceId]) => ({ id, status, serviceId }));
}

/** For the callbacks `0 … total-1`: those without an execution, and those with more than one. */
export function lostAndDuplicated(prefix: number, total: number, executions: Array<{ serviceId: string }>) {
	const seen = new Map<string, number>();
	for (const { serviceId } of executions) seen.set(serviceId, (seen.get(serviceId) ?? 0) + 1);
	const expected = Array.from({ length: total }, (_, index) => serviceIdOf(prefix, index));
	return {
		lost: expected.filter((serviceId) => !seen.has(serviceId)),
		duplicated: [...seen].filter(([, count]) => count > 1).map(([serviceId]) => serviceId),
	};
}

/** How many executions of the load workflow are not finished yet (new or running). */
export const unfinishedCount = () => Number(sql(`SELECT count(*) FROM execution_entity WHERE "workflowId" = '${LOAD_WORKFLOW}' AND status IN ('new', 'running')`)[0][0]);
