import { PAYLOAD_JSON_FIELD, setPayloadFromJson } from './jsonPayload';
import { actionRequest } from './actionRequest';
import type { BolttechOperation } from './actionRequest';

export const validateDocument: BolttechOperation = {
	option: {
		name: 'Validate Document',
		value: 'validateDocument',
		action: 'Validate document',
		description: 'Run the document_validation action',
	},
	request: actionRequest('document_validation'),
	buildBody: setPayloadFromJson,
	fields: [
		{
			displayName: 'Payload (JSON)',
			name: PAYLOAD_JSON_FIELD,
			type: 'json',
			default: '{\n  "document_type": "",\n  "document_number": ""\n}',
			required: true,
			// The bolttech Actions API names the action but not its payload: it is agreed per partner.
			description:
				'The document data as your bolttech integration guide defines it; sent as "payload"',
			displayOptions: { show: { resource: ['action'], operation: ['validateDocument'] } },
		},
	],
};
