import type { DeclarativeRestApiSettings, INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { refuseValuesOutsideOptions } from '../../shared/validation/optionValues';
import { JSON_API_REQUEST_DEFAULTS } from '../../shared/transport/jsonApiRequestDefaults';
import { readAfostoResponse } from './responses';

/**
 * The Afosto API reference types list parameters `string[]` without a format: they go as repeated keys
 * (`codes=A1&codes=B2`), which servers read as a list, rather than `codes[0]=A1`.
 */
export const AFOSTO_REQUEST_DEFAULTS: DeclarativeRestApiSettings.HttpRequestOptions = {
	...JSON_API_REQUEST_DEFAULTS,
	arrayFormat: 'repeat',
};

/**
 * What every request of an Afosto node does: dropdown values from expressions checked against
 * the node's lists, and Afosto's answer read. `getProperties` is read on first use.
 */
export function afostoRouting(getProperties: () => INodeProperties[]): INodePropertyRouting {
	return {
		send: { preSend: [refuseValuesOutsideOptions(getProperties)] },
		output: { postReceive: [readAfostoResponse] },
	};
}

