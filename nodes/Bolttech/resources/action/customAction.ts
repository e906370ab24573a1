import type { INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../shared/invalidInput';
import { requiredText, sendChecked } from '../../../shared/valueChecks';
import type { ValueCheck } from '../../../shared/valueChecks';
import { PAYLOAD_JSON_FIELD } from './jsonPayload';

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
];
