import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../shared/validation/invalidInput';
import { isEmptyValue, isoDatetime, optional, sendChecked } from '../../../shared/validation/valueChecks';
import { bodyTextField, requiredBodyText } from '../../fields/bodyTextField';
import type { MasStackRequest, RequestItem } from '../../transport/operationRequest';

const showOnlyForUpdateNetflix = { resource: ['service'], operation: ['updateNetflix'] };
const showOnlyForNotifySimyo = { resource: ['service'], operation: ['notifySimyo'] };

export const updateNetflixFields: INodeProperties[] = [
	requiredBodyText(showOnlyForUpdateNetflix, 'Offer ID', 'offerId', 'offer_id', 'The Netflix offer the service moves to'),
	requiredBodyText(showOnlyForUpdateNetflix, 'Plan Type', 'planType', 'plan_type', 'The Netflix plan type of the offer'),
	requiredBodyText(showOnlyForUpdateNetflix, 'Transaction ID', 'transactionId', 'transaction_id', 'Your identifier of this change; MasStack returns it'),
];

// The MasStack partner API v2 marks none of the three fields required and types the change date as plain text; the
// node sends what is given, the date as ISO 8601, and refuses a notification that says nothing.
export const notifySimyoFields: INodeProperties[] = [
	{
		displayName: 'Change',
		name: 'netflixChange',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'What changed in the Netflix product',
		displayOptions: { show: showOnlyForNotifySimyo },
		options: [
			{
				displayName: 'Change Date',
				name: 'changeDate',
				type: 'dateTime',
				default: '',
				routing: sendChecked('changeDate', 'Change Date', optional(isoDatetime)),
			},
			bodyTextField('Netflix Offer ID', 'netflixOfferId', 'netflixOfferId'),
			bodyTextField('PAI', 'pai', 'pai'),
		],
	},
];

/** A notification that says something; each of its fields checks its own value. */
function checkSimyoNotification(body: IDataObject, { node, itemIndex }: RequestItem): void {
	if (Object.values(body).every(isEmptyValue)) {
		throw invalidInput(node, itemIndex, 'Change', 'is empty', 'Add the PAI, the Netflix Offer ID or the Change Date that Simyo should hear about.');
	}
}

/** Update Netflix's request (the MasStack partner API v2). */
export const updateNetflixRequest: MasStackRequest = {
	method: 'PATCH',
	path: '/v2/netflix/{service_id}',
	fields: updateNetflixFields,
};

/** Notify Simyo of Netflix Change's request (the MasStack partner API v2). */
export const notifySimyoRequest: MasStackRequest = {
	method: 'POST',
	path: '/v2/netflix/{service_id}/simyo',
	fields: notifySimyoFields,
	checks: [checkSimyoNotification],
};
