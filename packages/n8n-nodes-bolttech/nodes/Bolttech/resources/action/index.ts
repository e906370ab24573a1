import type { INodeProperties } from 'n8n-workflow';

import { customAction } from './customAction';
import { validateDocument } from './validateDocument';
import { verifyImeis } from './verifyImeis';

export const actionOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['action'] } },
	default: 'verifyImeis',
	options: [customAction.option, validateDocument.option, verifyImeis.option],
};

export const actionFields: INodeProperties[] = [...verifyImeis.fields, ...validateDocument.fields, ...customAction.fields];
