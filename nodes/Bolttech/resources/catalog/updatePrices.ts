import type { INodeProperties } from 'n8n-workflow';

const showOnlyForUpdatePrices = { show: { resource: ['catalog'], operation: ['updatePrices'] } };

export const DEFAULT_BATCH_SIZE = 500;

export const updatePricesFields: INodeProperties[] = [
	{
		displayName:
			'Takes all input items, one per SKU, and sends them to bolttech as price lists in batches, in order. Each batch comes out as one item.',
		name: 'updatePricesNotice',
		type: 'notice',
		default: '',
		displayOptions: showOnlyForUpdatePrices,
	},
	{
		displayName: 'Incremental',
		name: 'incremental',
		type: 'boolean',
		default: true,
		description:
			'Whether the input holds only the prices that changed since the last upload. Turn off to send the whole price list, which replaces every price bolttech holds (the first batch replaces, later batches add to it).',
		displayOptions: showOnlyForUpdatePrices,
	},
	{
		displayName: 'EAN',
		name: 'ean',
		type: 'string',
		default: '={{ $json.ean }}',
		description: 'EAN-8 or EAN-13 of the device; give an EAN, a partner device ID or both',
		displayOptions: showOnlyForUpdatePrices,
	},
	{
		displayName: 'Partner Device ID',
		name: 'partnerDeviceId',
		type: 'string',
		default: '={{ $json.partner_device_id }}',
		description: 'Your SKU for the device, as agreed with bolttech during onboarding',
		displayOptions: showOnlyForUpdatePrices,
	},
	{
		displayName: 'Net Price',
		name: 'netPrice',
		type: 'string',
		default: '={{ $json.price_net }}',
		required: true,
		description: 'The net price of the device, in the unit chosen below',
		displayOptions: showOnlyForUpdatePrices,
	},
	{
		displayName: 'Price Unit',
		name: 'priceUnit',
		type: 'options',
		options: [
			{
				name: 'Minor Units (e.g. Cents)',
				value: 'minor',
				description: 'Whole numbers such as 899900 for 8,999.00',
			},
			{
				name: 'Major Units (e.g. Euros)',
				value: 'major',
				description: 'Amounts such as 8999.00, converted to minor units before sending',
			},
		],
		default: 'minor',
		description: 'Bolttech expects price_net as an integer in minor units',
		displayOptions: showOnlyForUpdatePrices,
	},
	{
		displayName: 'Decimal Places',
		name: 'decimalPlaces',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 4 },
		default: 2,
		description: 'Minor units per major unit as a power of ten: 2 for EUR or USD, 0 for JPY, 3 for KWD',
		displayOptions: { show: { ...showOnlyForUpdatePrices.show, priceUnit: ['major'] } },
	},
	{
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_BATCH_SIZE,
		description: 'How many SKUs each price list request carries',
		displayOptions: showOnlyForUpdatePrices,
	},
	{
		displayName: 'Options',
		name: 'retryOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showOnlyForUpdatePrices,
		options: [
			{
				displayName: 'Max Retries per Batch',
				name: 'maxRetries',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 10 },
				default: 3,
				description: 'How often a batch answered 429 or 503 is sent again before it counts as failed',
			},
			{
				displayName: 'Max Wait per Retry (Seconds)',
				name: 'maxRetryWaitSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 60,
				description: "Upper bound for the wait bolttech asks for in Retry-After",
			},
		],
	},
];
