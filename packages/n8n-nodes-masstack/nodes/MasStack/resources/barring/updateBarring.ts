import type { INodeProperties } from 'n8n-workflow';

import { booleanValue, enumValue, sendChecked } from '../../../shared/validation/valueChecks';
import { callbackUrlFields } from '../../callbacks/callbackUrls';
import type { CallbackOperationRequest } from '../../transport/operationRequest';

/** The MasStack partner API v2's barring_name enum, in its order. */
export const BARRING_NAMES = [
	'ROAMING',
	'INTERNATIONAL_DESTINATIONS',
	'OUTGOING_VOICE',
	'OUTGOING_SMS',
	'INCOMING_VOICE',
	'INCOMING_SMS',
	'INTERNET',
	'VOICE_PREMIUM_ENTERTAINMENT',
	'VOICE_PREMIUM_INFORMATION',
	'SMS_PREMIUM',
	'SUBSCRIPTION_PREMIUM',
];

function titleCase(wireName: string): string {
	return wireName
		.toLowerCase()
		.split('_')
		.map((word) => (word === 'sms' ? 'SMS' : word.charAt(0).toUpperCase() + word.slice(1)))
		.join(' ');
}

const showOnlyForUpdate = { resource: ['barring'], operation: ['update'] };

export const updateBarringFields: INodeProperties[] = [
	{
		displayName: 'Barring Name',
		name: 'barringName',
		type: 'options',
		options: BARRING_NAMES.map((value) => ({ name: titleCase(value), value })),
		default: 'ROAMING',
		required: true,
		description: 'The barring to switch on or off',
		displayOptions: { show: showOnlyForUpdate },
		routing: sendChecked('barring_name', 'Barring Name', enumValue(BARRING_NAMES)),
	},
	{
		displayName: 'Active',
		name: 'active',
		type: 'boolean',
		default: true,
		description: 'Whether the barring should be active (the service is barred) or lifted',
		displayOptions: { show: showOnlyForUpdate },
		routing: sendChecked('active', 'Active', booleanValue),
	},
	...callbackUrlFields(showOnlyForUpdate, 'barringUpdate'),
];

/**
 * Update Barring's request (the MasStack partner API v2): the MasStack node sends it with the URLs given,
 * or this execution's when waiting (Wait for Callback); MasStack answers 202 and posts the result to them.
 */
export const updateBarringRequest: CallbackOperationRequest = {
	method: 'PATCH',
	path: '/v2/{service_type}/{service_id}/barrings',
	fields: updateBarringFields,
	callbackOperation: 'barringUpdate',
};
