import type { INodeProperties } from 'n8n-workflow';

import { bodyTextField } from '../../fields/bodyTextField';
import { callbackUrlFields } from '../../callbacks/callbackUrls';
import type { CallbackOperationRequest } from '../../transport/operationRequest';

const showOnlyForCreate = { resource: ['service'], operation: ['create'] };

export const createServiceFields: INodeProperties[] = [
	...callbackUrlFields({ ...showOnlyForCreate, apiVersion: ['v2'] }, 'serviceCreation'),
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

/**
 * Create Service's request. The MasStack partner API v3 gives its parameters and body but neither
 * method nor path: it is the MasStack partner API v2's under /v3, without callback URLs in the body.
 * The MasStack partner API v2's example posts to `/v2/applewatch/`, with the trailing slash.
 */
export const createServiceRequest: CallbackOperationRequest = {
	method: 'POST',
	path: '/{api_version}/{service_type}/',
	fields: createServiceFields,
	jsonObjects: [{ parameter: 'serviceDetails', displayName: 'Service Details', property: 'service_details', example: '{"tariff": "T100"}' }],
	callbackOperation: 'serviceCreation',
};
