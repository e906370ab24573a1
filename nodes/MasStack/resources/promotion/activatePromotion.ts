import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../shared/invalidInput';
import { normalizeDatetimes } from '../../shared/datetimeFields';

const showOnlyForActivate = { resource: ['promotion'], operation: ['activate'] };

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
		routing: { send: { type: 'body', property: 'promotion.promotion_id' } },
	},
	{
		displayName: 'Activation Date',
		name: 'activationDate',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'When the promotion starts; sent as ISO 8601 in UTC',
		displayOptions: { show: showOnlyForActivate },
		routing: { send: { type: 'body', property: 'promotion.activation_date' } },
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
				routing: { send: { type: 'body', property: 'promotion.deactivation_date' } },
			},
		],
	},
];

/** preSend: a whole promotion number, ISO date-times, and an end that is not before the start. */
export async function checkPromotionActivation(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = requestOptions.body as IDataObject;
	normalizeDatetimes(this, body, {
		'promotion.activation_date': 'Activation Date',
		'promotion.deactivation_date': 'Deactivation Date',
	});
	const promotion = body.promotion as IDataObject;
	const promotionId = Number(promotion.promotion_id);
	if (!Number.isInteger(promotionId) || promotionId < 1) {
		throw invalidInput(
			this.getNode(),
			this.getItemIndex(),
			'Promotion ID',
			`must be a whole number above 0, got ${JSON.stringify(promotion.promotion_id)}`,
			'Enter the number of the promotion in MasStack, e.g. 76.',
		);
	}
	promotion.promotion_id = promotionId;
	const { activation_date: start, deactivation_date: end } = promotion as { activation_date: string; deactivation_date?: string };
	if (end !== undefined && Date.parse(end) < Date.parse(start)) {
		throw invalidInput(this.getNode(), this.getItemIndex(), 'Deactivation Date', `(${end}) is before Activation Date (${start})`, 'Correct one of the two dates.');
	}
	return requestOptions;
}
