import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { itemRunOf, itemRunUuid } from '../../shared/transport/nameBasedUuid';
import { headerText } from './fieldTypes';
import { isBlank } from '../../shared/validation/valueChecks';

/**
 * preSend: the `x-idempotency-key` of the item's request: the user's, sent as given (text an HTTP
 * header carries unchanged, else refused), or, when left empty, one derived from the execution,
 * node, run and item, so n8n's "Retry On Fail" repeats the same key and Afosto does the order once.
 */
export async function sendIdempotencyKey(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const given = this.getNodeParameter('additionalFields.xIdempotencyKey', '');
	const key = isBlank(given)
		? itemRunUuid(itemRunOf(this), 'idempotency')
		: headerText(given, 'X Idempotency Key', this.getNode(), this.getItemIndex());
	requestOptions.headers = { ...requestOptions.headers, 'x-idempotency-key': key };
	return requestOptions;
}

