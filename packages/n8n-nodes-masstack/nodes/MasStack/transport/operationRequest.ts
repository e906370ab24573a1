import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INode,
	INodeProperties,
	INodePropertyRouting,
	PreSendAction,
} from 'n8n-workflow';

import { parseJsonObject, sendJsonObject } from '../../shared/validation/jsonObjectParameter';
import { fillPath } from '../../shared/transport/requestPath';
import type { PathPlaceholder } from '../../shared/transport/requestPath';
import { checkedBodyOf, enumValue, requiredText } from '../../shared/validation/valueChecks';
import { callbackUrlBody, withoutCallbackUrlFields } from '../callbacks/callbackUrls';
import type { CallbackOperation, CallbackUrls } from '../callbacks/callbackUrls';

/**
 * An operation's own request, for both nodes that send it. Each operation describes its request
 * once (a MasStackRequest, in the operation's own file); the MasStack node's routing
 * (masStackRouting) and the MasStack Async node's request (asyncRequestOf) are built from that
 * description here, with the path filled from its template by the fields that fill it.
 *
 * What n8n runs for one item of the MasStack node, in this order:
 *   1. everyMasStackRequest (everyRequest.ts; on the resource dropdown, so on every operation):
 *      dropdown values checked (refuseUnlistedOptionValues), the Request-Correlation-Id header
 *      (sendCorrelationId);
 *   2. masStackRouting (here; on the operation): the path filled from its template
 *      (sendToFilledMasStackPath), then the operation's JSON objects and checks;
 *   3. each field's own check (sendChecked, in the field's routing);
 *   4. the Options field's: timeout, Content-Type (declarativeOptionsField);
 *   then MasStack's answer is read (readMasStackResponse, everyRequest.ts).
 */

/** A JSON field sent whole, as an object, at a wire property of the body. */
export interface JsonObjectField {
	parameter: string;
	displayName: string;
	/** Where the object goes in the body (the partner document's name). */
	property: string;
	/** An example the error message shows when the field is not a JSON object. */
	example: string;
}

/** An operation's request, as the MasStack partner API v2 and v3 documents give it. */
export interface MasStackRequest {
	method: IHttpRequestMethods;
	/** The documents' path template; PATH_PLACEHOLDERS names the field that fills each placeholder. */
	path: string;
	/**
	 * The fields only this operation shows: each body field's routing (sendChecked) names its wire
	 * property and its check, for the MasStack node and for MasStack Async alike.
	 */
	fields?: INodeProperties[];
	/** JSON fields sent whole as objects, after the fields' values. */
	jsonObjects?: JsonObjectField[];
	/** Checks across fields (preSends); n8n runs them before each field's own check. */
	checks?: PreSendAction[];
	/** An operation MasStack answers with 202 and a callback: the MasStack Trigger's name for it. */
	callbackOperation?: CallbackOperation;
}

/** An operation that MasStack answers later, at callback URLs: what MasStack Async sends. */
export type CallbackOperationRequest = MasStackRequest & { callbackOperation: CallbackOperation };

/** The MasStack partner API v3's serviceTypeDTO; the MasStack partner API v2 uses the same `{service_type}` path segment. */
const SERVICE_TYPES = ['multisim', 'security', 'tv', 'datasharing', 'mobile', 'applewatch', 'deviceinsurance'];

/** The placeholders of MasStack's path templates (the partner documents' own names) and the fields that fill them. */
const PATH_PLACEHOLDERS: Record<string, PathPlaceholder> = {
	api_version: { parameter: 'apiVersion', displayName: 'API Version' },
	service_type: { parameter: 'serviceType', displayName: 'Service Type' },
	service_id: { parameter: 'serviceId', displayName: 'Service ID' },
	movement_id: { parameter: 'movementId', displayName: 'Movement ID' },
	promotion_id: { parameter: 'promotionId', displayName: 'Promotion ID' },
	device_id: { parameter: 'deviceId', displayName: 'Device ID' },
};

const SERVICE_TYPE_NAMES: Record<string, string> = {
	applewatch: 'Apple Watch',
	datasharing: 'Data Sharing',
	deviceinsurance: 'Device Insurance',
	mobile: 'Mobile',
	multisim: 'Multi-SIM',
	security: 'Security',
	tv: 'TV',
};

/** The field that fills a path's `{service_type}`. */
export function serviceTypeField(show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: PATH_PLACEHOLDERS.service_type.displayName,
		name: PATH_PLACEHOLDERS.service_type.parameter,
		type: 'options',
		options: SERVICE_TYPES.map((value) => ({ name: SERVICE_TYPE_NAMES[value], value })),
		default: 'mobile',
		required: true,
		description: 'The kind of service, as MasStack types it',
		displayOptions: { show },
	};
}

/** The field that fills a path's `{service_id}`. */
export function serviceIdField(show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: PATH_PLACEHOLDERS.service_id.displayName,
		name: PATH_PLACEHOLDERS.service_id.parameter,
		type: 'string',
		default: '',
		required: true,
		placeholder: '612123456',
		description: 'The service identifier; for mobile lines, the MSISDN',
		displayOptions: { show },
	};
}

const serviceTypeValue = enumValue(SERVICE_TYPES);

/**
 * A MasStack path from its template (`/v2/{service_type}/{service_id}/barrings`), each value put
 * in by fillPath (refused when empty, a dot segment, an object or a list) and the service type
 * checked against serviceTypeDTO, so a request goes to the path the user meant or not at all.
 */
export function masStackPath(template: string, readParameter: (name: string) => unknown, node: INode, itemIndex: number): string {
	return fillPath(
		template,
		PATH_PLACEHOLDERS,
		(parameter) => {
			const value = readParameter(parameter);
			const { parameter: serviceType, displayName } = PATH_PLACEHOLDERS.service_type;
			return parameter === serviceType ? serviceTypeValue(value, displayName, node, itemIndex, '') : value;
		},
		node,
		itemIndex,
	);
}

/** preSend: sets the request's URL from a MasStack path template (see masStackPath). */
function sendToMasStackPath(template: string): PreSendAction {
	return async function sendToFilledMasStackPath(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		requestOptions.url = masStackPath(template, (name) => this.getNodeParameter(name, null), this.getNode(), this.getItemIndex());
		return requestOptions;
	};
}

/**
 * The MasStack node's routing of an operation: its method and path template, the path filled
 * before anything else is checked, then its JSON objects and its checks across fields.
 */
export function masStackRouting({ method, path, jsonObjects = [], checks = [] }: MasStackRequest): INodePropertyRouting {
	const sendJsonObjects = jsonObjects.map(({ parameter, displayName, property, example }) =>
		sendJsonObject(parameter, displayName, property, example),
	);
	return { request: { method, url: path }, send: { preSend: [sendToMasStackPath(path), ...sendJsonObjects, ...checks] } };
}

/** MasStack Async's request: the operation's description made into one request, callback URLs included. */
export interface AsyncRequest {
	method: IHttpRequestMethods;
	path: string;
	body: IDataObject;
	/** The service the callback will name, when known before the callback. */
	serviceId?: string;
}

/**
 * MasStack Async sends to v2: v2 takes the callback URLs in the body, v3 calls back the URL agreed
 * with MasStack, which cannot be this execution's.
 */
const ASYNC_API_VERSION = 'v2';

/**
 * MasStack Async's request of an operation, from the same description as the MasStack node's
 * routing: the path filled and checked as masStackPath does, the body from the operation's own
 * fields with their checks (checkedBodyOf) after this execution's callback URLs, then its JSON
 * objects. The service the callback names (its `service_id`) is the path's, or the new service's.
 */
export function asyncRequestOf(context: IExecuteFunctions, request: MasStackRequest, callbackUrls: CallbackUrls): AsyncRequest {
	const node = context.getNode();
	const readParameter = (name: string) => (name === PATH_PLACEHOLDERS.api_version.parameter ? ASYNC_API_VERSION : context.getNodeParameter(name, 0, null));
	const path = masStackPath(request.path, readParameter, node, 0);
	const body: IDataObject = { ...callbackUrlBody(callbackUrls), ...checkedBodyOf(context, withoutCallbackUrlFields(request.fields ?? []), 0) };
	for (const { parameter, displayName, property, example } of request.jsonObjects ?? []) {
		body[property] = parseJsonObject(node, 0, context.getNodeParameter(parameter, 0, null), displayName, example);
	}
	const serviceId = request.path.includes('{service_id}')
		? requiredText(readParameter(PATH_PLACEHOLDERS.service_id.parameter), PATH_PLACEHOLDERS.service_id.displayName, node, 0)
		: (body.service_id as string | undefined);
	return { method: request.method, path, body, serviceId };
}
