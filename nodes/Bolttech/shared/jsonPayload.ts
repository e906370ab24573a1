import { jsonParse } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { invalidInput } from '../../shared/invalidInput';

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
	const raw = this.getNodeParameter(PAYLOAD_JSON_FIELD) as unknown;
	const itemIndex = this.getItemIndex();
	let payload: unknown = raw;
	if (typeof raw === 'string') {
		try {
			payload = jsonParse(raw);
		} catch (error) {
			throw invalidInput(
				this.getNode(),
				itemIndex,
				'Payload (JSON)',
				`is not valid JSON (${(error as Error).message})`,
				'Enter a JSON object such as {"document_number": "X1234567"}, or map one with an expression.',
			);
		}
	}
	if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			'Payload (JSON)',
			'must be a JSON object',
			'bolttech expects "payload" to be an object; wrap lists in a named field.',
		);
	}
	(requestOptions.body as IDataObject).payload = payload as IDataObject;
	return requestOptions;
}
