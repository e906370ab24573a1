
import { booleanValue, calendarDate, optional, optionalText, sendChecked } from '../../../shared/validation/valueChecks';
import { imeiValue, purchasePriceValue } from '../../valueChecks';
import type { BolttechOperation } from '../action/actionRequest';

const showOnlyForVerifyImei = { show: { resource: ['device'], operation: ['verifyImei'] } };

/** Verify IMEI, described once: its option (the request, the bolttech Catalog API (v4.1) and Verify IMEI (v4)) and its fields. */
export const verifyImei: BolttechOperation = {
	option: {
		name: 'Verify IMEI',
		value: 'verifyImei',
		action: 'Verify IMEI',
		description: 'Check one IMEI against blacklists, stolen registries and manufacturer data',
	},
	request: { method: 'POST', path: '/v4/verify/imei', body: {} },
	fields: [
		{
			displayName: 'IMEI',
			name: 'imei',
			type: 'string',
			default: '',
			required: true,
			placeholder: '861248007147070',
			description: 'The 15-digit IMEI of the device',
			displayOptions: showOnlyForVerifyImei,
			routing: sendChecked('imei', 'IMEI', imeiValue),
		},
		{
			displayName: 'Verification Level',
			name: 'verificationLevel',
			type: 'string',
			default: 'comprehensive',
			description: 'How deep bolttech checks; the documented level is "comprehensive"',
			displayOptions: showOnlyForVerifyImei,
			routing: sendChecked('verificationLevel', 'Verification Level', optionalText),
		},
		{
			displayName: 'Check Blacklist',
			name: 'checkBlacklist',
			type: 'boolean',
			default: true,
			description: 'Whether to check global blacklist databases',
			displayOptions: showOnlyForVerifyImei,
			routing: sendChecked('checkBlacklist', 'Check Blacklist', booleanValue),
		},
		{
			displayName: 'Check Stolen',
			name: 'checkStolen',
			type: 'boolean',
			default: true,
			description: 'Whether to check stolen device registries',
			displayOptions: showOnlyForVerifyImei,
			routing: sendChecked('checkStolen', 'Check Stolen', booleanValue),
		},
		{
			displayName: 'Check Authenticity',
			name: 'checkAuthenticity',
			type: 'boolean',
			default: true,
			description: 'Whether to validate the device against manufacturer databases',
			displayOptions: showOnlyForVerifyImei,
			routing: sendChecked('checkAuthenticity', 'Check Authenticity', booleanValue),
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
					routing: sendChecked('deviceDetails.make', 'Make', optionalText),
				},
				{
					displayName: 'Model',
					name: 'model',
					type: 'string',
					default: '',
					placeholder: 'iPhone 15 Pro',
					routing: sendChecked('deviceDetails.model', 'Model', optionalText),
				},
				{
					displayName: 'Purchase Date',
					name: 'purchaseDate',
					type: 'dateTime',
					default: '',
					description: 'Sent as a calendar date (YYYY-MM-DD), as in the bolttech Catalog API (v4.1) and Verify IMEI (v4)',
					routing: sendChecked('deviceDetails.purchaseDate', 'Purchase Date', optional(calendarDate)),
				},
				{
					displayName: 'Purchase Price',
					name: 'purchasePrice',
					type: 'number',
					typeOptions: { minValue: 0, numberPrecision: 2 },
					default: 0,
					description: 'What the customer paid, in major units (e.g. 1199.99)',
					routing: sendChecked('deviceDetails.purchasePrice', 'Purchase Price', optional(purchasePriceValue)),
				},
			],
		},
	],
};
