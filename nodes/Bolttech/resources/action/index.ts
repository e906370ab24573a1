import type { INodeProperties } from 'n8n-workflow';

import { setPayloadFromJson } from './jsonPayload';
import { customActionFields } from './customAction';
import { validateDocumentFields } from './validateDocument';
import { buildImeiVerificationPayload, splitResultsPerImei, verifyImeisFields } from './verifyImeis';

const actionRequest = (actionId?: string) => ({
	method: 'POST' as const,
	url: '/actions',
	body: actionId ? { configuration: { action_id: actionId } } : {},
});

export const actionOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['action'] } },
	default: 'verifyImeis',
	options: [
		{
			name: 'Custom Action',
			value: 'customAction',
			action: 'Trigger a custom action',
			description: 'Trigger a partner-exclusive action by its ID with your own payload',
			routing: {
				request: actionRequest(),
				send: { preSend: [setPayloadFromJson] },
			},
		},
		{
			name: 'Validate Document',
			value: 'validateDocument',
			action: 'Validate a document',
			description: 'Run the document_validation action',
			routing: {
				request: actionRequest('document_validation'),
				send: { preSend: [setPayloadFromJson] },
			},
		},
		{
			name: 'Verify IMEIs',
			value: 'verifyImeis',
			action: 'Verify a list of device identifiers',
			description: 'Look up one or many IMEIs and return the device models of each',
			routing: {
				request: actionRequest('imei_verification'),
				send: { preSend: [buildImeiVerificationPayload] },
				output: { postReceive: [splitResultsPerImei] },
			},
		},
	],
};

export const actionFields: INodeProperties[] = [
	...verifyImeisFields,
	...validateDocumentFields,
	...customActionFields,
];
