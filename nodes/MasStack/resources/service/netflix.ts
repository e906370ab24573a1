import type { INodeProperties } from 'n8n-workflow';

const showOnlyForUpdateNetflix = { resource: ['service'], operation: ['updateNetflix'] };
const showOnlyForNotifySimyo = { resource: ['service'], operation: ['notifySimyo'] };

function requiredText(displayName: string, name: string, property: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		required: true,
		description,
		displayOptions: { show: showOnlyForUpdateNetflix },
		routing: { send: { type: 'body', property, value: '={{ String($value ?? "").trim() }}' } },
	};
}

export const updateNetflixFields: INodeProperties[] = [
	requiredText('Offer ID', 'offerId', 'offer_id', 'The Netflix offer the service moves to'),
	requiredText('Plan Type', 'planType', 'plan_type', 'The Netflix plan type of the offer'),
	requiredText('Transaction ID', 'transactionId', 'transaction_id', 'Your identifier of this change; MasStack returns it'),
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
				routing: { send: { type: 'body', property: 'changeDate' } },
			},
			{
				displayName: 'Netflix Offer ID',
				name: 'netflixOfferId',
				type: 'string',
				default: '',
				routing: { send: { type: 'body', property: 'netflixOfferId', value: '={{ String($value ?? "").trim() }}' } },
			},
			{
				displayName: 'PAI',
				name: 'pai',
				type: 'string',
				default: '',
				routing: { send: { type: 'body', property: 'pai', value: '={{ String($value ?? "").trim() }}' } },
			},
		],
	},
];
