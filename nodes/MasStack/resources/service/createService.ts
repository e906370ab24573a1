import type { INodeProperties } from 'n8n-workflow';

import { bodyTextField } from '../../fields/bodyTextField';
import { callbackUrlFields } from '../../callbacks/callbackUrls';

const showOnlyForCreate = { resource: ['service'], operation: ['create'] };

export const createServiceFields: INodeProperties[] = [
	...callbackUrlFields({ ...showOnlyForCreate, apiVersion: ['v2'] }, 'Service'),
	{
		displayName: 'Service Details',
		name: 'serviceDetails',
		type: 'json',
		default: '{}',
		required: true,
		description: 'The new service as MasStack defines it for this service type (service_details), as a JSON object',
		displayOptions: { show: showOnlyForCreate },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForCreate },
		options: [
			bodyTextField('Service ID', 'newServiceId', 'service_id', 'The identifier to give the new service, when you choose it (e.g. the MSISDN)'),
		],
	},
];
