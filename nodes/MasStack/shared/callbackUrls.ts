import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { invalidInput } from '../../shared/invalidInput';

/**
 * The two URLs MasStack POSTs an asynchronous operation's result to. `triggerOperation` is the
 * MasStack Trigger's name for the operation, whose URLs the user pastes here.
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
		routing: { send: { type: 'body', property, value: '={{ String($value ?? "").trim() }}' } },
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

const CALLBACK_FIELDS: Record<string, string> = {
	callback_success_url: 'Callback Success URL',
	callback_error_url: 'Callback Error URL',
};

function isHttpUrl(value: unknown): boolean {
	try {
		const url = new URL(String(value));
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

/**
 * preSend: the MasStack partner API v2 types the callback URLs `string (uri)`; MasStack answers 400 without them.
 * A request without either (a v3 operation, whose callbacks MasStack sends to the URL agreed
 * with the partner) passes.
 */
export async function checkCallbackUrls(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = (requestOptions.body ?? {}) as IDataObject;
	if (!Object.keys(CALLBACK_FIELDS).some((property) => property in body)) return requestOptions;
	for (const [property, displayName] of Object.entries(CALLBACK_FIELDS)) {
		if (!isHttpUrl(body[property])) {
			throw invalidInput(
				this.getNode(),
				this.getItemIndex(),
				displayName,
				body[property] ? `"${String(body[property])}" is not an http(s) URL` : 'is empty',
				'Paste the matching production URL of a MasStack Trigger (or any http(s) URL that accepts the callback).',
			);
		}
	}
	return requestOptions;
}
