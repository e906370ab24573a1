import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData, INodeProperties } from 'n8n-workflow';

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

/** An answer without content: no body at all, or empty text or bytes. */
const isEmptyBody = (body: unknown) =>
	body === undefined || body === null || body === '' || (Buffer.isBuffer(body) && body.length === 0);

/**
 * postReceive of the deletes Afosto answers with no content (204, the Afosto API reference):
 * the item says `{"deleted": true}`, so a workflow can tell what happened; an answer with content
 * is output as it is.
 */
export async function outputDeletedWhenEmpty(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (!isEmptyBody(response.body)) return items;
	return [{ json: { deleted: true } }];
}

/** Downloads: the binary field the file is put in (n8n's "Put Output File in Field"). */
export const OUTPUT_FILE_FIELD: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	description: 'Name of the output binary field to put the downloaded file in',
};
