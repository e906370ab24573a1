import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../shared/invalidInput';
import { sendJsonObject } from '../../../shared/jsonObjectParameter';
import { isEmptyValue } from '../../../shared/valueChecks';
import { masStackRouting, serviceIdField, serviceTypeField } from '../../transport/operationRequest';
import { createServiceFields } from './createService';
import { notifySimyoFields, updateNetflixFields } from './netflix';
import { updateDeviceFields } from './updateDevice';

const sendServiceDetails = sendJsonObject('serviceDetails', 'Service Details', 'service_details', '{"tariff": "T100"}');
const sendNewDeviceDetails = sendJsonObject(
	'newDeviceDetails',
	'New Device Details',
	'new_service_device_details',
	'{"iccid": "8934011234567890123"}',
);

/** preSend: a notification that says something; each of its fields checks its own value. */
async function checkSimyoNotification(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const body = (requestOptions.body ?? {}) as IDataObject;
	if (Object.values(body).every(isEmptyValue)) {
		throw invalidInput(this.getNode(), this.getItemIndex(), 'Change', 'is empty', 'Add the PAI, the Netflix Offer ID or the Change Date that Simyo should hear about.');
	}
	return requestOptions;
}

/**
 * The MasStack partner API v3 gives these two operations' parameters and bodies but neither methods nor paths:
 * they are the MasStack partner API v2's under /v3, without callback URLs in the body.
 */
const apiVersionPath = '/{api_version}/{service_type}';

export const serviceOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['service'] } },
	default: 'create',
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a service',
			description: 'Create a new service of a type; MasStack accepts it (202) and posts the result later',
			// The MasStack partner API v2's example posts to `/v2/applewatch/`, with the trailing slash.
			routing: masStackRouting('POST', `${apiVersionPath}/`, sendServiceDetails),
		},
		{
			name: 'Notify Simyo of Netflix Change',
			value: 'notifySimyo',
			action: 'Notify simyo about a netflix product change',
			routing: masStackRouting('POST', '/v2/netflix/{service_id}/simyo', checkSimyoNotification),
		},
		{
			name: 'Update Device',
			value: 'updateDevice',
			action: 'Update the device of a service',
			description: 'Replace a device of a service (e.g. SIM to eSIM); MasStack accepts it (202) and posts the result later',
			routing: masStackRouting('PATCH', `${apiVersionPath}/{service_id}/devices/{device_id}`, sendNewDeviceDetails),
		},
		{
			name: 'Update Netflix',
			value: 'updateNetflix',
			action: 'Update a netflix service',
			description: 'Move a Netflix service to another offer or plan',
			routing: masStackRouting('PATCH', '/v2/netflix/{service_id}'),
		},
	],
};

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
		displayOptions: { show: { resource: ['service'], operation: ['create', 'updateDevice'] } },
	},
	serviceTypeField({ resource: ['service'], operation: ['create', 'updateDevice'] }),
	serviceIdField({ resource: ['service'], operation: ['updateDevice', 'updateNetflix', 'notifySimyo'] }),
	...createServiceFields,
	...updateDeviceFields,
	...updateNetflixFields,
	...notifySimyoFields,
];
