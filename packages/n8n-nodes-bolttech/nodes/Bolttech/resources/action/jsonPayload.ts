import type { IDataObject } from 'n8n-workflow';

import { parseJsonObject } from '../../../shared/validation/jsonObjectParameter';
import type { RequestItem } from './actionRequest';

/** Field name of the free JSON payload shared by the document and custom actions. */
export const PAYLOAD_JSON_FIELD = 'payloadJson';

/**
 * Puts the "Payload (JSON)" field into `body.payload`, refusing text that does not parse or that
 * is not a JSON object before anything is sent.
 */
export function setPayloadFromJson(body: IDataObject, { node, itemIndex, parameter }: RequestItem): void {
	body.payload = parseJsonObject(node, itemIndex, parameter(PAYLOAD_JSON_FIELD), 'Payload (JSON)', '{"document_number": "X1234567"}');
}
