import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	IHttpRequestMethods,
	INode,
	INodeProperties,
} from 'n8n-workflow';

import { parseJsonObject } from '../../shared/validation/jsonObjectParameter';
import { fillPath } from '../../shared/transport/requestPath';
import type { PathPlaceholder } from '../../shared/transport/requestPath';
import { checkOptionValues } from '../../shared/validation/optionValues';
import type { AllowedOptionValues } from '../../shared/validation/optionValues';
import { checkedBodyOf, enumValue, requiredText, shownProperties } from '../../shared/validation/valueChecks';
import { callbackUrlBody } from '../callbacks/callbackUrls';
import type { CallbackOperation, CallbackUrls } from '../callbacks/callbackUrls';
import { correlationIdFor } from './everyRequest';

/**
 * An operation's request, described once (a MasStackRequest, in the operation's own file) and
 * sent by the MasStack node's execute() through masStackRequestOf, which reads the description
 * in the order n8n's routing read it when the node was declarative, so each request goes out
 * byte for byte as it did:
 *   1. the dropdown values checked (checkOptionValues), the Request-Correlation-Id (correlationIdFor);
 *   2. the path filled from its template (masStackPath);
 *   3. the body: every shown field's value at its wire name, then the operation's JSON objects
 *      and its checks across fields, then each field's own check (checkedBodyOf, sendChecked);
 *   then MasStack's answer is read (masStackItemOf, everyRequest.ts).
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

/** The item a request is built for, as a check across fields needs it to name what it refuses. */
export interface RequestItem {
	node: INode;
	itemIndex: number;
	timezone: string;
}

/** A check across fields of a body: refuses the item (invalidInput) or lets it pass, possibly reshaping the body. */
export type BodyCheck = (body: IDataObject, item: RequestItem) => void;

/** An operation's request, as the MasStack partner API v2 and v3 documents give it. */
export interface MasStackRequest {
	method: IHttpRequestMethods;
	/** The documents' path template; PATH_PLACEHOLDERS names the field that fills each placeholder. */
	path: string;
	/** The fields only this operation shows: each body field's routing (sendChecked) names its wire property and its check. */
	fields?: INodeProperties[];
	/** JSON fields sent whole as objects, after the fields' values. */
	jsonObjects?: JsonObjectField[];
	/** Checks across fields, run before each field's own check. */
	checks?: BodyCheck[];
	/** An operation MasStack answers with 202 and a callback: the MasStack Trigger's name for it. */
	callbackOperation?: CallbackOperation;
}

/** An operation that MasStack answers later, at callback URLs. */
export type CallbackOperationRequest = MasStackRequest & { callbackOperation: CallbackOperation };

/** One operation of a resource: the option its Operation list shows and its request. */
export interface MasStackOperation {
	name: string;
	value: string;
	action: string;
	description?: string;
	request: MasStackRequest;
}

/** A resource's Operation list, from its operations. */
export function operationField(resource: string, defaultOperation: string, operations: MasStackOperation[]): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		default: defaultOperation,
		options: operations.map(({ name, value, action, description }) => ({ name, value, action, ...(description ? { description } : {}) })),
	};
}

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

/** A MasStack request ready to send, and what identifies it. */
export interface MasStackRequestToSend {
	method: IHttpRequestMethods;
	path: string;
	/** Absent when there is nothing to send: n8n's routing sent no body then either. */
	body?: IDataObject;
	correlationId: string;
	/** The service a callback will name, when known before the callback: the path's, or the new service's. */
	serviceId?: string;
}

/** How one item's request is built: the node's dropdowns and fields, and the callback URLs when waiting. */
export interface RequestBuilding {
	allowedValues: AllowedOptionValues;
	properties: INodeProperties[];
	/** This execution's resume URLs, when the node waits for the callback. */
	callbackUrls?: CallbackUrls;
}

/**
 * Waiting sends to v2: v2 takes the callback URLs in the body, v3 calls back the URL agreed with
 * MasStack, which cannot be this execution's.
 */
const WAITING_API_VERSION = 'v2';

/**
 * One item's request from its operation's description (see the top of this file). When waiting,
 * the path is v2's and this execution's callback URLs come first in the body, where the hidden
 * Callback URL fields would have put theirs.
 */
export function masStackRequestOf(
	context: IExecuteFunctions,
	request: MasStackRequest,
	itemIndex: number,
	{ allowedValues, properties, callbackUrls }: RequestBuilding,
): MasStackRequestToSend {
	const node = context.getNode();
	const readParameter = (name: string) =>
		callbackUrls && name === PATH_PLACEHOLDERS.api_version.parameter ? WAITING_API_VERSION : (context.getNodeParameter(name, itemIndex, null) as unknown);
	checkOptionValues(allowedValues, readParameter, node, itemIndex);
	const run = { executionId: context.getExecutionId(), nodeId: node.id, runIndex: context.getWorkflowDataProxy(itemIndex).$runIndex, itemIndex };
	const correlationId = correlationIdFor(node, run, context.getNodeParameter('options.correlationId', itemIndex, ''));
	const path = masStackPath(request.path, readParameter, node, itemIndex);
	const item: RequestItem = { node, itemIndex, timezone: context.getTimezone() };
	const fieldsBody = checkedBodyOf(context, shownProperties(context, properties), itemIndex, (body) => {
		for (const { parameter, displayName, property, example } of request.jsonObjects ?? []) {
			body[property] = parseJsonObject(node, itemIndex, context.getNodeParameter(parameter, itemIndex, null), displayName, example);
		}
		for (const check of request.checks ?? []) check(body, item);
	});
	const body = callbackUrls ? { ...callbackUrlBody(callbackUrls), ...fieldsBody } : fieldsBody;
	const serviceId = request.path.includes('{service_id}')
		? requiredText(readParameter(PATH_PLACEHOLDERS.service_id.parameter), PATH_PLACEHOLDERS.service_id.displayName, node, itemIndex)
		: (body.service_id as string | undefined);
	const sendsBody = request.method !== 'GET' && Object.keys(body).length > 0;
	return { method: request.method, path, ...(sendsBody ? { body } : {}), correlationId, serviceId };
}
