import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { invalidInput } from '../../shared/invalidInput';
import { toIsoDatetime } from '../../shared/isoDatetime';

/**
 * Rewrites the body's date-times (by dotted wire path) as ISO 8601 UTC, the partner documents' form, and
 * refuses one that is not a date-time, naming its field. Paths absent from the body are skipped.
 */
export function normalizeDatetimes(
	context: IExecuteSingleFunctions,
	body: IDataObject,
	displayNamesByPath: Record<string, string>,
): void {
	for (const [path, displayName] of Object.entries(displayNamesByPath)) {
		const keys = path.split('.');
		const last = keys.pop() as string;
		const parent = keys.reduce<IDataObject | undefined>((object, key) => object?.[key] as IDataObject | undefined, body);
		if (!parent || !(last in parent)) continue;
		const value = parent[last];
		const iso = toIsoDatetime(value, context.getTimezone());
		if (iso === undefined) {
			throw invalidInput(
				context.getNode(),
				context.getItemIndex(),
				displayName,
				value === '' || value === null ? 'is empty' : `is not a date-time: ${JSON.stringify(value)}`,
				'Pick a date, or give an ISO 8601 date-time such as 2022-02-24T13:45:10Z (an expression may also return a DateTime).',
			);
		}
		parent[last] = iso;
	}
}

/** A preSend that sends the given body date-times as ISO 8601 UTC. */
export function sendDatetimesAsIso(displayNamesByPath: Record<string, string>) {
	return async function sendIsoDatetimes(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		normalizeDatetimes(this, (requestOptions.body ?? {}) as IDataObject, displayNamesByPath);
		return requestOptions;
	};
}
