import { dateTimeText, listOf, optional, requiredText, sendChecked } from '../../../shared/validation/valueChecks';
import { answerLines } from './catalogAction';
import type { CatalogOperation } from './catalogAction';

const stockLines = answerLines('getStock', 'stock');

export const getStock: CatalogOperation = {
	option: {
		name: 'Get Stock',
		value: 'getStock',
		action: 'Get stock availability',
		description: 'Get the stock of devices in the rental program',
	},
	actionId: 'get_stock',
	callsBack: true,
	itemsOf: stockLines.itemsOf,
	fields: [
		{
			displayName: 'Filters',
			name: 'stockFilters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions: { show: { resource: ['catalog'], operation: ['getStock'] } },
			options: [
				{
					displayName: 'Partner Device IDs',
					name: 'partnerDeviceIds',
					type: 'string',
					typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Partner Device ID' },
					default: [],
					description: 'Only these devices (your SKUs); all devices of the program when left out',
					routing: sendChecked('payload.partner_device_id', 'Partner Device IDs', optional(listOf(requiredText))),
				},
				{
					displayName: 'Updated Since',
					name: 'updatedSince',
					type: 'dateTime',
					default: '',
					description: 'Only devices whose stock changed after this date',
					routing: sendChecked('payload.updated', 'Updated Since', optional(dateTimeText)),
				},
			],
		},
		...stockLines.fields,
	],
};
