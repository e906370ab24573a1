import type { INodeProperties } from 'n8n-workflow';

import { requiredText, sendChecked } from '../../../shared/valueChecks';

export const removeDeviceFields: INodeProperties[] = [
	{
		displayName: 'Partner Device ID',
		name: 'partnerDeviceId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'DEV-SAMSUNG-S23-256-BLK',
		description: 'Your SKU for the device, as agreed with bolttech during onboarding',
		displayOptions: { show: { resource: ['catalog'], operation: ['removeDevice'] } },
		routing: sendChecked('payload.partner_device_id', 'Partner Device ID', requiredText),
	},
];
