import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { isImei } from '../../../shared/checkDigits';
import { invalidInput } from '../../../shared/invalidInput';

const showOnlyForVerifyImei = { show: { resource: ['device'], operation: ['verifyImei'] } };

export const verifyImeiFields: INodeProperties[] = [
	{
		displayName: 'IMEI',
		name: 'imei',
		type: 'string',
		default: '',
		required: true,
		placeholder: '861248007147070',
		description: 'The 15-digit IMEI of the device',
		displayOptions: showOnlyForVerifyImei,
		routing: { send: { type: 'body', property: 'imei', value: '={{ String($value).trim() }}' } },
	},
	{
		displayName: 'Verification Level',
		name: 'verificationLevel',
		type: 'string',
		default: 'comprehensive',
		description: 'How deep bolttech checks; the documented level is "comprehensive"',
		displayOptions: showOnlyForVerifyImei,
		routing: { send: { type: 'body', property: 'verificationLevel' } },
	},
	{
		displayName: 'Check Blacklist',
		name: 'checkBlacklist',
		type: 'boolean',
		default: true,
		description: 'Whether to check global blacklist databases',
		displayOptions: showOnlyForVerifyImei,
		routing: { send: { type: 'body', property: 'checkBlacklist' } },
	},
	{
		displayName: 'Check Stolen',
		name: 'checkStolen',
		type: 'boolean',
		default: true,
		description: 'Whether to check stolen device registries',
		displayOptions: showOnlyForVerifyImei,
		routing: { send: { type: 'body', property: 'checkStolen' } },
	},
	{
		displayName: 'Check Authenticity',
		name: 'checkAuthenticity',
		type: 'boolean',
		default: true,
		description: 'Whether to validate the device against manufacturer databases',
		displayOptions: showOnlyForVerifyImei,
		routing: { send: { type: 'body', property: 'checkAuthenticity' } },
	},
	{
		displayName: 'Device Details',
		name: 'deviceDetails',
		type: 'collection',
		placeholder: 'Add Detail',
		default: {},
		description: 'What you know of the device, so bolttech can confirm it',
		displayOptions: showOnlyForVerifyImei,
		options: [
			{
				displayName: 'Make',
				name: 'make',
				type: 'string',
				default: '',
				placeholder: 'Apple',
				routing: { send: { type: 'body', property: 'deviceDetails.make' } },
			},
			{
				displayName: 'Model',
				name: 'model',
				type: 'string',
				default: '',
				placeholder: 'iPhone 15 Pro',
				routing: { send: { type: 'body', property: 'deviceDetails.model' } },
			},
			{
				displayName: 'Purchase Date',
				name: 'purchaseDate',
				type: 'dateTime',
				default: '',
				description: 'Sent as a calendar date (YYYY-MM-DD), as in the bolttech Catalog API (v4.1) and Verify IMEI (v4)',
				routing: {
					send: {
						type: 'body',
						property: 'deviceDetails.purchaseDate',
						value: '={{ $value ? DateTime.fromISO(String($value)).toISODate() : undefined }}',
					},
				},
			},
			{
				displayName: 'Purchase Price',
				name: 'purchasePrice',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description: 'What the customer paid, in major units (e.g. 1199.99)',
				routing: { send: { type: 'body', property: 'deviceDetails.purchasePrice' } },
			},
		],
	},
];

/** preSend: refuses an IMEI that is not 15 digits with a valid Luhn check digit. */
export async function checkImei(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const imei = String((requestOptions.body as IDataObject).imei ?? '');
	if (!isImei(imei)) {
		throw invalidInput(
			this.getNode(),
			this.getItemIndex(),
			'IMEI',
			`"${imei}" is not a valid IMEI`,
			'An IMEI has exactly 15 digits and ends with a Luhn check digit; check for typos or a missing digit.',
		);
	}
	return requestOptions;
}
