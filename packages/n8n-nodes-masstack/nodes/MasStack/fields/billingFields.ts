import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { booleanValue, isoDatetime, optional, sendChecked } from '../../shared/validation/valueChecks';
import { bodyTextField } from './bodyTextField';

/** The date a movement or refund happened, sent as ISO 8601 UTC. */
export function billingDateField(
	show: IDisplayOptions['show'],
	displayName: string,
	name: string,
	property: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'dateTime',
		default: '',
		required: true,
		description: 'When it happened; sent as ISO 8601 in UTC',
		displayOptions: { show },
		routing: sendChecked(property, displayName, isoDatetime),
	};
}

/**
 * The fields that billing movements and refunds share (the MasStack partner API v2): the amount with and without
 * taxes and the tax, checked together by checkBillingBody; billingAdditionalFields holds the optional period,
 * invoice and description.
 */
export function amountFields(show: IDisplayOptions['show']): INodeProperties[] {
	return [
		{
			displayName: 'Amount With Taxes',
			name: 'valueWithTaxes',
			type: 'number',
			typeOptions: { numberPrecision: 2 },
			default: 0,
			required: true,
			description: 'The amount including taxes, in euros (e.g. 12.10)',
			displayOptions: { show },
			routing: { send: { type: 'body', property: 'amount.value_with_taxes' } },
		},
		{
			displayName: 'Amount Without Taxes',
			name: 'valueWithoutTaxes',
			type: 'number',
			typeOptions: { numberPrecision: 2 },
			default: 0,
			required: true,
			description: 'The amount before taxes, in euros (e.g. 10.00)',
			displayOptions: { show },
			routing: { send: { type: 'body', property: 'amount.value_without_taxes' } },
		},
		{
			displayName: 'Tax Type',
			name: 'taxType',
			type: 'string',
			default: 'IVA',
			required: true,
			// The MasStack partner API v2 shows only "IVA"; IGIC (Canary Islands) and IPSI (Ceuta, Melilla) are the other Spanish indirect taxes.
			description: 'The tax applied, e.g. IVA, IGIC or IPSI',
			displayOptions: { show },
			routing: { send: { type: 'body', property: 'amount.tax.type' } },
		},
		{
			displayName: 'Tax Percentage',
			name: 'taxPercentage',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 100 },
			default: 21,
			required: true,
			description: 'The tax rate in percent (e.g. 21)',
			displayOptions: { show },
			routing: { send: { type: 'body', property: 'amount.tax.percentage' } },
		},
	];
}

export function billingAdditionalFields(show: IDisplayOptions['show'], extraOptions: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: ([
			{
				displayName: 'Period Start',
				name: 'periodStart',
				type: 'dateTime',
				default: '',
				description: 'Start of the billed period; give the end too (MasStack requires both or neither)',
				routing: sendChecked('period_start_datetime', 'Period Start', optional(isoDatetime)),
			},
			{
				displayName: 'Period End',
				name: 'periodEnd',
				type: 'dateTime',
				default: '',
				description: 'End of the billed period; give the start too (MasStack requires both or neither)',
				routing: sendChecked('period_end_datetime', 'Period End', optional(isoDatetime)),
			},
			bodyTextField(
				'External Invoice ID',
				'externalInvoiceId',
				'external_invoice_id',
				'Your invoice reference; MasStack only stores it',
			),
			bodyTextField('Description', 'description', 'description', 'Text shown with the movement, e.g. "February invoice"'),
			...extraOptions,
		] as INodeProperties[]).sort((first, second) => first.displayName.localeCompare(second.displayName)),
	};
}

export function billableField(show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Billable',
		name: 'billable',
		type: 'boolean',
		default: false,
		description: 'Whether MasStack should bill this to the customer',
		displayOptions: { show },
		routing: sendChecked('billable', 'Billable', booleanValue),
	};
}
