import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { SERVICE_TYPES } from '../transport/operationRequest';

const SERVICE_TYPE_NAMES: Record<string, string> = {
	applewatch: 'Apple Watch',
	datasharing: 'Data Sharing',
	deviceinsurance: 'Device Insurance',
	mobile: 'Mobile',
	multisim: 'Multi-SIM',
	security: 'Security',
	tv: 'TV',
};

/** The field that fills a path's `{service_type}` (see masStackPath). */
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

/** The field that fills a path's `{service_id}` (see masStackPath). */
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
