import { invalidInput } from '../../../shared/invalidInput';
import { requiredText, sendChecked } from '../../../shared/valueChecks';
import type { ValueCheck } from '../../../shared/valueChecks';
import { PAYLOAD_JSON_FIELD, setPayloadFromJson } from './jsonPayload';
import { actionRequest } from './actionRequest';
import type { ActionOperation } from './actionRequest';

/**
 * An action id as the bolttech Actions API spells them (GeneralActionEnum: imei_verification,
 * document_validation): lower-case words joined by underscores.
 */
const actionIdValue: ValueCheck<string> = (value, field, node, itemIndex) => {
	const actionId = requiredText(value, field, node, itemIndex);
	if (!/^[a-z0-9_]+$/.test(actionId)) {
		throw invalidInput(
			node,
			itemIndex,
			field,
			`"${actionId.length > 40 ? `${actionId.slice(0, 40)}…` : actionId}" is not an action id`,
			'bolttech action ids are lower-case words joined by underscores, e.g. imei_verification; use the id bolttech gave you.',
		);
	}
	return actionId;
};

const showOnlyForCustomAction = { show: { resource: ['action'], operation: ['customAction'] } };

export const customAction: ActionOperation = {
	option: {
		name: 'Custom Action',
		value: 'customAction',
		action: 'Trigger a custom action',
		description: 'Trigger a partner-exclusive action by its ID with your own payload',
		routing: {
			request: actionRequest(),
			send: { preSend: [setPayloadFromJson] },
		},
	},
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
