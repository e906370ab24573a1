import type { IDisplayOptions, INode, INodeProperties } from 'n8n-workflow';

import { checkPathValues, refuseEmptyPathValues } from '../../shared/pathValues';

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

/** A path segment from a parameter, trimmed and escaped so a value cannot change the path. */
export function pathSegment(parameterName: string): string {
	return `{{ encodeURIComponent(String($parameter.${parameterName} ?? "").trim()) }}`;
}

/** The URL of a request about one service: `/v2/{service_type}/{service_id}` and what follows. */
export function servicePath(rest: string, version = 'v2'): string {
	return `=/${version}/{{ $parameter.serviceType }}/${pathSegment('serviceId')}${rest}`;
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

/** Display names of the parameters that become path segments. */
const PATH_PARAMETERS: Record<string, string> = {
	serviceId: 'Service ID',
	movementId: 'Movement ID',
	promotionId: 'Promotion ID',
	deviceId: 'Device ID',
};

/**
 * Refuses an empty path parameter (see checkPathValues): `/v2/mobile/{service_id}/barrings` would
 * otherwise become `/v2/mobile//barrings`.
 */
export function checkPathParameters(readParameter: (name: string) => unknown, node: INode, itemIndex: number): void {
	checkPathValues(PATH_PARAMETERS, readParameter, node, itemIndex);
}

/** preSend: see checkPathParameters. */
export const refuseEmptyPathParameters = refuseEmptyPathValues(PATH_PARAMETERS);
