import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyMode, PreSendAction } from 'n8n-workflow';

import { fillPath } from '../../shared/transport/requestPath';
import type { PathPlaceholder } from '../../shared/transport/requestPath';

/** A `{placeholder}` of Afosto paths and the required field that fills it. */
export interface PathParameter {
	placeholder: string;
	field: INodeProperties;
}

/**
 * A record a user picks (an order, a contact…): "From List" searches Afosto's list of them with the
 * node's `methods.listSearch[searchListMethod]` (recordPickers.ts), "By ID" takes the ID ("By SKU"
 * the SKU).
 */
export interface RecordPicker {
	searchListMethod: string;
	/** The record as the field names it ("Order"). */
	displayName: string;
	/** What the field takes when it is not the record's ID: a SKU ("By SKU"). */
	key?: keyof typeof ENTERED_BY_KEY;
}

/**
 * The text mode beside From List, by what the path takes. n8n's editor labels a mode named `id`
 * "By ID" whatever its displayName, so a SKU's mode has a name of its own.
 */
const ENTERED_BY_KEY = {
	id: { displayName: 'By ID', name: 'id', placeholder: 'e.g. 8f1c7b52-4a2e-4d3b-9c61-0a7e5d2f4b19' },
	sku: { displayName: 'By SKU', name: 'sku', placeholder: 'e.g. TSHIRT-RED-M' },
} satisfies Record<string, Pick<INodePropertyMode, 'displayName' | 'name' | 'placeholder'>>;

/**
 * The field for a path's `{placeholder}`: required text, checked and escaped when sent (fillPath);
 * with a `picker`, a resource locator of the same name, so saved workflows, whose value is the
 * plain ID (or SKU), keep working (extractValue reads either).
 */
export function pathParameter(
	placeholder: string,
	field: { displayName: string; name: string; description?: string },
	picker?: RecordPicker,
): PathParameter {
	const { displayName, name, description } = field;
	const described = description ? { description } : {};
	if (!picker) return { placeholder, field: { displayName, name, type: 'string', required: true, default: '', ...described } };
	return {
		placeholder,
		field: {
			displayName: picker.displayName,
			name,
			type: 'resourceLocator',
			required: true,
			default: { mode: 'list', value: '' },
			...described,
			modes: [
				{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: picker.searchListMethod, searchable: true } },
				{ ...ENTERED_BY_KEY[picker.key ?? 'id'], type: 'string' },
			],
		},
	};
}

/**
 * preSend: the request's URL is the template filled with the item's values, or the item is refused
 * before anything is sent (nodes/shared/transport/requestPath.ts). A resource locator gives its
 * value (`extractValue`), a plain field or a saved workflow's plain ID is read as it is.
 */
function sendToFilledPath(template: string, placeholders: Record<string, PathPlaceholder>): PreSendAction {
	return async function sendToPath(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const valueOf = (parameter: string) => this.getNodeParameter(parameter, null, { extractValue: true });
		requestOptions.url = fillPath(template, placeholders, valueOf, this.getNode(), this.getItemIndex());
		return requestOptions;
	};
}

/** An operation's path: the URL template, the fields that fill it, and the preSend that does. */
export interface AfostoPath {
	/** The readable template (`/odr/orders/{id}`), which n8n shows; `fill` replaces it. */
	url: string;
	fields: INodeProperties[];
	fill: PreSendAction;
}

/**
 * The path of an operation such as `/odr/orders/{id}/accept` with the parameters that fill its
 * placeholders: the request's URL is the filled path, or the item is refused before anything is
 * sent (nodes/shared/requestPath.ts).
 */
export function afostoPath(template: string, ...parameters: PathParameter[]): AfostoPath {
	const placeholders: Record<string, PathPlaceholder> = {};
	for (const { placeholder, field } of parameters) placeholders[placeholder] = { parameter: field.name, displayName: field.displayName };
	for (const [, name] of template.matchAll(/\{([^{}]+)\}/g)) {
		if (!Object.hasOwn(placeholders, name)) throw new Error(`The path ${template} has no parameter for {${name}}`);
	}
	return { url: template, fields: parameters.map(({ field }) => field), fill: sendToFilledPath(template, placeholders) };
}
