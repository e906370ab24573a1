import { sendChecked } from '../../../shared/validation/valueChecks';
import { actionIdValue } from '../../valueChecks';
import { PAYLOAD_JSON_FIELD, setPayloadFromJson } from './jsonPayload';
import { actionRequest } from './actionRequest';
import type { BolttechOperation } from './actionRequest';

const showOnlyForCustomAction = { show: { resource: ['action'], operation: ['customAction'] } };

export const customAction: BolttechOperation = {
	option: {
		name: 'Custom Action',
		value: 'customAction',
		action: 'Run custom action',
		description: 'Trigger a partner-exclusive action by its ID with your own payload',
	},
	request: actionRequest(),
	buildBody: setPayloadFromJson,
	fields: [
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
			routing: sendChecked('configuration.action_id', 'Action ID', actionIdValue),
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
	],
};
