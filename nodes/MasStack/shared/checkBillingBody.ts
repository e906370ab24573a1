import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { invalidInput } from '../../shared/invalidInput';
import { normalizeDatetimes } from './datetimeFields';

/** The date-time fields of the MasStack partner API v2's billing bodies, by wire name, with their display names. */
const BILLING_DATETIMES: Record<string, string> = {
	movement_datetime: 'Movement Date',
	refund_datetime: 'Refund Date',
	period_start_datetime: 'Period Start',
	period_end_datetime: 'Period End',
};

function amountNumber(context: IExecuteSingleFunctions, value: unknown, displayName: string): number {
	// Spreadsheets and CSV files deliver numbers as text: "12.10" is accepted, "12,10 €" is not.
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number)) {
		throw invalidInput(
			context.getNode(),
			context.getItemIndex(),
			displayName,
			`must be a number, got ${JSON.stringify(value)}`,
			'Give the amount as a number with a decimal point, e.g. 12.10.',
		);
	}
	return number;
}

/**
 * preSend for billing movements and refunds: everything the MasStack partner API v2 asks of the body, checked
 * before anything is sent. Date-times become ISO 8601 UTC, amounts numbers.
 */
export async function checkBillingBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = requestOptions.body as IDataObject;
	const itemIndex = this.getItemIndex();

	normalizeDatetimes(this, body, BILLING_DATETIMES);

	// The MasStack partner API v2: each period bound is "mandatory just if" the other one is set.
	const start = body.period_start_datetime as string | undefined;
	const end = body.period_end_datetime as string | undefined;
	if ((start === undefined) !== (end === undefined)) {
		const missing = start === undefined ? 'Period Start' : 'Period End';
		throw invalidInput(this.getNode(), itemIndex, missing, 'is missing', 'MasStack needs both ends of a billing period or neither: add it, or remove the other one.');
	}
	if (start !== undefined && end !== undefined && Date.parse(start) > Date.parse(end)) {
		throw invalidInput(this.getNode(), itemIndex, 'Period End', `(${end}) is before Period Start (${start})`, 'Swap the two dates or correct one of them.');
	}

	const amount = body.amount as IDataObject;
	const tax = amount.tax as IDataObject;
	const withTaxes = amountNumber(this, amount.value_with_taxes, 'Amount With Taxes');
	const withoutTaxes = amountNumber(this, amount.value_without_taxes, 'Amount Without Taxes');
	const percentage = amountNumber(this, tax.percentage, 'Tax Percentage');
	// Discounts may be negative; taxes only ever make an amount larger in size, with the same sign.
	if (Math.abs(withTaxes) < Math.abs(withoutTaxes) || withTaxes * withoutTaxes < 0) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			'Amount With Taxes',
			`(${withTaxes}) is smaller than Amount Without Taxes (${withoutTaxes})`,
			'The amount with taxes includes the tax, so it is at least the amount without taxes; check whether the two are swapped.',
		);
	}
	if (percentage < 0 || percentage > 100) {
		throw invalidInput(this.getNode(), itemIndex, 'Tax Percentage', `(${percentage}) is outside 0–100`, 'Give the tax rate in percent, e.g. 21.');
	}
	if (!String(tax.type ?? '').trim()) {
		throw invalidInput(this.getNode(), itemIndex, 'Tax Type', 'is empty', 'Enter the tax applied, e.g. IVA.');
	}
	body.amount = { value_with_taxes: withTaxes, value_without_taxes: withoutTaxes, tax: { type: tax.type, percentage } };
	return requestOptions;
}
