import type { INodeProperties } from 'n8n-workflow';

import { verifyImeiFields } from './verifyImei';

export const deviceOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['device'] } },
	default: 'verifyImei',
	options: [
		{
			name: 'Verify IMEI',
			value: 'verifyImei',
			action: 'Verify an IMEI',
			description: 'Check one IMEI against blacklists, stolen registries and manufacturer data',
			routing: { request: { method: 'POST', url: '/v4/verify/imei' } },
		},
	],
};

export const deviceFields: INodeProperties[] = [...verifyImeiFields];
