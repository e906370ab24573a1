import type { IDataObject } from 'n8n-workflow';

import { invalidInput } from '../../shared/validation/invalidInput';
import { toIsoDatetime } from '../../shared/validation/isoDatetime';
import { finiteNumber, isEmptyValue, requiredText } from '../../shared/validation/valueChecks';
import type { RequestItem } from '../transport/operationRequest';

/**
 * For billing movements and refunds: what the MasStack partner API v2 asks of the body across
 * fields, checked before anything is sent; the amount becomes numbers. This runs before the
 * fields' own checks, so the dates are only compared here: each date
 * field refuses a malformed value itself and sends ISO 8601 UTC.
 */
export function checkBillingBody(body: IDataObject, { node, itemIndex, timezone }: RequestItem): void {

	// The MasStack partner API v2: each period bound is "mandatory just if" the other one is set.
	const hasStart = !isEmptyValue(body.period_start_datetime);
	const hasEnd = !isEmptyValue(body.period_end_datetime);
	if (hasStart !== hasEnd) {
		throw invalidInput(node, itemIndex, hasStart ? 'Period End' : 'Period Start', 'is missing', 'MasStack needs both ends of a billing period or neither: add it, or remove the other one.');
	}
	const start = toIsoDatetime(body.period_start_datetime, timezone);
	const end = toIsoDatetime(body.period_end_datetime, timezone);
	if (start !== undefined && end !== undefined && Date.parse(start) > Date.parse(end)) {
		throw invalidInput(node, itemIndex, 'Period End', `(${end}) is before Period Start (${start})`, 'Swap the two dates or correct one of them.');
	}

	const amount = (body.amount ?? {}) as IDataObject;
	const tax = (amount.tax ?? {}) as IDataObject;
	const withTaxes = finiteNumber(amount.value_with_taxes, 'Amount With Taxes', node, itemIndex);
	const withoutTaxes = finiteNumber(amount.value_without_taxes, 'Amount Without Taxes', node, itemIndex);
	const percentage = finiteNumber(tax.percentage, 'Tax Percentage', node, itemIndex);
	// Discounts may be negative; taxes only ever make an amount larger in size, with the same sign.
	if (Math.abs(withTaxes) < Math.abs(withoutTaxes) || withTaxes * withoutTaxes < 0) {
		throw invalidInput(
			node,
			itemIndex,
			'Amount With Taxes',
			`(${withTaxes}) is smaller than Amount Without Taxes (${withoutTaxes})`,
			'The amount with taxes includes the tax, so it is at least the amount without taxes; check whether the two are swapped.',
		);
	}
	if (percentage < 0 || percentage > 100) {
		throw invalidInput(node, itemIndex, 'Tax Percentage', `(${percentage}) is outside 0–100`, 'Give the tax rate in percent, e.g. 21.');
	}
	const taxType = requiredText(tax.type, 'Tax Type', node, itemIndex);
	body.amount = { value_with_taxes: withTaxes, value_without_taxes: withoutTaxes, tax: { type: taxType, percentage } };
}
