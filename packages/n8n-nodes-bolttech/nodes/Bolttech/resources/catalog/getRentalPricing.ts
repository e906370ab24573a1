import { listOf, optional, optionalText, requiredText, sendChecked } from '../../../shared/validation/valueChecks';
import { answerLines } from './catalogAction';
import type { CatalogOperation } from './catalogAction';

// The bolttech Catalog API (v4.1) and Verify IMEI (v4) types the filters as text and lists of text (its example's
// pricingIdList [111] holds a number; the node sends it as the text "111").

/** The bolttech Catalog API (v4.1) and Verify IMEI (v4): the answer's `rentalPricing` lists the price lines. */
const priceLines = answerLines('getRentalPricing', 'rentalPricing');

export const getRentalPricing: CatalogOperation = {
	option: {
		name: 'Get Rental Pricing',
		value: 'getRentalPricing',
		action: 'Get rental pricing',
		description: 'Get the rental price lines of the program, optionally filtered',
	},
	actionId: 'get_pricing',
	callsBack: true,
	itemsOf: priceLines.itemsOf,
	fields: [
		{
			displayName: 'Filters',
			name: 'pricingFilters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions: { show: { resource: ['catalog'], operation: ['getRentalPricing'] } },
			options: [
				{
					displayName: 'Customer Type',
					name: 'customerType',
					type: 'string',
					default: '',
					placeholder: 'b2c',
					description: 'Only price lines for this customer type (b2b, b2c, …)',
					routing: sendChecked('payload.customer_type', 'Customer Type', optionalText),
				},
				{
					displayName: 'Device Types',
					name: 'deviceTypes',
					type: 'string',
					typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Device Type' },
					default: [],
					description: 'Only these asset types (smartphone, laptop, …)',
					routing: sendChecked('payload.device_type', 'Device Types', optional(listOf(requiredText))),
				},
				{
					displayName: 'Pricing IDs',
					name: 'pricingIds',
					type: 'string',
					typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Pricing ID' },
					default: [],
					description: 'Only these price lists',
					routing: sendChecked('payload.pricing_id_list', 'Pricing IDs', optional(listOf(requiredText))),
				},
				{
					displayName: 'Warehouse Code',
					name: 'warehouseCode',
					type: 'string',
					default: '',
					description: 'Only devices stocked in this bolttech warehouse',
					routing: sendChecked('payload.warehouse_code', 'Warehouse Code', optionalText),
				},
			],
		},
		...priceLines.fields,
	],
};
