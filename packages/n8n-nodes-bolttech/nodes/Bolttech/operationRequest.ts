import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import { checkedBodyOf, shownProperties } from '../shared/validation/valueChecks';
import type { BolttechOperation, RequestItem } from './resources/action/actionRequest';
import { payloadInKeyStyle, payloadKeyStyleOf, withCallbackUrl } from './resources/catalog/catalogAction';

/** A bolttech request ready to send. */
export interface BolttechRequestToSend {
	method: IHttpRequestMethods;
	path: string;
	body: IDataObject;
}

/** `over` put into `base` at every depth, `over` winning, keys in the order they first appear. */
function mergedBody(base: IDataObject, over: IDataObject): IDataObject {
	const merged: IDataObject = { ...base };
	for (const [key, value] of Object.entries(over)) {
		const below = merged[key];
		const bothObjects = [below, value].every((entry) => typeof entry === 'object' && entry !== null && !Array.isArray(entry));
		merged[key] = bothObjects ? mergedBody(below as IDataObject, value as IDataObject) : value;
	}
	return merged;
}

/** The item `itemIndex` as an operation's description reads it: its node, index and parameters. */
export function requestItemOf(context: IExecuteFunctions, itemIndex: number): RequestItem {
	return { node: context.getNode(), itemIndex, parameter: (name: string) => context.getNodeParameter(name, itemIndex, null) as unknown };
}

/**
 * One item's request from its operation's description, in the order n8n's routing built it when
 * the node was declarative, so each goes out byte for byte as it did: the body the request starts
 * from (the action id), every shown field's value at its wire name, the body built across fields
 * (buildBody), each field's own check, then a catalog payload in the chosen key style. When
 * waiting, `callbackUrl` (this execution's) is the configuration's callback URL.
 */
export function bolttechRequestOf(
	context: IExecuteFunctions,
	operation: BolttechOperation,
	properties: INodeProperties[],
	itemIndex: number,
	callbackUrl?: string,
): BolttechRequestToSend {
	const item = requestItemOf(context, itemIndex);
	const { node } = item;
	const fieldsBody = checkedBodyOf(context, shownProperties(context, properties), itemIndex, (body) => operation.buildBody?.(body, item));
	const body = mergedBody(structuredClone(operation.request.body), fieldsBody);
	if (context.getNodeParameter('resource', itemIndex) === 'catalog') {
		body.payload = payloadInKeyStyle((body.payload as IDataObject) ?? {}, payloadKeyStyleOf(context.getNodeParameter('payloadKeyStyle', itemIndex, 'snakeCase'), node, itemIndex));
	}
	if (callbackUrl) body.configuration = withCallbackUrl(body.configuration as IDataObject, callbackUrl);
	return { method: operation.request.method, path: operation.request.path, body };
}
