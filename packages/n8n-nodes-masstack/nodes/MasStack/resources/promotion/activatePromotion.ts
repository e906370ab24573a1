import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../shared/validation/invalidInput';
import { toIsoDatetime } from '../../../shared/validation/isoDatetime';
import { finiteNumber, isoDatetime, optional, sendChecked } from '../../../shared/validation/valueChecks';
import type { ValueCheck } from '../../../shared/validation/valueChecks';
import type { MasStackRequest, RequestItem } from '../../transport/operationRequest';

const showOnlyForActivate = { resource: ['promotion'], operation: ['activate'] };

/** A promotion's number in MasStack's catalogue: a whole number above 0 (the MasStack partner API v2's example: 76). */
const promotionNumber: ValueCheck<number> = (value, field, node, itemIndex) => {
	const number = finiteNumber(value, field, node, itemIndex);
	if (!Number.isInteger(number) || number < 1) throw invalidInput(node, itemIndex, field, `must be a whole number above 0, got ${number}`, 'Enter the number of the promotion in MasStack, e.g. 76.');
	return number;
};

// The MasStack partner API v2 prints the promotion object's example but not its field table; the promotion and its
// activation date are what an activation cannot do without, the deactivation date is optional.
export const activatePromotionFields: INodeProperties[] = [
	{
		displayName: 'Promotion ID',
		name: 'promotionNumber',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 0,
		required: true,
		placeholder: '76',
		description: "The promotion's number in MasStack's catalogue",
		displayOptions: { show: showOnlyForActivate },
		routing: sendChecked('promotion.promotion_id', 'Promotion ID', promotionNumber),
	},
	{
		displayName: 'Activation Date',
		name: 'activationDate',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'When the promotion starts; sent as ISO 8601 in UTC',
		displayOptions: { show: showOnlyForActivate },
		routing: sendChecked('promotion.activation_date', 'Activation Date', isoDatetime),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForActivate },
		options: [
			{
				displayName: 'Deactivation Date',
				name: 'deactivationDate',
				type: 'dateTime',
				default: '',
				description: 'When the promotion ends; leave out for an open-ended promotion',
				routing: sendChecked('promotion.deactivation_date', 'Deactivation Date', optional(isoDatetime)),
			},
		],
	},
];

/**
 * An end that is not before the start. It runs before the fields' own checks, so it only compares
 * dates that read as dates; each field refuses a malformed value itself.
 */
export function checkPromotionActivation(body: IDataObject, { node, itemIndex, timezone }: RequestItem): void {
	const promotion = (body.promotion ?? {}) as IDataObject;
	const start = toIsoDatetime(promotion.activation_date, timezone);
	const end = toIsoDatetime(promotion.deactivation_date, timezone);
	if (start !== undefined && end !== undefined && Date.parse(end) < Date.parse(start)) {
		throw invalidInput(node, itemIndex, 'Deactivation Date', `(${end}) is before Activation Date (${start})`, 'Correct one of the two dates.');
	}
}

/** Activate Promotion's request (the MasStack partner API v2). */
export const activatePromotionRequest: MasStackRequest = {
	method: 'POST',
	path: '/v2/{service_type}/{service_id}/promotions',
	fields: activatePromotionFields,
	checks: [checkPromotionActivation],
};
