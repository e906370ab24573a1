import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { throwPartnerErrors } from '../../shared/transport/partnerError';

const throwAfostoErrors = throwPartnerErrors('Afosto');

/**
 * postReceive: Afosto's `{code, message, reference, errors}` becomes the n8n error (the Afosto API reference);
 * a list becomes one item per entry, as n8n does for declarative nodes without postReceive. The
 * pages of paged lists are read by their paginator (followPageCursor), not here.
 */
export async function readAfostoResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	items = await throwAfostoErrors.call(this, items, response);
	if (!Array.isArray(response.body)) return items;
	return (response.body as IDataObject[]).map((json) => ({ json }));
}
