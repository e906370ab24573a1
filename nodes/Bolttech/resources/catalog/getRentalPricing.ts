import type { INodeProperties } from 'n8n-workflow';

export const getRentalPricingFields: INodeProperties[] = [
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
				routing: { send: { type: 'body', property: 'payload.customer_type' } },
			},
			{
				displayName: 'Device Types',
				name: 'deviceTypes',
				type: 'string',
				typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Device Type' },
				default: [],
				description: 'Only these asset types (smartphone, laptop, …)',
				routing: { send: { type: 'body', property: 'payload.device_type' } },
			},
			{
				displayName: 'Pricing IDs',
				name: 'pricingIds',
				type: 'string',
				typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Pricing ID' },
				default: [],
				description: 'Only these price lists',
				routing: { send: { type: 'body', property: 'payload.pricing_id_list' } },
			},
			{
				displayName: 'Warehouse Code',
				name: 'warehouseCode',
				type: 'string',
				default: '',
				description: 'Only devices stocked in this bolttech warehouse',
				routing: { send: { type: 'body', property: 'payload.warehouse_code' } },
			},
		],
	},
];
