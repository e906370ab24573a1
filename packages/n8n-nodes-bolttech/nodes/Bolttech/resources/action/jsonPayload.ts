import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { jsonObjectParameter } from '../../../shared/validation/jsonObjectParameter';

/** Field name of the free JSON payload shared by the document and custom actions. */
export const PAYLOAD_JSON_FIELD = 'payloadJson';

/**
 * Puts the "Payload (JSON)" field into `body.payload`, refusing text that does not parse or that
 * is not a JSON object before anything is sent.
 */
export async function setPayloadFromJson(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	(requestOptions.body as IDataObject).payload = jsonObjectParameter(
		this,
		PAYLOAD_JSON_FIELD,
		'Payload (JSON)',
		'{"document_number": "X1234567"}',
	);
	return requestOptions;
}
