import type { INodeProperties } from 'n8n-workflow';

import type { MasStackOperation } from '../../transport/operationRequest';
import { operationField, serviceIdField, serviceTypeField } from '../../transport/operationRequest';
import { createServiceFields, createServiceRequest } from './createService';
import { notifySimyoFields, notifySimyoRequest, updateNetflixFields, updateNetflixRequest } from './netflix';
import { updateDeviceFields, updateDeviceRequest } from './updateDevice';

export const serviceOperationList: MasStackOperation[] = [
	{
		name: 'Create',
		value: 'create',
		action: 'Create service',
		description: 'Create a new service of a type; MasStack accepts it (202) and posts the result later',
		request: createServiceRequest,
	},
	{
		name: 'Notify Simyo of Netflix Change',
		value: 'notifySimyo',
		action: 'Notify simyo of netflix product change',
		request: notifySimyoRequest,
	},
	{
		name: 'Update Device',
		value: 'updateDevice',
		action: 'Update device of service',
		description: 'Replace a device of a service (e.g. SIM to eSIM); MasStack accepts it (202) and posts the result later',
		request: updateDeviceRequest,
	},
	{
		name: 'Update Netflix',
		value: 'updateNetflix',
		action: 'Update netflix service',
		description: 'Move a Netflix service to another offer or plan',
		request: updateNetflixRequest,
	},
];

export const serviceOperations = operationField('service', 'create', serviceOperationList);

export const serviceFields: INodeProperties[] = [
	{
		displayName: 'API Version',
		name: 'apiVersion',
		type: 'options',
		options: [
			{ name: 'V2 (Callbacks to the URLs Given Here)', value: 'v2' },
			{ name: 'V3 (Callbacks to the URL Agreed With MasStack)', value: 'v3' },
		],
		default: 'v2',
		description: 'Which MasStack API version receives the request',
		displayOptions: { show: { resource: ['service'], operation: ['create', 'updateDevice'], waitForCallback: [false] } },
	},
	serviceTypeField({ resource: ['service'], operation: ['create', 'updateDevice'] }),
	serviceIdField({ resource: ['service'], operation: ['updateDevice', 'updateNetflix', 'notifySimyo'] }),
	...createServiceFields,
	...updateDeviceFields,
	...updateNetflixFields,
	...notifySimyoFields,
];
