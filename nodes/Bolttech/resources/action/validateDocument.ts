import type { INodeProperties } from 'n8n-workflow';

import { PAYLOAD_JSON_FIELD } from './jsonPayload';

export const validateDocumentFields: INodeProperties[] = [
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
];
