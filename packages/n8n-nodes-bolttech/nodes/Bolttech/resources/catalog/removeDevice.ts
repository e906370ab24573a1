import { requiredText, sendChecked } from '../../../shared/validation/valueChecks';
import type { CatalogOperation } from './catalogAction';

export const removeDevice: CatalogOperation = {
	option: {
		name: 'Remove Device',
		value: 'removeDevice',
		action: 'Remove device from catalog (destructive)',
		description: 'Remove one device from the rental catalog',
	},
	actionId: 'remove_device',
	callsBack: true,
	fields: [
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
	],
};
