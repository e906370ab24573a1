import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseJsonObject } from '../shared/jsonObjectParameter';
import { checkedBodyOf, requiredText } from '../shared/valueChecks';
import { updateBarringFields } from '../MasStack/resources/barring/updateBarring';
import { createServiceFields } from '../MasStack/resources/service/createService';
import { updateDeviceFields } from '../MasStack/resources/service/updateDevice';
import { masStackPath, serviceIdField, serviceTypeField } from '../MasStack/transport/operationRequest';

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

/** The MasStack node's fields of these operations, without the callback URLs this node fills in. */
const withoutCallbackUrls = (fields: INodeProperties[]) => fields.filter((field) => !/^callback\w*(Url|Notice)$/.test(field.name));

const barringFields = withoutCallbackUrls(updateBarringFields);
const createFields = withoutCallbackUrls(createServiceFields);
const deviceFields = withoutCallbackUrls(updateDeviceFields);

/** The path from its template, filled and checked as the MasStack node does (see masStackPath). */
function pathOf(context: IExecuteFunctions, template: string): string {
	return masStackPath(template, (name) => context.getNodeParameter(name, 0, null), context.getNode(), 0);
}

/** The service id the path carries, for the identity of the outputs. */
function serviceIdOf(context: IExecuteFunctions): string {
	return requiredText(context.getNodeParameter('serviceId', 0, null), 'Service ID', context.getNode(), 0);
}

function jsonObjectField(context: IExecuteFunctions, name: string, displayName: string, example: string): IDataObject {
	return parseJsonObject(context.getNode(), 0, context.getNodeParameter(name, 0, null), displayName, example);
}

/**
 * The three operations of the MasStack partner API v2 that answer 202 and post their result to
 * callback URLs. Their bodies come from the MasStack node's own fields, with the same checks.
 */
export const ASYNC_OPERATIONS: Record<string, AsyncOperation> = {
	'barring.update': {
		callbackOperation: 'barringUpdate',
		request: (context, callbackUrls) => ({
			method: 'PATCH',
			path: pathOf(context, '/v2/{service_type}/{service_id}/barrings'),
			body: { ...callbackUrls, ...checkedBodyOf(context, barringFields, 0) },
			serviceId: serviceIdOf(context),
		}),
	},
	'service.create': {
		callbackOperation: 'serviceCreation',
		request: (context, callbackUrls) => {
			// The MasStack partner API v2's example posts to `/v2/applewatch/`, with the trailing slash.
			const path = pathOf(context, '/v2/{service_type}/');
			const body = checkedBodyOf(context, createFields, 0);
			return {
				method: 'POST',
				path,
				body: {
					...callbackUrls,
					...body,
					service_details: jsonObjectField(context, 'serviceDetails', 'Service Details', '{"tariff": "T100"}'),
				},
				serviceId: body.service_id as string | undefined,
			};
		},
	},
	'service.updateDevice': {
		callbackOperation: 'deviceUpdate',
		request: (context, callbackUrls) => ({
			method: 'PATCH',
			path: pathOf(context, '/v2/{service_type}/{service_id}/devices/{device_id}'),
			body: {
				...callbackUrls,
				...checkedBodyOf(context, deviceFields, 0),
				new_service_device_details: jsonObjectField(context, 'newDeviceDetails', 'New Device Details', '{"iccid": "8934011234567890123"}'),
			},
			serviceId: serviceIdOf(context),
		}),
	},
};

export const asyncOperationFields: INodeProperties[] = [
	serviceTypeField({ resource: ['barring', 'service'] }),
	serviceIdField({ resource: ['barring'] }),
	serviceIdField({ resource: ['service'], operation: ['updateDevice'] }),
	...barringFields,
	...createFields,
	...deviceFields,
];
