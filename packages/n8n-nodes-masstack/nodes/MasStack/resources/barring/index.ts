import type { INodeProperties } from 'n8n-workflow';

import { operationField, serviceIdField, serviceTypeField } from '../../transport/operationRequest';
import type { MasStackOperation, MasStackRequest } from '../../transport/operationRequest';
import { updateBarringFields, updateBarringRequest } from './updateBarring';

/** Get Barrings' request (the MasStack partner API v2). */
const getBarringsRequest: MasStackRequest = { method: 'GET', path: '/v2/{service_type}/{service_id}/barrings' };

export const barringOperationList: MasStackOperation[] = [
	{
		name: 'Get',
		value: 'get',
		action: 'Get barrings of service',
		description: 'List the barrings applied to a service',
		request: getBarringsRequest,
	},
	{
		name: 'Update',
		value: 'update',
		action: 'Update barring of service (changes what the line can do)',
		description: 'Switch one barring on or off; MasStack accepts it (202) and posts the result to the callback URLs',
		request: updateBarringRequest,
	},
];

export const barringOperations = operationField('barring', 'get', barringOperationList);

const showForBarrings = { resource: ['barring'] };

export const barringFields: INodeProperties[] = [
	serviceTypeField(showForBarrings),
	serviceIdField(showForBarrings),
	...updateBarringFields,
];
