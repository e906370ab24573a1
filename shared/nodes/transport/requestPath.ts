import type { IExecuteSingleFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { invalidInput } from '../validation/invalidInput';

/** A `{placeholder}` of a path template: the node parameter that fills it and its display name. */
export interface PathPlaceholder {
	parameter: string;
	displayName: string;
	/** What to do about a refused value, when the user did not type it (a partner's header or answer). */
	fix?: string;
}

/**
 * One path segment from a user's value, escaped so it cannot change the path. Refused, naming item
 * and field, unless it is a finite number or a string that is non-empty after trimming and not "."
 * or "..": an empty segment would turn "view one" into "list all" (`/cat/groups/`), a dot segment
 * climbs the path (`/odr/orders/..` is `/odr`), and an object or list has no text form the
 * partner could read (`[object Object]`, `a,b`). Values a partner supplies (a task id header, an
 * upload signature) go through here too: `x-task-id: ..` would otherwise send the bearer token to
 * `/mes/` instead of `/mes/tasks/..`.
 */
export function pathSegment(
	value: unknown,
	displayName: string,
	node: INode,
	itemIndex: number,
	fix = `Enter the ${displayName}: it is part of the request's path.`,
): string {
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw invalidInput(node, itemIndex, displayName, `is ${value}, not an ID`, fix);
		return String(value);
	}
	if (typeof value !== 'string') {
		const got = value === null || value === undefined ? 'empty' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
		throw invalidInput(node, itemIndex, displayName, `is ${got}, not text`, fix);
	}
	const text = value.trim();
	if (text === '') throw invalidInput(node, itemIndex, displayName, 'is empty', fix);
	if (text === '.' || text === '..') throw invalidInput(node, itemIndex, displayName, `is "${text}", which would change the path`, fix);
	return encodeURIComponent(text);
}

/**
 * A path from a template such as `/cat/groups/{id}`, each `{placeholder}` filled by `valueOf`
 * through pathSegment. The one way this package puts a user's value into a URL. A placeholder's
 * name holds no brace (`[^{}]`), so a run of `{` without a `}` is read once, not again from each `{`.
 */
export function fillPath(
	template: string,
	placeholders: Record<string, PathPlaceholder>,
	valueOf: (parameter: string) => unknown,
	node: INode,
	itemIndex: number,
): string {
	return template.replace(/\{([^{}]+)\}/g, (_, name: string) => {
		const placeholder = Object.hasOwn(placeholders, name) ? placeholders[name] : undefined;
		if (!placeholder) throw new Error(`The path ${template} has no parameter for {${name}}`);
		return pathSegment(valueOf(placeholder.parameter), placeholder.displayName, node, itemIndex, placeholder.fix);
	});
}

/**
 * preSend of a declarative operation whose path carries user values: sets the request's URL from
 * the template, or refuses the item before anything is sent (see pathSegment).
 */
export function sendToPath(template: string, placeholders: Record<string, PathPlaceholder>) {
	return async function sendToFilledPath(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		requestOptions.url = fillPath(template, placeholders, (parameter) => this.getNodeParameter(parameter, null), this.getNode(), this.getItemIndex());
		return requestOptions;
	};
}
