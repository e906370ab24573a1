import type { INodeProperties } from 'n8n-workflow';

import { verifyImei } from './verifyImei';

export const deviceOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['device'] } },
	default: 'verifyImei',
	options: [verifyImei.option],
};

export const deviceFields: INodeProperties[] = [...verifyImei.fields];
