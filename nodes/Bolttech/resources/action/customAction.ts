import type { INodeProperties } from 'n8n-workflow';

import { PAYLOAD_JSON_FIELD } from '../../shared/jsonPayload';

const showOnlyForCustomAction = { show: { resource: ['action'], operation: ['customAction'] } };

export const customActionFields: INodeProperties[] = [
	{
		displayName: 'Action ID',
		name: 'actionId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'partner_exclusive_action',
		description:
			'The action_id bolttech enabled for your account; actions missing from the public list are partner-exclusive',
		displayOptions: showOnlyForCustomAction,
		routing: { send: { type: 'body', property: 'configuration.action_id' } },
	},
	{
		displayName: 'Payload (JSON)',
		name: PAYLOAD_JSON_FIELD,
		type: 'json',
		default: '{}',
		required: true,
		description: 'The action\'s payload, sent as "payload"',
		displayOptions: showOnlyForCustomAction,
	},
];
