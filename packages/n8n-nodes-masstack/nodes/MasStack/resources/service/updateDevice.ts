import type { INodeProperties } from 'n8n-workflow';

import { enumValue, sendChecked } from '../../../shared/validation/valueChecks';
import { callbackUrlFields } from '../../callbacks/callbackUrls';
import type { CallbackOperationRequest } from '../../transport/operationRequest';

/** The MasStack partner API v3 and v2 documents' device `category` enum. */
export const DEVICE_CATEGORIES = [
	{ name: 'eSIM', value: 'eSIM' },
	{ name: 'Other', value: 'OTHER' },
	{ name: 'PBX', value: 'PBX' },
	{ name: 'Router', value: 'ROUTER' },
	{ name: 'Set-Top Box (STB)', value: 'STB' },
	{ name: 'SIM', value: 'SIM' },
	{ name: 'Smartphone', value: 'SMARTPHONE' },
	{ name: 'Smartwatch', value: 'SMARTWATCH' },
	{ name: 'Tablet', value: 'TABLET' },
	{ name: 'Wi-Fi Extender', value: 'WIFI_EXTENDER' },
];

const showOnlyForUpdateDevice = { resource: ['service'], operation: ['updateDevice'] };

export const updateDeviceFields: INodeProperties[] = [
	{
		displayName: 'Device ID',
		name: 'deviceId',
		type: 'string',
		default: '',
		required: true,
		description: 'The device of the service to replace, e.g. the current SIM',
		displayOptions: { show: showOnlyForUpdateDevice },
	},
	{
		displayName: 'Category',
		name: 'category',
		type: 'options',
		options: DEVICE_CATEGORIES,
		default: 'eSIM',
		required: true,
		description: 'The kind of device',
		displayOptions: { show: showOnlyForUpdateDevice },
		routing: sendChecked('category', 'Category', enumValue(DEVICE_CATEGORIES.map((category) => category.value))),
	},
	{
		displayName: 'New Device Details',
		name: 'newDeviceDetails',
		type: 'json',
		default: '{}',
		required: true,
		description: 'The new device as MasStack defines it for this category (new_service_device_details), as a JSON object',
		displayOptions: { show: showOnlyForUpdateDevice },
	},
	...callbackUrlFields({ ...showOnlyForUpdateDevice, apiVersion: ['v2'] }, 'deviceUpdate'),
];

/**
 * Update Device's request; like Create Service, the MasStack partner API v3's is the MasStack partner
 * API v2's under /v3, without callback URLs in the body.
 */
export const updateDeviceRequest: CallbackOperationRequest = {
	method: 'PATCH',
	path: '/{api_version}/{service_type}/{service_id}/devices/{device_id}',
	fields: updateDeviceFields,
	jsonObjects: [
		{
			parameter: 'newDeviceDetails',
			displayName: 'New Device Details',
			property: 'new_service_device_details',
			example: '{"iccid": "8934011234567890123"}',
		},
	],
	callbackOperation: 'deviceUpdate',
};
