import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseJsonObject } from '../shared/jsonObjectParameter';
import { updateBarringFields } from '../MasStack/resources/barring/updateBarring';
import { createServiceFields } from '../MasStack/resources/service/createService';
import { updateDeviceFields } from '../MasStack/resources/service/updateDevice';
import { serviceIdField, serviceTypeField } from '../MasStack/shared/servicePath';

/** The request of an asynchronous MasStack operation (the MasStack partner API v2), callback URLs included. */
export interface AsyncRequest {
	method: 'PATCH' | 'POST';
	path: string;
	body: IDataObject;
	/** The service the callback will name, when known before the callback. */
	serviceId?: string;
}

export interface AsyncOperation {
	/** The MasStack Trigger's name for the operation, which outputs carry too. */
	callbackOperation: string;
	request: (context: IExecuteFunctions, callbackUrls: IDataObject) => AsyncRequest;
}

function text(context: IExecuteFunctions, name: string): string {
	return String(context.getNodeParameter(name, 0, '') ?? '').trim();
}

function segment(context: IExecuteFunctions, name: string): string {
	return encodeURIComponent(text(context, name));
}

/** The three operations of the MasStack partner API v2 that answer 202 and post their result to callback URLs. */
export const ASYNC_OPERATIONS: Record<string, AsyncOperation> = {
	'barring.update': {
		callbackOperation: 'barringUpdate',
		request: (context, callbackUrls) => ({
			method: 'PATCH',
			path: `/v2/${segment(context, 'serviceType')}/${segment(context, 'serviceId')}/barrings`,
			body: {
				...callbackUrls,
				active: context.getNodeParameter('active', 0) as boolean,
				barring_name: text(context, 'barringName'),
			},
			serviceId: text(context, 'serviceId'),
		}),
	},
	'service.create': {
		callbackOperation: 'serviceCreation',
		request: (context, callbackUrls) => {
			const serviceId = String(context.getNodeParameter('additionalFields.newServiceId', 0, '') ?? '').trim();
			return {
				method: 'POST',
				// The MasStack partner API v2's example posts to `/v2/applewatch/`, with the trailing slash.
				path: `/v2/${segment(context, 'serviceType')}/`,
				body: {
					...callbackUrls,
					...(serviceId ? { service_id: serviceId } : {}),
					service_details: parseJsonObject(context.getNode(), 0, context.getNodeParameter('serviceDetails', 0), 'Service Details', '{"tariff": "T100"}'),
				},
				serviceId: serviceId || undefined,
			};
		},
	},
	'service.updateDevice': {
		callbackOperation: 'deviceUpdate',
		request: (context, callbackUrls) => ({
			method: 'PATCH',
			path: `/v2/${segment(context, 'serviceType')}/${segment(context, 'serviceId')}/devices/${segment(context, 'deviceId')}`,
			body: {
				...callbackUrls,
				category: text(context, 'category'),
				new_service_device_details: parseJsonObject(
					context.getNode(),
					0,
					context.getNodeParameter('newDeviceDetails', 0),
					'New Device Details',
					'{"iccid": "8934011234567890123"}',
				),
			},
			serviceId: text(context, 'serviceId'),
		}),
	},
};

/** The MasStack node's fields of these operations, without the callback URLs this node fills in. */
const withoutCallbackUrls = (fields: INodeProperties[]) => fields.filter((field) => !/^callback\w*(Url|Notice)$/.test(field.name));

export const asyncOperationFields: INodeProperties[] = [
	serviceTypeField({ resource: ['barring', 'service'] }),
	serviceIdField({ resource: ['barring'] }),
	serviceIdField({ resource: ['service'], operation: ['updateDevice'] }),
	...withoutCallbackUrls(updateBarringFields),
	...withoutCallbackUrls(createServiceFields),
	...withoutCallbackUrls(updateDeviceFields),
];
