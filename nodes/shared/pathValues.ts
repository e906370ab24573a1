import type { IExecuteSingleFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { invalidInput } from './invalidInput';

/**
 * Refuses an empty path value, which would otherwise change the request's path (`/cat/groups/{id}`
 * would become `/cat/groups/`). `readParameter` returns null for a parameter the current
 * operation does not show.
 */
export function checkPathValues(
	displayNamesByParameter: Record<string, string>,
	readParameter: (name: string) => unknown,
	node: INode,
	itemIndex: number,
): void {
	for (const [name, displayName] of Object.entries(displayNamesByParameter)) {
		const value = readParameter(name);
		if (value !== null && value !== undefined && String(value).trim() === '') {
			throw invalidInput(node, itemIndex, displayName, 'is empty', `Enter the ${displayName}: it is part of the request's path.`);
		}
	}
}

/** A preSend that applies checkPathValues to these parameters. */
export function refuseEmptyPathValues(displayNamesByParameter: Record<string, string>) {
	return async function refuseEmptyPathValue(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		checkPathValues(displayNamesByParameter, (name) => this.getNodeParameter(name, null), this.getNode(), this.getItemIndex());
		return requestOptions;
	};
}
