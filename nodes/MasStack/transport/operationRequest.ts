import type {
	IDisplayOptions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INode,
	INodeProperties,
	INodePropertyRouting,
	PreSendAction,
} from 'n8n-workflow';

import { fillPath } from '../../shared/requestPath';
import type { PathPlaceholder } from '../../shared/requestPath';
import { enumValue } from '../../shared/valueChecks';

/** The MasStack partner API v3's serviceTypeDTO; the MasStack partner API v2 uses the same `{service_type}` path segment. */
export const SERVICE_TYPES = ['multisim', 'security', 'tv', 'datasharing', 'mobile', 'applewatch', 'deviceinsurance'];

const SERVICE_TYPE_NAMES: Record<string, string> = {
	applewatch: 'Apple Watch',
	datasharing: 'Data Sharing',
	deviceinsurance: 'Device Insurance',
	mobile: 'Mobile',
	multisim: 'Multi-SIM',
	security: 'Security',
	tv: 'TV',
};

/** The placeholders of MasStack's path templates (the partner documents' own names) and the fields that fill them. */
const PATH_PLACEHOLDERS: Record<string, PathPlaceholder> = {
	api_version: { parameter: 'apiVersion', displayName: 'API Version' },
	service_type: { parameter: 'serviceType', displayName: 'Service Type' },
	service_id: { parameter: 'serviceId', displayName: 'Service ID' },
	movement_id: { parameter: 'movementId', displayName: 'Movement ID' },
	promotion_id: { parameter: 'promotionId', displayName: 'Promotion ID' },
	device_id: { parameter: 'deviceId', displayName: 'Device ID' },
};

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
			return parameter === 'serviceType' ? serviceTypeValue(value, 'Service Type', node, itemIndex, '') : value;
		},
		node,
		itemIndex,
	);
}

/** preSend: sets the request's URL from a MasStack path template (see masStackPath). */
export function sendToMasStackPath(template: string): PreSendAction {
	return async function sendToFilledMasStackPath(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		requestOptions.url = masStackPath(template, (name) => this.getNodeParameter(name, null), this.getNode(), this.getItemIndex());
		return requestOptions;
	};
}

/**
 * An operation's routing: its method and path template (the partner documents' own), the path
 * filled from the template before anything else is checked, then the operation's own preSends.
 */
export function masStackRouting(method: IHttpRequestMethods, pathTemplate: string, ...preSend: PreSendAction[]): INodePropertyRouting {
	return { request: { method, url: pathTemplate }, send: { preSend: [sendToMasStackPath(pathTemplate), ...preSend] } };
}

/** The path template of a request about one service: `/v2/{service_type}/{service_id}` and what follows. */
export function servicePath(rest: string, version = 'v2'): string {
	return `/${version}/{service_type}/{service_id}${rest}`;
}

export function serviceTypeField(show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Service Type',
		name: 'serviceType',
		type: 'options',
		options: SERVICE_TYPES.map((value) => ({ name: SERVICE_TYPE_NAMES[value], value })),
		default: 'mobile',
		required: true,
		description: 'The kind of service, as MasStack types it',
		displayOptions: { show },
	};
}

export function serviceIdField(show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Service ID',
		name: 'serviceId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '612123456',
		description: 'The service identifier; for mobile lines, the MSISDN',
		displayOptions: { show },
	};
}
