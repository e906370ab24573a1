import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { checkedFields } from './fieldTypes';
import type { FieldSpecs } from './fieldTypes';

/**
 * preSend: the query values checked against the types the Afosto API reference gives them
 * (checkedFields); a filter added but left empty is not sent, so no `?number=` goes out.
 */
export function sendCheckedQuery(queryFields: FieldSpecs) {
	return async function sendQuery(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		requestOptions.qs = checkedFields((requestOptions.qs ?? {}) as IDataObject, queryFields, this.getNode(), this.getItemIndex(), true);
		return requestOptions;
	};
}


/** "Additional Fields": an operation's optional query parameters (and its x-idempotency-key). */
export function additionalFields(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options };
}
