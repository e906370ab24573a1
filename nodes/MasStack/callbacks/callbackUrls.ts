import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { httpUrl, sendChecked } from '../../shared/valueChecks';

/**
 * The two URLs MasStack POSTs an asynchronous operation's result to. `triggerOperation` is the
 * MasStack Trigger's name for the operation, whose URLs the user pastes here. The MasStack partner
 * API v2 types them `string (uri)` and answers 400 without them, so each is refused before sending
 * unless it is an http(s) URL.
 */
export function callbackUrlFields(show: IDisplayOptions['show'], triggerOperation: string): INodeProperties[] {
	const urlField = (outcome: 'Success' | 'Error', property: string, when: string): INodeProperties => ({
		displayName: `Callback ${outcome} URL`,
		name: `callback${outcome}Url`,
		type: 'string',
		default: '',
		required: true,
		placeholder: `https://your-n8n.example.com/webhook/.../masstack/${triggerOperation.toLowerCase()}/${outcome.toLowerCase()}`,
		description: `Where MasStack posts the result when it ${when}: the MasStack Trigger's production URL for "${triggerOperation} / ${outcome}"`,
		displayOptions: { show },
		routing: sendChecked(property, `Callback ${outcome} URL`, httpUrl),
	});
	return [
		{
			displayName:
				'MasStack answers at once and posts the result later to these URLs. To wait for the result in this same execution, use the MasStack Async node instead.',
			name: 'callbackNotice',
			type: 'notice',
			default: '',
			displayOptions: { show },
		},
		urlField('Success', 'callback_success_url', 'succeeds'),
		urlField('Error', 'callback_error_url', 'fails'),
	];
}
