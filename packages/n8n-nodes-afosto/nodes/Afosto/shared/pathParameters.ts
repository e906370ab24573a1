import type { INodeProperties, PreSendAction } from 'n8n-workflow';

import { sendToPath } from '../../shared/transport/requestPath';
import type { PathPlaceholder } from '../../shared/transport/requestPath';

/** A `{placeholder}` of Afosto paths and the required field that fills it. */
export interface PathParameter {
	placeholder: string;
	field: INodeProperties;
}

/** The field for a path's `{placeholder}`: required text, checked and escaped when sent (sendToPath). */
export function pathParameter(
	placeholder: string,
	field: { displayName: string; name: string; description?: string },
): PathParameter {
	const { displayName, name, description } = field;
	return {
		placeholder,
		field: { displayName, name, type: 'string', required: true, default: '', ...(description ? { description } : {}) },
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
	return { url: template, fields: parameters.map(({ field }) => field), fill: sendToPath(template, placeholders) };
}
