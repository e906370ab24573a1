import type { IDataObject, IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { httpUrl, sendChecked } from '../../shared/validation/valueChecks';

/**
 * The asynchronous MasStack operations whose results arrive as callbacks (the MasStack partner API
 * v3 and v2), as the MasStack Trigger names them; `path` is their segment of the Trigger's URLs
 * (`…/masstack/barring/success`).
 */
export const CALLBACK_OPERATIONS = [
	{ name: 'Barring Update', value: 'barringUpdate', path: 'barring' },
	{ name: 'Device Update', value: 'deviceUpdate', path: 'device' },
	{ name: 'Refund', value: 'refund', path: 'refund' },
	{ name: 'Service Creation', value: 'serviceCreation', path: 'service' },
] as const;

/** The MasStack Trigger's name for an operation whose result arrives as a callback. */
export type CallbackOperation = (typeof CALLBACK_OPERATIONS)[number]['value'];

/** The operation's segment of the MasStack Trigger's URLs. */
function triggerPathOf(operation: CallbackOperation): string {
	return CALLBACK_OPERATIONS.find(({ value }) => value === operation)?.path ?? operation;
}

type Outcome = 'Success' | 'Error';

/** Where MasStack posts an asynchronous operation's result: the body's properties (the MasStack partner API v2). */
const CALLBACK_URL_PROPERTIES: Record<Outcome, string> = {
	Success: 'callback_success_url',
	Error: 'callback_error_url',
};

const NOTICE_NAME = 'callbackNotice';
const urlFieldName = (outcome: Outcome) => `callback${outcome}Url`;

/** The two URLs an operation's result goes to. */
export interface CallbackUrls {
	success: string;
	error: string;
}

/**
 * The two URLs MasStack POSTs an asynchronous operation's result to: the MasStack Trigger's URLs
 * for `operation`, which the user pastes here. The MasStack partner API v2 types them
 * `string (uri)` and answers 400 without them, so each is refused before sending unless it is an
 * http(s) URL. Hidden while the node waits for the callback itself (Wait for Callback), which
 * gives MasStack this execution's URLs instead.
 */
export function callbackUrlFields(showForOperation: IDisplayOptions['show'], operation: CallbackOperation): INodeProperties[] {
	const show = { ...showForOperation, waitForCallback: [false] };
	const path = triggerPathOf(operation);
	const label = `${path.charAt(0).toUpperCase()}${path.slice(1)}`;
	const urlField = (outcome: Outcome, when: string): INodeProperties => ({
		displayName: `Callback ${outcome} URL`,
		name: urlFieldName(outcome),
		type: 'string',
		default: '',
		required: true,
		placeholder: `https://your-n8n.example.com/webhook/.../masstack/${path}/${outcome.toLowerCase()}`,
		description: `Where MasStack posts the result when it ${when}: the MasStack Trigger's production URL for "${label} / ${outcome}"`,
		displayOptions: { show },
		routing: sendChecked(CALLBACK_URL_PROPERTIES[outcome], `Callback ${outcome} URL`, httpUrl),
	});
	return [
		{
			displayName:
				'MasStack answers at once and posts the result later to these URLs. To wait for the result in this same execution, turn on Wait for Callback instead.',
			name: NOTICE_NAME,
			type: 'notice',
			default: '',
			displayOptions: { show },
		},
		urlField('Success', 'succeeds'),
		urlField('Error', 'fails'),
	];
}

/** The callback URLs as the body carries them, success first. */
export function callbackUrlBody(urls: CallbackUrls): IDataObject {
	return { [CALLBACK_URL_PROPERTIES.Success]: urls.success, [CALLBACK_URL_PROPERTIES.Error]: urls.error };
}
